import type { LossValues, StepEvent } from '../events.js';
import type { ParamLayout } from '../models/paramLayout.js';
import type { StepTrace } from './stepTrace.js';

/**
 * How one step event is built, decided once per run: the parameters in their fixed order and,
 * for each, which decay terms it lists. Building an event then only copies slices of flat
 * buffers into plain arrays and makes records in that order: no sorting, closures, spreads or
 * copies of θ. Internal.
 */
export class EventPlan {
  private readonly names: readonly string[];
  private readonly offsets: Int32Array;
  private readonly sizes: Int32Array;
  /** Every parameter, in order. */
  private readonly all: Int32Array;
  /** The parameters listed in `decayGrad`, in parameter order. */
  private readonly decay: Int32Array;
  /** The parameters listed in `decoupledDecay` (none: the field is absent). */
  private readonly decoupled: Int32Array;
  /** Per parameter of more than two values, the packed array `copy` slices (else null). */
  private readonly blanks: (number[] | null)[];

  /**
   * @param layout the parameters, in the order every record lists them
   * @param decay the parameters listed in `decayGrad`
   * @param decoupled the parameters listed in `decoupledDecay`
   */
  constructor(layout: ParamLayout, decay: readonly number[], decoupled: readonly number[]) {
    this.names = layout.names;
    this.offsets = Int32Array.from(layout.offsets);
    this.sizes = Int32Array.from(layout.sizes);
    this.all = Int32Array.from(layout.names, (_, p) => p);
    this.decay = Int32Array.from(decay).sort();
    this.decoupled = Int32Array.from(decoupled).sort();
    this.blanks = layout.sizes.map((size) => (size > 2 ? blank(size) : null));
  }

  /**
   * The step event from the buffers the step left: `grad` (∂L0/∂θ before the step), its
   * `trace` and `theta` after it.
   */
  event(
    step: number,
    epoch: number,
    lr: number,
    loss: LossValues,
    grad: Float64Array,
    trace: StepTrace,
    theta: Float64Array,
    val: number | undefined,
  ): StepEvent {
    const g = this.record(this.all, grad);
    const decayGrad = this.record(this.decay, trace.decayGrad);
    // One literal per shape, keys in the format's order (no spreads).
    if (this.decoupled.length > 0) {
      const decoupledDecay = this.record(this.decoupled, trace.decoupledDecay);
      const params = this.record(this.all, theta);
      return val === undefined
        ? {
            type: 'step',
            step,
            epoch,
            lr,
            loss,
            grad: g,
            decayGrad,
            decoupledDecay,
            params,
            norms: this.norms(theta),
          }
        : {
            type: 'step',
            step,
            epoch,
            lr,
            loss,
            grad: g,
            decayGrad,
            decoupledDecay,
            params,
            val: { loss: val },
            norms: this.norms(theta),
          };
    }
    const params = this.record(this.all, theta);
    return val === undefined
      ? {
          type: 'step',
          step,
          epoch,
          lr,
          loss,
          grad: g,
          decayGrad,
          params,
          norms: this.norms(theta),
        }
      : {
          type: 'step',
          step,
          epoch,
          lr,
          loss,
          grad: g,
          decayGrad,
          params,
          val: { loss: val },
          norms: this.norms(theta),
        };
  }

  /**
   * The listed parameters' slices of `buf` as plain arrays keyed by name, in parameter order.
   * The first entries get a store site each, so that each site sees one key and one object
   * shape (a loop's single site would see every name and go megamorphic).
   */
  private record(list: Int32Array, buf: Float64Array): Record<string, number[]> {
    const m = list.length;
    const { names } = this;
    const rec: Record<string, number[]> = {};
    if (m === 0) return rec;
    const p0 = list[0] as number;
    rec[names[p0] as string] = this.copy(buf, p0);
    if (m === 1) return rec;
    const p1 = list[1] as number;
    rec[names[p1] as string] = this.copy(buf, p1);
    if (m === 2) return rec;
    const p2 = list[2] as number;
    rec[names[p2] as string] = this.copy(buf, p2);
    if (m === 3) return rec;
    const p3 = list[3] as number;
    rec[names[p3] as string] = this.copy(buf, p3);
    for (let k = 4; k < m; k++) {
      const p = list[k] as number;
      rec[names[p] as string] = this.copy(buf, p);
    }
    return rec;
  }

  /** ‖θ‖₂ of every parameter, keyed by name, in parameter order (store sites as in `record`). */
  private norms(theta: Float64Array): Record<string, number> {
    const { names } = this;
    const rec: Record<string, number> = {};
    const m = names.length;
    if (m > 0) rec[names[0] as string] = this.norm(theta, 0);
    if (m > 1) rec[names[1] as string] = this.norm(theta, 1);
    if (m > 2) rec[names[2] as string] = this.norm(theta, 2);
    if (m > 3) rec[names[3] as string] = this.norm(theta, 3);
    for (let p = 4; p < m; p++) rec[names[p] as string] = this.norm(theta, p);
    return rec;
  }

  /**
   * Parameter p's slice of `buf` as a plain array. One- and two-value parameters (a bias, the
   * line's weight) are array literals; larger ones start as a copy of the parameter's blank,
   * which V8 makes as one block copy and whose element kind (packed doubles) the stores keep.
   */
  private copy(buf: Float64Array, p: number): number[] {
    const o = this.offsets[p] as number;
    const size = this.sizes[p] as number;
    if (size === 1) return [buf[o] as number];
    if (size === 2) return [buf[o] as number, buf[o + 1] as number];
    return copyLong(this.blanks[p] as number[], buf, o);
  }

  /** ‖θ_p‖₂, summed in index order (the bytes of `norms` depend on it). */
  private norm(theta: Float64Array, p: number): number {
    const o = this.offsets[p] as number;
    const end = o + (this.sizes[p] as number);
    let s = 0;
    for (let i = o; i < end; i++) s += (theta[i] as number) * (theta[i] as number);
    return Math.sqrt(s);
  }
}

/** `blank`'s copy with buf[o .. o + blank.length) written into it. */
function copyLong(blank: readonly number[], buf: Float64Array, o: number): number[] {
  const out = blank.slice();
  const size = out.length;
  let i = 0;
  for (; i + 4 <= size; i += 4) {
    out[i] = buf[o + i] as number;
    out[i + 1] = buf[o + i + 1] as number;
    out[i + 2] = buf[o + i + 2] as number;
    out[i + 3] = buf[o + i + 3] as number;
  }
  for (; i < size; i++) out[i] = buf[o + i] as number;
  return out;
}

/**
 * A packed-double array of `size` values (pushed one by one: `new Array(size)` would make a
 * holey one) for `copy` to slice.
 */
function blank(size: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < size; i++) out.push(0.5);
  return out;
}
