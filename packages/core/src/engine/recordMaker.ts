import type { ParamLayout } from '../models/paramLayout.js';
import { isAffine } from './affineRecords.js';
import { copySlice, packedBlank } from './copySlice.js';

/** Copies the listed parameters' slices of a flat buffer into a record of plain arrays. */
export type RecordMaker = (buf: Float64Array) => Record<string, number[]>;

/** A copier of one parameter's slice of a flat buffer into a plain array. */
type Copier = (buf: Float64Array) => number[];

/**
 * The maker of one kind of step-event record (the gradient, a decay term, θ) for the listed
 * parameters (any order: records list them in parameter order), chosen once per run. For the
 * affine layout of the linear, polynomial and logistic models each record is an object literal
 * with literal keys, made with its final shape at once; other layouts add the keys by name.
 * (`EventPlan` builds the affine records that list both parameters with `affineRecord`.)
 * Internal.
 *
 * @example
 * const gradRecord = recordMaker(layout, [0, 1]);
 * gradRecord(grad); // { weight: [0.12], bias: [-0.3] }
 */
export function recordMaker(layout: ParamLayout, list: readonly number[]): RecordMaker {
  const params = [...list].sort((x, y) => x - y);
  const { names, offsets, sizes } = layout;
  // One packed-double blank, as long as the longest listed parameter, for every copier to slice.
  const blank = packedBlank(Math.max(0, ...params.map((p) => sizes[p] as number)));
  const copy =
    (p: number): Copier =>
    (buf) =>
      copySlice(blank, buf, offsets[p] as number, sizes[p] as number);
  if (isAffine(layout)) {
    const bias = offsets[1] as number;
    if (params.length === 0) return () => ({});
    if (params.length === 1 && params[0] === 1) return (buf) => ({ bias: [buf[bias] as number] });
    const weight = copy(0);
    if (params.length === 1) return (buf) => ({ weight: weight(buf) });
    return (buf) => ({ weight: weight(buf), bias: [buf[bias] as number] });
  }
  const keys = params.map((p) => names[p] as string);
  const copies = params.map(copy);
  const m = params.length;
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
