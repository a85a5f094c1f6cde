import type { LossValues, StepEvent } from '../events.js';
import type { ParamLayout } from '../models/paramLayout.js';
import type { StepTrace } from './stepTrace.js';

/**
 * How one step event is built, decided once per run: the parameters in their fixed order and,
 * for each, which decay terms it lists. Building an event then only copies slices of flat
 * buffers into plain arrays and fills records in that order: no sorting, closures, spreads or
 * copies of θ. Internal.
 */
export class EventPlan {
  private readonly names: readonly string[];
  private readonly offsets: Int32Array;
  private readonly sizes: Int32Array;
  /** The parameters listed in `decayGrad`, in parameter order. */
  private readonly decay: Int32Array;
  /** The parameters listed in `decoupledDecay` (none: the field is absent). */
  private readonly decoupled: Int32Array;

  /**
   * @param layout the parameters, in the order every record lists them
   * @param decay the parameters listed in `decayGrad`
   * @param decoupled the parameters listed in `decoupledDecay`
   */
  constructor(layout: ParamLayout, decay: readonly number[], decoupled: readonly number[]) {
    this.names = layout.names;
    this.offsets = Int32Array.from(layout.offsets);
    this.sizes = Int32Array.from(layout.sizes);
    this.decay = Int32Array.from(decay).sort();
    this.decoupled = Int32Array.from(decoupled).sort();
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
    const { names, offsets, sizes } = this;
    const count = names.length;
    const g: Record<string, number[]> = {};
    const params: Record<string, number[]> = {};
    const norms: Record<string, number> = {};
    for (let p = 0; p < count; p++) {
      const name = names[p] as string;
      const o = offsets[p] as number;
      const size = sizes[p] as number;
      g[name] = copy(grad, o, size);
      params[name] = copy(theta, o, size);
      let s = 0;
      for (let i = o; i < o + size; i++) s += (theta[i] as number) * (theta[i] as number);
      norms[name] = Math.sqrt(s);
    }
    const decayGrad = this.record(this.decay, trace.decayGrad);
    // One literal per shape, keys in the format's order (no spreads).
    if (this.decoupled.length > 0) {
      const decoupledDecay = this.record(this.decoupled, trace.decoupledDecay);
      return val === undefined
        ? { type: 'step', step, epoch, lr, loss, grad: g, decayGrad, decoupledDecay, params, norms }
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
            norms,
          };
    }
    return val === undefined
      ? { type: 'step', step, epoch, lr, loss, grad: g, decayGrad, params, norms }
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
          norms,
        };
  }

  private record(list: Int32Array, buf: Float64Array): Record<string, number[]> {
    const { names, offsets, sizes } = this;
    const rec: Record<string, number[]> = {};
    for (let k = 0; k < list.length; k++) {
      const p = list[k] as number;
      rec[names[p] as string] = copy(buf, offsets[p] as number, sizes[p] as number);
    }
    return rec;
  }
}

/** A plain array copy of buf[offset .. offset+size). */
function copy(buf: Float64Array, offset: number, size: number): number[] {
  const out = new Array<number>(size);
  for (let i = 0; i < size; i++) out[i] = buf[offset + i] as number;
  return out;
}
