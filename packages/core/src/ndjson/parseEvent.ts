import { EVENT_VERSION, type RunEvent } from '../events.js';
import { paramShapes, sizeOf } from '../models/paramShapes.js';
import { show } from '../spec/check.js';
import { parseSpec } from '../spec/parseSpec.js';
import { inputDimOf } from '../spec/readData.js';
import { SpecError } from '../spec/specError.js';
import { ReplayError } from './replayError.js';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The fields of a step event besides `type` and `step`, in the order `train()` writes them. */
export const STEP_FIELDS = [
  'epoch',
  'lr',
  'loss',
  'grad',
  'decayGrad',
  'decoupledDecay',
  'params',
  'val',
  'norms',
] as const;
export type StepField = (typeof STEP_FIELDS)[number];

/** The step fields every full recording has (the others appear only for some runs). */
export const FULL_STEP_FIELDS: readonly StepField[] = [
  'epoch',
  'lr',
  'loss',
  'grad',
  'params',
  'norms',
];

/** Keys no parameter may be named: they would reach `Object.prototype` in a plain object. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** Options for `parseEvent`. */
export interface ParseEventOptions {
  /**
   * Step fields that must be present. The default, `FULL_STEP_FIELDS`, reads full recordings;
   * a shorter list also reads a `--fields` recording that has at least those. Fields that are
   * present are always checked.
   */
  readonly needs?: readonly StepField[];
  /** Who needs them, for the message (`replay --format summary`). */
  readonly purpose?: string;
  /** The run header's parameter sizes: names and lengths in step events must match them. */
  readonly sizes?: ReadonlyMap<string, number>;
}

/** A key as it appears in a path: `.weight`, or `["odd key"]` when it is not a plain name. */
const keyPath = (k: string) => (/^[\w.]{1,40}$/.test(k) ? `.${k}` : `[${show(k)}]`);

/**
 * Parses and validates one NDJSON line of a recording. Throws a `ReplayError` naming the line
 * (and the field) when it is not a valid version-1 RunEvent. A UTF-8 BOM and a trailing `\r`
 * are ignored. A `run` header's shapes must be those of its spec's model; with `sizes` (the
 * header's), a step's parameter names and lengths must match the header's.
 *
 * @example
 * parseEvent('{"type":"end","reason":"completed","steps":10}', 12) // { type: 'end', ... }
 */
