import type { ParamLayout } from '../models/paramLayout.js';

/** Copies the listed parameters' slices of a flat buffer into a record of plain arrays. */
export type RecordMaker = (buf: Float64Array) => Record<string, number[]>;

/** ‖θ‖₂ of every parameter of a flat θ, keyed by name. */
export type NormsMaker = (theta: Float64Array) => Record<string, number>;

/** A copier of one parameter's slice of a flat buffer into a plain array. */
type Copier = (buf: Float64Array) => number[];

/**
 * The maker of one kind of step-event record (the gradient, a decay term, θ) for the listed
 * parameters, chosen once per run. For the affine layout of the linear, polynomial and
 * logistic models (`weight` then `bias`) each record is one object literal with literal keys,
 * which V8 allocates with its final shape together with the arrays in it; other layouts add
 * the keys by name, in parameter order. Internal.
 *
 * @example
 * const gradRecord = recordMaker(layout, [0, 1]);
 * gradRecord(grad); // { weight: [0.12], bias: [-0.3] }
 */
export function recordMaker(layout: ParamLayout, list: readonly number[]): RecordMaker {
  const copiers = layout.sizes.map((size, p) => copier(layout.offsets[p] as number, size));
  if (isAffine(layout)) {
    const weight = copiers[0] as Copier;
    const bias = layout.offsets[1] as number;
    if (list.length === 2) return (buf) => ({ weight: weight(buf), bias: [buf[bias] as number] });
    if (list.length === 0) return () => ({});
    return list[0] === 0
      ? (buf) => ({ weight: weight(buf) })
      : (buf) => ({ bias: [buf[bias] as number] });
  }
  const keys = list.map((p) => layout.names[p] as string);
  const copies = list.map((p) => copiers[p] as Copier);
  const m = list.length;
  // The first keys get a store site each, so that each site sees one key and one object shape
  // (a loop's single site would see every name and go megamorphic).
  const [k0 = '', k1 = '', k2 = ''] = keys;
  const [c0, c1, c2] = copies as (Copier | undefined)[];
  return (buf) => {
    const rec: Record<string, number[]> = {};
    if (m === 0 || !c0) return rec;
    rec[k0] = c0(buf);
    if (m === 1 || !c1) return rec;
    rec[k1] = c1(buf);
    if (m === 2 || !c2) return rec;
    rec[k2] = c2(buf);
    for (let k = 3; k < m; k++) rec[keys[k] as string] = (copies[k] as Copier)(buf);
    return rec;
  };
}

/**
 * The maker of the `norms` record: ‖θ_p‖₂ of every parameter, each summed in index order (the
 * NDJSON bytes depend on it), with literal keys for the affine layout as in `recordMaker`.
 * Internal.
 *
 * @example
 * normsMaker(layout)(theta); // { weight: 1.41, bias: 0.3 }
 */
export function normsMaker(layout: ParamLayout): NormsMaker {
  const { names, offsets, sizes } = layout;
  const norm = (theta: Float64Array, p: number): number => {
    const o = offsets[p] as number;
    const end = o + (sizes[p] as number);
    let s = 0;
    for (let i = o; i < end; i++) s += (theta[i] as number) * (theta[i] as number);
    return Math.sqrt(s);
  };
  if (isAffine(layout)) {
    const bias = offsets[1] as number;
    return (theta) => ({
      weight: norm(theta, 0),
      bias: Math.sqrt((theta[bias] as number) * (theta[bias] as number)),
    });
  }
  const m = names.length;
  const [k0 = '', k1 = ''] = names;
  return (theta) => {
    const rec: Record<string, number> = {};
    if (m > 0) rec[k0] = norm(theta, 0);
    if (m > 1) rec[k1] = norm(theta, 1);
    for (let p = 2; p < m; p++) rec[names[p] as string] = norm(theta, p);
    return rec;
  };
}

/** The layout of the linear, polynomial and logistic models: `weight`, then a one-value `bias`. */
function isAffine({ names, sizes }: ParamLayout): boolean {
  return names.length === 2 && names[0] === 'weight' && names[1] === 'bias' && sizes[1] === 1;
}

/**
 * The copier of buf[o .. o + size). One- and two-value parameters are array literals; longer
 * ones start as a copy of a packed-double blank (V8 copies it as one block, and the stores then
 * keep its element kind), filled four values a turn.
 */
function copier(o: number, size: number): Copier {
  if (size === 1) return (buf) => [buf[o] as number];
  if (size === 2) return (buf) => [buf[o] as number, buf[o + 1] as number];
  const blank: number[] = [];
  // Pushed one by one: `new Array(size)` would make a holey array.
  for (let i = 0; i < size; i++) blank.push(0.5);
  return (buf) => {
    const out = blank.slice();
    let i = 0;
    for (; i + 4 <= size; i += 4) {
      out[i] = buf[o + i] as number;
      out[i + 1] = buf[o + i + 1] as number;
      out[i + 2] = buf[o + i + 2] as number;
      out[i + 3] = buf[o + i + 3] as number;
    }
    for (; i < size; i++) out[i] = buf[o + i] as number;
    return out;
  };
}
