import type { LossValues, StepEvent } from '../events.js';
import type { ParamLayout } from '../models/paramLayout.js';
import { type NormsMaker, normsMaker } from './normsMaker.js';
import { type RecordMaker, recordMaker } from './recordMaker.js';
import type { StepTrace } from './stepTrace.js';

/**
 * How one step event is built, decided once per run: the parameters in their fixed order and,
 * for each record, which parameters it lists and the function that makes it. Building an event
 * then only copies slices of flat buffers into plain arrays in records made in that order: no
 * sorting, spreads, copies of θ or closures made per step. Internal.
 */
export class EventPlan {
  /** Every parameter's slice (`grad`, `params`). */
  private readonly allRecord: RecordMaker;
  /** The parameters listed in `decayGrad`. */
  private readonly decayRecord: RecordMaker;
  /** The parameters listed in `decoupledDecay`; null when none are (the field is absent). */
  private readonly decoupledRecord: RecordMaker | null;
  private readonly norms: NormsMaker;

  /**
   * @param layout the parameters, in the order every record lists them
   * @param decay the parameters listed in `decayGrad`
   * @param decoupled the parameters listed in `decoupledDecay`
   */
  constructor(layout: ParamLayout, decay: readonly number[], decoupled: readonly number[]) {
    this.allRecord = recordMaker(
      layout,
      layout.names.map((_, p) => p),
    );
    this.decayRecord = recordMaker(layout, decay);
    this.decoupledRecord = decoupled.length > 0 ? recordMaker(layout, decoupled) : null;
    this.norms = normsMaker(layout);
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
    const g = this.allRecord(grad);
    const decayGrad = this.decayRecord(trace.decayGrad);
    // One literal per shape, keys in the format's order (no spreads).
    if (this.decoupledRecord) {
      const decoupledDecay = this.decoupledRecord(trace.decoupledDecay);
      const params = this.allRecord(theta);
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
    const params = this.allRecord(theta);
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
}
