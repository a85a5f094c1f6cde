import { EVENT_VERSION, type RunEvent } from '../events.js';
import { show } from '../spec/check.js';
import { parseSpec } from '../spec/parseSpec.js';
import { SpecError } from '../spec/specError.js';
import { ReplayError } from './replayError.js';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Parses and validates one NDJSON line of a recording. Throws a `ReplayError` naming the line
 * (and the field) when it is not a valid version-1 RunEvent. A UTF-8 BOM and a trailing `\r`
 * are ignored.
 *
 * @example
 * parseEvent('{"type":"end","reason":"completed","steps":10}', 12) // { type: 'end', ... }
 */
export function parseEvent(line: string, lineNo: number, source?: string): RunEvent {
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
  const values = (v: unknown, path: string) => {
    if (!isRec(v)) return at(path, 'an object of number arrays', v);
    for (const [k, arr] of Object.entries(v)) {
      if (!Array.isArray(arr)) return at(`${path}.${k}`, 'an array of numbers', arr);
      const bad = arr.findIndex((x) => !isNum(x));
      if (bad >= 0) return at(`${path}.${k}[${bad}]`, 'a finite number', arr[bad]);
    }
  };
  switch (value.type) {
    case 'run': {
      if (value.version !== EVENT_VERSION) {
        return fail(
          `recording format version ${show(value.version)} is not supported (expected ${EVENT_VERSION})`,
        );
      }
      if (!isRec(value.shapes)) return at('shapes', 'an object', value.shapes);
      try {
        parseSpec(value.spec);
      } catch (e) {
        if (e instanceof SpecError)
          return fail(`spec: ${e.message.replace(/^invalid spec:? ?/, '')}`);
        throw e;
      }
      if (value.params !== undefined) values(value.params, 'params');
      if (value.paramHyper !== undefined) {
        if (!isRec(value.paramHyper))
          return at('paramHyper', 'an object of {lr, weightDecay}', value.paramHyper);
        for (const [k, h] of Object.entries(value.paramHyper)) {
          if (!isRec(h)) return at(`paramHyper.${k}`, 'an object {lr, weightDecay}', h);
          if (!isNum(h.lr)) at(`paramHyper.${k}.lr`, 'a finite number', h.lr);
          if (!isNum(h.weightDecay))
            at(`paramHyper.${k}.weightDecay`, 'a finite number', h.weightDecay);
        }
      }
      return value as unknown as RunEvent;
    }
    case 'step': {
      for (const k of ['step', 'epoch'] as const) {
        if (!Number.isInteger(value[k]) || (value[k] as number) < 1)
          at(k, 'a positive integer', value[k]);
      }
      if (!isNum(value.lr)) at('lr', 'a finite number', value.lr);
      const loss = value.loss;
      if (!isRec(loss)) return at('loss', 'an object {data, penalty, total}', loss);
      for (const k of ['data', 'penalty', 'total'])
        if (!isNum(loss[k])) at(`loss.${k}`, 'a finite number', loss[k]);
      values(value.grad, 'grad');
      values(value.params, 'params');
      values(value.decayGrad ?? {}, 'decayGrad');
      if (value.decoupledDecay !== undefined) values(value.decoupledDecay, 'decoupledDecay');
      if (value.val !== undefined && (!isRec(value.val) || !isNum(value.val.loss))) {
        at('val', 'an object {loss}', value.val);
      }
      if (!isRec(value.norms)) return at('norms', 'an object of numbers', value.norms);
      for (const [k, n] of Object.entries(value.norms))
        if (!isNum(n)) at(`norms.${k}`, 'a finite number', n);
      return value as unknown as RunEvent;
    }
    case 'end': {
      if (!['completed', 'diverged', 'cancelled'].includes(value.reason as string)) {
        at('reason', '"completed", "diverged" or "cancelled"', value.reason);
      }
      if (!Number.isInteger(value.steps) || (value.steps as number) < 0)
        at('steps', 'an integer ≥ 0', value.steps);
      return value as unknown as RunEvent;
    }
    default:
      return fail(`type: expected "run", "step" or "end", got ${show(value.type)}`);
  }
}
