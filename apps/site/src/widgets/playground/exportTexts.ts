import { encodeEvent, type RunEvent } from '@decaylab/core';

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrimitive = (v: unknown) => typeof v !== 'object' || v === null;

/** JSON with objects indented by 2 spaces and arrays of numbers or names on one line each. */
function pretty(v: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.every(isPrimitive))
      return `[${v.map((item) => JSON.stringify(item) ?? 'null').join(', ')}]`;
    return `[\n${v.map((item) => inner + pretty(item, inner)).join(',\n')}\n${indent}]`;
  }
  if (isObj(v)) {
    const entries = Object.entries(v).filter(
      ([, item]) => item !== undefined && typeof item !== 'function' && typeof item !== 'symbol',
    );
    if (entries.length === 0) return '{}';
    const lines = entries.map(
      ([key, item]) => `${inner}${JSON.stringify(key)}: ${pretty(item, inner)}`,
    );
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * The spec as a JSON file: exactly the object given, objects indented by 2 spaces, each array of
 * numbers or names on one line (`"hidden": [16, 8]`, one line per row of inline data), and a
 * final newline. The page passes the spec as the user wrote it (defaults left out, so the file
 * says what was chosen); `decaylab run spec.json` and `parseSpec` fill in the rest.
 *
 * @example
 * specJson({ data: { kind: 'line' }, model: { kind: 'linear' }, optimizer: { kind: 'sgd', lr: 0.1 }, steps: 100 })
 */
export function specJson(spec: object): string {
  return `${pretty(spec, '')}\n`;
}

/** Options for `cliCommand`. */
export interface CliCommandOptions {
  /** The spec file's name in the `file` form (default `spec.json`, what the JSON export saves). */
  readonly file?: string;
  /**
   * `auto` (the default): flags when every field can be written as one (`--set path=value`),
   * else the JSON on stdin; `stdin`: always the JSON on stdin (a here-document); `file`:
   * `decaylab run FILE`, for a spec saved with the JSON export.
   */
  readonly form?: 'auto' | 'stdin' | 'file';
}

/** Characters a POSIX shell word may hold unquoted. */
const SAFE = /^[\w.,:/=@%+-]+$/;

/** A single quote, and how one is written inside a single-quoted shell word. */
const QUOTE = "'";
const QUOTED_QUOTE = "'\\''";

/** One shell word: as is when safe, else single-quoted (a `'` inside becomes `'\''`). */
function shellWord(text: string): string {
  return SAFE.test(text) ? text : `${QUOTE}${text.replaceAll(QUOTE, QUOTED_QUOTE)}${QUOTE}`;
}

/** A key `--set` reads back as one object key (no dots, brackets, digits-only or prototype names). */
const FLAG_KEY = /^[A-Za-z_$][\w$-]*$/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

const isScalar = (v: unknown) =>
  v === null ||
  (typeof v === 'string' && !v.includes('\0')) || // a NUL cannot be in a command's argument
  typeof v === 'boolean' ||
  (typeof v === 'number' && Number.isFinite(v));

/** A `--set` value that `decaylab` reads back as `v` (JSON when it parses, else the string). */
function flagValue(v: unknown): string {
  if (typeof v === 'string') {
    try {
      JSON.parse(v);
      return JSON.stringify(v); // `12`, `true`, ` 1` would read as JSON: quote them
    } catch {
      return v;
    }
  }
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  return JSON.stringify(v);
}

/** `--set` assignments for every leaf, or undefined when one cannot be written as a flag. */
function flagsOf(value: Record<string, unknown>, prefix: string): string[] | undefined {
  const out: string[] = [];
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (prefix !== '' && entries.length === 0) return undefined; // `{}` has no leaf to set
  for (const [key, v] of entries) {
    if (!FLAG_KEY.test(key) || FORBIDDEN.has(key)) return undefined;
    const path = prefix + key;
    if (isObj(v)) {
      const inner = flagsOf(v, `${path}.`);
      if (!inner) return undefined;
      out.push(...inner);
    } else if (isScalar(v) || (Array.isArray(v) && v.every(isScalar))) {
      out.push(`${path}=${flagValue(v)}`);
    } else {
      return undefined; // arrays of objects (param groups), rows of inline data, NaN, …
    }
  }
  return out;
}

/**
 * The `decaylab run` command line that reproduces the run of `spec` (its NDJSON on stdout is
 * byte for byte the recording of `train(spec)`), as POSIX shell text. When every field of the
 * spec can be a flag (numbers, strings, booleans and arrays of them: no param groups, inline data
 * or inline init), the flags form, one setting per line, on an empty spec read from stdin:
 *
 *     echo '{}' | decaylab run - \
 *       --set data.kind=line \
 *       --set optimizer.lr=0.05 \
 *       --steps 300 \
 *       --seed 1
 *
 * Otherwise the spec's JSON on stdin, as a here-document (`decaylab run - <<'EOF'` … `EOF`), which
 * any POSIX shell passes through untouched. Values are quoted for the shell where they need it.
 *
 * @example
 * cliCommand(spec)                   // flags, or the JSON on stdin
 * cliCommand(spec, { form: 'file' }) // 'decaylab run spec.json'
 */
export function cliCommand(
  spec: object,
  { file = 'spec.json', form = 'auto' }: CliCommandOptions = {},
): string {
  if (form === 'file') return `decaylab run ${shellWord(file)}`;
  const sets = form === 'auto' ? flagsOf(spec as Record<string, unknown>, '') : undefined;
  if (!sets) return `decaylab run - <<'EOF'\n${specJson(spec)}EOF\n`;
  const { steps, seed } = spec as { steps?: unknown; seed?: unknown };
  const flags = sets
    .filter((s) => {
      if (s.startsWith('steps=')) return !(Number.isSafeInteger(steps) && (steps as number) >= 1);
      if (s.startsWith('seed=')) return !(Number.isSafeInteger(seed) && (seed as number) >= 0);
      return true;
    })
    .map((s) => `--set ${shellWord(s)}`);
  if (Number.isSafeInteger(steps) && (steps as number) >= 1) flags.push(`--steps ${steps}`);
  if (Number.isSafeInteger(seed) && (seed as number) >= 0) flags.push(`--seed ${seed}`);
  return `${["echo '{}' | decaylab run -", ...flags].join(' \\\n  ')}\n`;
}

/**
 * A recording: the events as NDJSON, one `encodeEvent(e)` per line, each ending in a newline,
 * exactly what `decaylab run` writes and the run viewer opens.
 *
 * @example
 * train(spec).pipe(toArray()).subscribe((events) => download(recordingText(events)));
 */
export function recordingText(events: readonly RunEvent[]): string {
  let text = '';
  for (const e of events) text += `${encodeEvent(e)}\n`;
  return text;
}