export function parseEvent(
  line: string,
  lineNo: number,
  source?: string,
  { needs = FULL_STEP_FIELDS, purpose, sizes }: ParseEventOptions = {},
): RunEvent {
  const fail = (reason: string): never => {
    throw new ReplayError(reason, lineNo, source);
  };
  let text = line;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.endsWith('\r')) text = text.slice(0, -1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const snippet = text.length > 30 ? `${text.slice(0, 30)}…` : text;
    return fail(`not valid JSON: ${JSON.stringify(snippet)}`);
  }
  if (!isRec(value)) return fail(`expected an event object, got ${show(value)}`);
  const at = (path: string, expected: string, got: unknown) =>
    fail(`${path}: expected ${expected}, got ${show(got)}`);
  const names = (table = sizes) => [...(table?.keys() ?? [])].join(', ');
  /** Checks a {name: number[]} object; `all`: every parameter of the header must be there. */
  const values = (v: unknown, path: string, all: boolean, table = sizes) => {
    if (!isRec(v)) return at(path, 'an object of number arrays', v);
    let n = 0;
    for (const k in v) {
      const arr = v[k];
      const size = table?.get(k);
      if (RESERVED.has(k) || (table && size === undefined))
        fail(`${path}${keyPath(k)}: not a parameter of this run (its parameters: ${names(table)})`);
      if (!Array.isArray(arr)) return at(`${path}${keyPath(k)}`, 'an array of numbers', arr);
      if (size !== undefined && arr.length !== size)
        fail(
          `${path}${keyPath(k)}: expected ${size} values (from the run header), got ${arr.length}`,
        );
      for (let i = 0; i < arr.length; i++)
        if (!isNum(arr[i])) at(`${path}${keyPath(k)}[${i}]`, 'a finite number', arr[i]);
      n += 1;
    }
    if (all && table && n !== table.size) {
      const missing = [...table.keys()].find((k) => !Object.hasOwn(v, k));
      fail(`${path}${keyPath(missing ?? '')}: missing (the run header has ${names(table)})`);
    }
  };
  switch (value.type) {
    case 'run': {
      if (value.version !== EVENT_VERSION) {
        return fail(
          `recording format version ${show(value.version)} is not supported (expected ${EVENT_VERSION})`,
        );
      }
      let spec: ReturnType<typeof parseSpec>;
      try {
        spec = parseSpec(value.spec);
      } catch (e) {
        if (e instanceof SpecError)
          return fail(`spec: ${e.message.replace(/^invalid spec:? ?/, '')}`);
        throw e;
      }
      const shapes = value.shapes;
      if (!isRec(shapes)) return at('shapes', 'an object', shapes);
      const expected = paramShapes(spec.model, inputDimOf(spec.data));
      const want = new Map(expected.map(([k, dims]) => [k, dims]));
      for (const k of Object.keys(shapes)) {
        const dims = want.get(k);
        if (!dims || RESERVED.has(k))
          fail(
            `shapes${keyPath(k)}: not a parameter of the spec's model (its parameters: ${[...want.keys()].join(', ')})`,
          );
        const got = shapes[k];
        if (!Array.isArray(got) || got.length !== dims?.length || got.some((d, i) => d !== dims[i]))
          fail(
            `shapes${keyPath(k)}: expected [${dims?.join(', ')}] for the spec's model, got ${JSON.stringify(got)?.slice(0, 40)}`,
          );
      }
      for (const [k] of expected)
        if (!Object.hasOwn(shapes, k)) fail(`shapes.${k}: missing (the spec's model has it)`);
      if (value.params !== undefined) {
        const own = new Map(expected.map(([k, dims]) => [k, sizeOf(dims)]));
        values(value.params, 'params', true, own);
      }
      if (value.paramHyper !== undefined) {
        if (!isRec(value.paramHyper))
          return at('paramHyper', 'an object of {lr, weightDecay}', value.paramHyper);
        for (const [k, h] of Object.entries(value.paramHyper)) {
          if (RESERVED.has(k) || !expected.some(([name]) => name === k))
            return fail(`paramHyper${keyPath(k)}: not a parameter of the spec's model`);
          if (!isRec(h)) return at(`paramHyper.${k}`, 'an object {lr, weightDecay}', h);
          if (!isNum(h.lr)) at(`paramHyper.${k}.lr`, 'a finite number', h.lr);
          if (!isNum(h.weightDecay))
            at(`paramHyper.${k}.weightDecay`, 'a finite number', h.weightDecay);
        }
      }
      return value as unknown as RunEvent;
    }
    case 'step': {
      if (!Number.isInteger(value.step) || (value.step as number) < 1)
        at('step', 'a positive integer', value.step);
      if (
        value.epoch !== undefined &&
        (!Number.isInteger(value.epoch) || (value.epoch as number) < 1)
      )
        at('epoch', 'a positive integer', value.epoch);
      if (value.lr !== undefined && !isNum(value.lr)) at('lr', 'a finite number', value.lr);
      const loss = value.loss;
      if (loss !== undefined) {
        if (!isRec(loss)) return at('loss', 'an object {data, penalty, total}', loss);
        for (const k of ['data', 'penalty', 'total'])
          if (
            (loss[k] !== undefined || k === 'total' || needs === FULL_STEP_FIELDS) &&
            !isNum(loss[k])
          )
            at(`loss.${k}`, 'a finite number', loss[k]);
      }
      if (value.grad !== undefined) values(value.grad, 'grad', true);
      if (value.params !== undefined) values(value.params, 'params', true);
      if (value.decayGrad !== undefined) values(value.decayGrad, 'decayGrad', false);
      if (value.decoupledDecay !== undefined) values(value.decoupledDecay, 'decoupledDecay', false);
      if (value.val !== undefined && (!isRec(value.val) || !isNum(value.val.loss))) {
        at('val', 'an object {loss}', value.val);
      }
      const norms = value.norms;
      if (norms !== undefined) {
        if (!isRec(norms)) return at('norms', 'an object of numbers', norms);
        let n = 0;
        for (const k in norms) {
          if (RESERVED.has(k) || (sizes && !sizes.has(k)))
            fail(`norms${keyPath(k)}: not a parameter of this run (its parameters: ${names()})`);
          if (!isNum(norms[k])) at(`norms${keyPath(k)}`, 'a finite number', norms[k]);
          n += 1;
        }
        if (sizes && n !== sizes.size) {
          const missing = [...sizes.keys()].find((k) => !Object.hasOwn(norms, k));
          fail(`norms${keyPath(missing ?? '')}: missing (the run header has ${names()})`);
        }
      }
      for (const k of needs) {
        if (value[k] === undefined) {
          const has = ['step', ...STEP_FIELDS.filter((f) => value[f] !== undefined)].join(', ');
          fail(
            purpose
              ? `${k}: missing (${purpose} needs ${['step', ...needs].join(', ')}; this event has only ${has}: the recording was made with --fields)`
              : `${k}: missing (a step event has ${['step', ...FULL_STEP_FIELDS].join(', ')}; this one has only ${has}: was it written with --fields?)`,
          );
        }
      }
      return value as unknown as RunEvent;
    }
    case 'end': {
      if (!['completed', 'diverged', 'cancelled'].includes(value.reason as string)) {
        at('reason', '"completed", "diverged" or "cancelled"', value.reason);
      }
      if (!Number.isInteger(value.steps) || (value.steps as number) < 0)
        at('steps', 'an integer ≥ 0', value.steps);
      if (value.step !== undefined && (!Number.isInteger(value.step) || (value.step as number) < 1))
        at('step', 'a positive integer', value.step);
      return value as unknown as RunEvent;
    }
    default:
      return fail(`type: expected "run", "step" or "end", got ${show(value.type)}`);
  }
}
