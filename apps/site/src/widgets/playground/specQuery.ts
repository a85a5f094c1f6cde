import { runSpecSchema } from '@decaylab/core';

/** A node of the RunSpec's JSON Schema, as far as this module reads it. */
type Node = { readonly [key: string]: unknown };
type Leaf = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

const ROOT = runSpecSchema as unknown as Node;
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrimitive = (v: unknown) =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The alternatives of a node (`oneOf`/`anyOf`, flattened), or the node itself. */
function branches(node: Node): Node[] {
  const alts = (node.oneOf ?? node.anyOf) as Node[] | undefined;
  return alts ? alts.flatMap(branches) : [node];
}

/** The JSON types a node allows (from `type`, `const` and `enum`); empty when it says nothing. */
function typesOf(node: Node | undefined): Set<Leaf> {
  const out = new Set<Leaf>();
  if (!node) return out;
  const add = (v: unknown) =>
    out.add(v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as Leaf));
  for (const b of branches(node)) {
    const types = b.type === undefined ? [] : Array.isArray(b.type) ? b.type : [b.type];
    for (const t of types) out.add(t === 'integer' ? 'number' : (t as Leaf));
    if ('const' in b) add(b.const);
    if (Array.isArray(b.enum)) b.enum.forEach(add);
  }
  return out;
}

/** The `items` schemas of a node's array alternatives, as one node. */
function itemsOf(node: Node | undefined): Node | undefined {
  const items = node
    ? branches(node)
        .map((b) => b.items as Node | undefined)
        .filter((i): i is Node => i !== undefined)
    : [];
  return items.length > 0 ? { oneOf: items } : undefined;
}

/**
 * The object alternatives of `node` that fit an object whose `kind` is `kind` (`undefined`: one
 * without a kind, like inline data or inline init). All of them when none fits.
 */
function objectBranches(node: Node, kind: unknown): Node[] {
  const objects = branches(node).filter((b) => b.type === 'object');
  const fits = objects.filter((b) => {
    const rule = (b.properties as Node | undefined)?.kind as Node | undefined;
    if (kind === undefined) return !(b.required as string[] | undefined)?.includes('kind');
    return rule !== undefined && (rule.const === kind || (rule.enum as unknown[])?.includes(kind));
  });
  return fits.length > 0 ? fits : objects;
}

/**
 * Where a key of an object leads: its property's schema, or the schema every other key shares
 * (`additionalProperties`, as for inline init's `"0.weight"`: `rest` then means the key takes every
 * remaining dotted segment), or nothing when the key is unknown.
 */
function childOf(objects: Node[], key: string): { node: Node; rest: boolean } | undefined {
  const props = objects
    .map((b) => b.properties as Node | undefined)
    .map((p) => (p && Object.hasOwn(p, key) ? (p[key] as Node) : undefined))
    .filter((p): p is Node => p !== undefined);
  if (props.length > 0)
    return { node: props.length === 1 ? props[0] : { oneOf: props }, rest: false };
  const extra = objects.map((b) => b.additionalProperties).find(isObj);
  return extra ? { node: extra, rest: true } : undefined;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^-?Infinity$|^NaN$/;

/** A value as written in the query: shortest round-trip numbers, `-0` kept. */
function plain(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  return String(v);
}

/** A raw query value read as the schema node expects (`undefined`: malformed JSON). */
function decodeLeaf(raw: string, node: Node | undefined): { value: unknown } | undefined {
  const types = typesOf(node);
  if (/^["[{]/.test(raw)) {
    try {
      return { value: JSON.parse(raw) };
    } catch {
      return types.has('string') ? { value: raw } : undefined;
    }
  }
  const open = types.size === 0; // nothing known: a number, boolean or null when it reads as one
  if (raw === 'null' && (open || types.has('null'))) return { value: null };
  if ((raw === 'true' || raw === 'false') && (open || types.has('boolean')))
    return { value: raw === 'true' };
  if (NUMBER.test(raw) && (open || types.has('number'))) return { value: Number(raw) };
  if (types.has('array') && !types.has('string')) {
    const items = itemsOf(node);
    return { value: raw.split(',').map((item) => decodeLeaf(item, items)?.value ?? item) };
  }
  if (types.has('string')) return { value: raw };
  // The wrong type for the field: kept as read (a number or a word), for parseSpec to name.
  if (raw === 'true' || raw === 'false') return { value: raw === 'true' };
  return { value: NUMBER.test(raw) ? Number(raw) : raw };
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b);
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => same(v, b[i]));
  return a === b;
}

