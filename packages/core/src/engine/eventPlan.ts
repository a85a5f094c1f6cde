import type { LossValues, StepEvent } from '../events.js';
import type { ParamLayout } from '../models/paramLayout.js';
import { affineNorms, affineRecord, isAffine } from './affineRecords.js';
import { packedBlank } from './copySlice.js';
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
   * For the affine layout: its weight count, the blank its copies slice, and whether
   * `decayGrad` lists both parameters (records of both are built by `affineRecord`); else null.
   */
  private readonly affine: {
    readonly width: number;
    readonly blank: readonly number[];
    readonly decayBoth: boolean;
  } | null;

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
    const width = layout.sizes[0] ?? 0;
    this.affine = isAffine(layout)
      ? { width, blank: packedBlank(width), decayBoth: decay.length === 2 }
      : null;
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
    const a = this.affine;
    const g = a ? affineRecord(grad, a.width, a.blank) : this.allRecord(grad);
    const decayGrad = a?.decayBoth
      ? affineRecord(trace.decayGrad, a.width, a.blank)
      : this.decayRecord(trace.decayGrad);
    const params = a ? affineRecord(theta, a.width, a.blank) : this.allRecord(theta);
    const norms = a ? affineNorms(theta, a.width) : this.norms(theta);
    // One literal per shape, keys in the format's order (no spreads).
    if (this.decoupledRecord) {
      const decoupledDecay = this.decoupledRecord(trace.decoupledDecay);
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
            norms,
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
            norms,
          };
    }
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
          norms,
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
          norms,
        };
  }
}
