import { type RunEvent, STEP_FIELDS } from '@decaylab/core';
import { usageError } from '../cli/cliError.js';

/** The fields of a step event that `--fields` may name (dotted paths like `loss.total` too). */
const FIELDS: readonly string[] = ['step', ...STEP_FIELDS];

/** Reads `--fields a,b.c` into paths, checking each top-level name. */
export function parseFields(text: string | undefined): string[][] | null {
  if (text === undefined) return null;
  const paths = text
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
    .map((f) => f.split('.'));
  if (paths.length === 0) throw usageError('--fields: expected a comma-separated list of fields');
  for (const p of paths) {
    if (!FIELDS.includes(p[0] as string)) {
      throw usageError(`--fields: unknown field "${p.join('.')}" (fields: ${FIELDS.join(', ')})`);
    }
  }
  return paths;
}

function pickPath(
  from: Record<string, unknown>,
  to: Record<string, unknown>,
  path: readonly string[],
): void {
  const [key, ...rest] = path as [string, ...string[]];
  if (!(key in from)) return;
  if (rest.length === 0) {
    to[key] = from[key];
    return;
  }
  const sub = from[key];
  if (typeof sub !== 'object' || sub === null) return;
  to[key] ??= {};
  const target = to[key] as Record<string, unknown>;
  pickPath(sub as Record<string, unknown>, target, rest);
}

/**
 * Keeps only the given fields of step events (and always `type`); `run` and `end` pass whole.
 * Fields keep the event's key order.
 *
 * @example
 * pickFields(stepEvent, [['step'], ['loss', 'total']]) // { type: 'step', step: 3, loss: { total: 0.1 } }
 */
export function pickFields(event: RunEvent, paths: readonly (readonly string[])[]): RunEvent {
  if (event.type !== 'step') return event;
  const picked: Record<string, unknown> = {};
  for (const p of paths) pickPath(event as unknown as Record<string, unknown>, picked, p);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(event)) {
    if (key === 'type') out.type = 'step';
    else if (key in picked) out[key] = picked[key];
  }
  return out as unknown as RunEvent;
}