/** Whether a value must travel as one JSON key: arrays of objects or arrays, at any depth. */
function needsJson(v: unknown): boolean {
  if (Array.isArray(v)) return v.length === 0 || v.some((item) => !isPrimitive(item));
  if (isObj(v)) return Object.keys(v).length === 0 || Object.values(v).some(needsJson);
  return false;
}

/** The query text of one leaf: plain when it reads back the same, else JSON. */
function encodeLeaf(v: unknown, node: Node | undefined): string {
  if (isPrimitive(v) || (Array.isArray(v) && v.length > 0 && v.every(isPrimitive))) {
    const text = Array.isArray(v) ? v.map(plain).join(',') : plain(v);
    const back = decodeLeaf(text, node);
    if (back && same(back.value, v)) return text;
  }
  return JSON.stringify(v);
}

function flatten(
  value: Record<string, unknown>,
  objects: Node[],
  prefix: string,
  out: [string, string][],
): void {
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const child = childOf(objects, key);
    const path = prefix + key;
    const dotted = key === '' || (key.includes('.') && !child?.rest);
    if (isObj(v) && !dotted && !needsJson(v) && !child?.rest) {
      flatten(v, objectBranches(child?.node ?? {}, v.kind), `${path}.`, out);
    } else if (dotted && isObj(v)) {
      out.push([path, JSON.stringify(v)]);
    } else {
      out.push([path, encodeLeaf(v, child?.node)]);
    }
  }
}

/** Percent-encodes a query part, leaving the characters that read well raw in a URL. */
function queryText(text: string): string {
  return encodeURIComponent(text).replace(/%(2C|3A|5B|5D|7B|7D|2F|40)/g, (m) =>
    decodeURIComponent(m),
  );
}

/**
 * The whole RunSpec as a URL query (without the leading `?`), compact but readable: nested fields
 * as dotted keys in the spec's own order (`data.kind=line&model.degree=5&optimizer.lr=0.05`),
 * arrays of numbers or names comma-joined (`model.hidden=16,16`), numbers in JavaScript's
 * shortest round-trip form, booleans as `true`/`false`, `null` as `null`. What cannot be written
 * so travels as one JSON-valued key: param groups (`paramGroups=[{…}]`) and inline data
 * (`data={"train":…}`), and a string that would read back as something else (`name="12"`).
 * Inline init values keep their parameter names as keys (`init.0.weight=0.1,0.2`).
 * `decodeSpecQuery` inverts it exactly. It encodes whatever it is given (the spec as written, or
 * normalized by `parseSpec`); it does not validate.
 *
 * @example
 * encodeSpecQuery({ data: { kind: 'line' }, model: { kind: 'polynomial', degree: 5 },
 *   optimizer: { kind: 'sgd', lr: 0.05 }, steps: 300 })
 * // 'data.kind=line&model.kind=polynomial&model.degree=5&optimizer.kind=sgd&optimizer.lr=0.05&steps=300'
 */
export function encodeSpecQuery(spec: object): string {
  const out: [string, string][] = [];
  flatten(spec as Record<string, unknown>, [ROOT], '', out);
  return out.map(([k, v]) => `${queryText(k)}=${queryText(v)}`).join('&');
}

/** Sets an own key, even `__proto__` (an inline init key), without touching any prototype. */
const define = (o: object, key: string, value: unknown) =>
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });

interface Entry {
  /** Its place in the query, to list problems in the order of the keys. */
  readonly at: number;
  readonly key: string;
  readonly segments: readonly string[];
  readonly raw: string;
}

