import { paramShapes, sizeOf } from '../models/paramShapes.js';
import { inputDimOf, rowsOf } from './readData.js';
import type { RunSpec } from './types.js';

/** How much memory one run may need, as `parseSpec` estimates it: 1 GiB. */
export const MEMORY_BUDGET = 2 ** 30;

/** The longest string V8 can hold (64-bit): one step event's NDJSON line must fit in it. */
export const MAX_LINE_CHARS = 2 ** 29 - 24;

/** Bytes per float64 value. */
const VALUE = 8;
/** At most this many characters per value in NDJSON (`-2.2250738585072014e-308,`). */
const JSON_CHARS = 25;

/** One part of the estimate: what it counts, and its size in bytes. */
export interface MemoryPart {
  /** The RunSpec section it comes from (the path a refusal names). */
  readonly section: 'data' | 'model';
  /** What it is: `data`, `state`, `activations` or `step events`. */
  readonly label: string;
  /** How it was counted, e.g. `24.1 M parameters × 8 B per value × 7 buffers (…)`. */
  readonly how: string;
  readonly bytes: number;
}

/** What `memoryEstimate` reports. */
export interface MemoryEstimate {
  readonly parameters: number;
  readonly parts: readonly MemoryPart[];
  readonly total: number;
  /** Characters of one step event as NDJSON (at most). */
  readonly eventChars: number;
}

/**
 * Estimates the memory a run of a normalized spec needs, independent of its number of steps
 * (a run streams): the data (raw rows and the engine's feature matrix), the model (θ, its
 * gradients, the decay trace and the optimizer's state, each one float64 per parameter), an
 * mlp's activations, and one step event (its arrays and its NDJSON line). `parseSpec` refuses a
 * spec whose total exceeds `MEMORY_BUDGET`.
 *
 * @example
 * memoryEstimate(parseSpec(spec)).total // bytes
 */
export function memoryEstimate(spec: RunSpec): MemoryEstimate {
  const { model, optimizer, paramGroups, batchSize } = spec;
  const inputDim = inputDimOf(spec.data);
  const rows = rowsOf(spec.data);
  const parameters = paramShapes(model, inputDim).reduce((s, [, dims]) => s + sizeOf(dims), 0);
  const width = model.kind === 'polynomial' ? model.degree : inputDim;
  const parts: MemoryPart[] = [];

  const allRows = rows.train + rows.val;
  const columns = inputDim + 1 + width;
  parts.push({
    section: 'data',
    label: 'data',
    how: `${quantity(allRows)} rows × ${quantity(columns)} values (inputs, target, features) × ${VALUE} B`,
    bytes: allRows * columns * VALUE,
  });

  const groups = paramGroups.length + 1;
  const momentum =
    optimizer.kind === 'sgd' &&
    (optimizer.momentum !== 0 || paramGroups.some((g) => (g.momentum ?? 0) !== 0));
  const amsgrad =
    optimizer.kind !== 'sgd' && (optimizer.amsgrad || paramGroups.some((g) => g.amsgrad));
  const state = optimizer.kind === 'sgd' ? (momentum ? groups : 0) : groups * (amsgrad ? 3 : 2);
  const buffers = 5 + state;
  parts.push({
    section: 'model',
    label: 'state',
    how: `${quantity(parameters)} parameters × ${VALUE} B per value × ${buffers} buffers (θ, 2 gradients, 2 decay traces${state > 0 ? `, ${state} of optimizer state` : ''})`,
    bytes: parameters * VALUE * buffers,
  });

  if (model.kind === 'mlp') {
    const units = model.hidden.reduce((s, w) => s + w, 0) + 1;
    const batch = Math.max(Math.min(batchSize ?? rows.train, rows.train), rows.val);
    parts.push({
      section: 'model',
      label: 'activations',
      how: `${quantity(batch)} rows × ${quantity(units)} units × 3 buffers × ${VALUE} B`,
      bytes: batch * units * 3 * VALUE,
    });
  }

  // A step event's arrays, and the previous event's until the GC collects them; its NDJSON
  // line, and the bytes written from it. Measured: the library's peak RSS stays under the total.
  const arrays = optimizer.kind === 'adamw' ? 4 : 3;
  const eventChars = parameters * arrays * JSON_CHARS;
  const perValue = 2 * VALUE + 2 * JSON_CHARS;
  parts.push({
    section: 'model',
    label: 'step events',
    how: `${quantity(parameters)} parameters × ${arrays} arrays × ${perValue} B per value (2 events in flight, as arrays and as NDJSON)`,
    bytes: parameters * arrays * perValue,
  });

  const total = parts.reduce((s, p) => s + p.bytes, 0);
  return { parameters, parts, total, eventChars };
}

/** `24143873` → `24.1 M`; `4097` → `4097`. */
export function quantity(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toPrecision(3)} M`;
  if (n >= 1e5) return `${(n / 1e3).toPrecision(3)} k`;
  return String(n);
}

/** Bytes in binary units: `1.5 GiB`, `193 MiB`, `12 KiB`, `800 B`. */
export function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} B` : `${Number(v.toPrecision(3))} ${units[u]}`;
}