function unflatten(
  entries: readonly Entry[],
  objects: Node[],
  depth: number,
  problems: [number, string][],
): Record<string, unknown> {
  const kindEntry = entries.find(
    (e) => e.segments.length === depth + 1 && e.segments[depth] === 'kind',
  );
  const kind = kindEntry && decodeLeaf(kindEntry.raw, { type: 'string' })?.value;
  const here = objectBranches({ oneOf: objects }, kind);
  // Group by the key each entry names at this level, in the order keys first appear.
  const groups = new Map<string, { child: ReturnType<typeof childOf>; entries: Entry[] }>();
  for (const e of entries) {
    const head = e.segments[depth] as string;
    const child = childOf(here, head);
    if (!child) {
      problems.push([e.at, `unknown key "${e.key}"`]);
      continue;
    }
    const name = child.rest ? e.segments.slice(depth).join('.') : head;
    const group = groups.get(name) ?? { child, entries: [] };
    group.entries.push(e);
    groups.set(name, group);
  }
  const out: Record<string, unknown> = {};
  for (const [name, { child, entries: mine }] of groups) {
    const node = child?.node;
    const leaves = mine.filter((e) => child?.rest || e.segments.length === depth + 1);
    const deeper = mine.filter((e) => !leaves.includes(e));
    if (leaves.length > 0) {
      const leaf = leaves[0] as Entry;
      for (const other of [...leaves.slice(1), ...deeper])
        problems.push([other.at, `conflicting key "${other.key}" (also given as "${leaf.key}")`]);
      const read = decodeLeaf(leaf.raw, node);
      if (read) define(out, name, read.value);
      else
        problems.push([
          leaf.at,
          `malformed key "${leaf.key}": ${JSON.stringify(leaf.raw.slice(0, 40))} is not valid JSON`,
        ]);
    } else {
      const inner = unflatten(deeper, branches(node ?? {}), depth + 1, problems);
      if (Object.keys(inner).length > 0) define(out, name, inner);
    }
  }
  return out;
}

/**
 * Reads a RunSpec back from a URL query written by `encodeSpecQuery` (or by hand): the inverse of
 * its scheme, typed by the RunSpec's JSON Schema (`runSpecSchema`), so `name=12` stays a string
 * and `steps=300` becomes a number. It never throws: every key it cannot place becomes one line of
 * `problems` naming the key (`unknown key "optimizer.lrr"`, `malformed key "paramGroups": …`,
 * `duplicate key "steps" (the last one counts)`), and the key is left out of `spec`. A value of the
 * wrong type for its field (`steps=abc`) is kept as read, so that `parseSpec` names the field. The
 * problems are English, like `parseSpec`'s messages. Keys of other widgets (any key whose first
 * segment is not a RunSpec field) are problems too: give this function only the spec's keys.
 *
 * @example
 * decodeSpecQuery('?data.kind=line&model.kind=linear&optimizer.kind=sgd&optimizer.lr=0.1&steps=300')
 * // { spec: { data: { kind: 'line' }, model: { kind: 'linear' }, optimizer: { kind: 'sgd', lr: 0.1 }, steps: 300 }, problems: [] }
 */
export function decodeSpecQuery(search: string | URLSearchParams): {
  spec: Record<string, unknown>;
  problems: string[];
} {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const problems: [number, string][] = [];
  const last = new Map<string, { at: number; raw: string }>();
  let at = 0;
  for (const [key, raw] of params) {
    if (last.has(key)) problems.push([at, `duplicate key "${key}" (the last one counts)`]);
    last.set(key, { at: last.get(key)?.at ?? at, raw });
    at++;
  }
  const entries: Entry[] = [];
  for (const [key, { at, raw }] of last) {
    const segments = key.split('.');
    if (segments.some((s) => s === '')) problems.push([at, `malformed key "${key}"`]);
    else entries.push({ at, key, segments, raw });
  }
  const spec = unflatten(entries, [ROOT], 0, problems);
  return { spec, problems: problems.sort((a, b) => a[0] - b[0]).map(([, text]) => text) };
}
