import { materialize } from '../data/materialize.js';
import type { LossValues, ParamHyper, RunStartEvent, StepEvent } from '../events.js';
import { EVENT_VERSION } from '../events.js';
import { LOSSES } from '../losses/dataLoss.js';
import { createNet } from '../models/createNet.js';
import type { Net } from '../models/net.js';
import { createOptimizer, type Optimizer } from '../optim/createOptimizer.js';
import { type Rng, rng, STREAM } from '../random/rng.js';
import { shuffleRange } from '../random/shuffleRange.js';
import type { RunSpec } from '../spec/types.js';
import { EventPlan } from './eventPlan.js';
import { initParams } from './initParams.js';
import { applyPenalty } from './penalty.js';
import { snapshot } from './snapshot.js';
import { type StepTrace, stepTrace } from './stepTrace.js';

/** The rows one step trains on. */
interface Rows {
  X: Float64Array;
  y: Float64Array;
  n: number;
}

/**
 * What one step of a session produced: its event, null when the step emits none, or
 * `'diverged'` when its loss or parameters became non-finite.
 */
export type StepOutcome = StepEvent | null | 'diverged';

/**
 * The mutable state of one training run over a normalized spec: parameters, optimizer state,
 * data and scratch buffers. `train()` drives one per subscription. Internal.
 */
export class Session {
  readonly spec: RunSpec;
  readonly net: Net;
  readonly theta: Float64Array;
  /** Completed steps. */
  step = 0;
  private readonly optimizer: Optimizer;
  private readonly loss;
  private readonly X: Float64Array;
  private readonly y: Float64Array;
  private readonly rows: number;
  private readonly Xval: Float64Array | null;
  private readonly yval: Float64Array | null;
  private readonly out: Float64Array;
  private readonly dOut: Float64Array;
  private readonly grad0: Float64Array;
  private readonly grad: Float64Array;
  private readonly penaltyIdx: readonly number[];
  /** Where the penalty and the update rules write the decay they apply, on emitted steps. */
  private readonly trace: StepTrace;
  /** Parameters listed in `decayGrad`: penalized (λ ≠ 0) or with coupled weightDecay ≠ 0. */
  private readonly decayParams: readonly number[];
  /** Parameters listed in `decoupledDecay`: decoupled weightDecay ≠ 0. */
  private readonly decoupledParams: readonly number[];
  /** How step events are built, decided once. */
  private readonly plan: EventPlan;
  /** Minibatching: the epoch's permutation and gather buffers. */
  private readonly batch: {
    size: number;
    perEpoch: number;
    perm: Int32Array;
    X: Float64Array;
    y: Float64Array;
    rng: Rng;
    rows: Rows;
  } | null;
  private readonly full: Rows;

  constructor(spec: RunSpec) {
    this.spec = spec;
    const data = materialize(spec.data, spec.seed);
    const inputDim = data.train.x[0]?.length ?? 0;
    const net = createNet(spec.model, inputDim);
    this.net = net;
    const { layout } = net;
    this.theta = new Float64Array(layout.size);
    initParams(spec.init, spec.seed, layout, this.theta);
    this.loss = LOSSES[spec.loss];
    this.X = net.features(data.train.x);
    this.y = Float64Array.from(data.train.y);
    this.rows = data.train.y.length;
    this.Xval = data.val ? net.features(data.val.x) : null;
    this.yval = data.val ? Float64Array.from(data.val.y) : null;
    const maxRows = Math.max(this.rows, data.val?.y.length ?? 0);
    this.out = new Float64Array(maxRows);
    this.dOut = new Float64Array(maxRows);
    this.grad0 = new Float64Array(layout.size);
    this.grad = new Float64Array(layout.size);
    this.penaltyIdx = spec.penalty ? spec.penalty.params.map((p) => layout.indexOf(p)) : [];
    this.trace = stepTrace(layout.size);
    this.optimizer = createOptimizer(spec, layout, {
      theta: this.theta,
      grad: spec.penalty ? this.grad : this.grad0,
      trace: this.trace,
    });
    const { groupOf, decoupled } = this.optimizer;
    const lambda = spec.penalty?.lambda ?? 0;
    const all = layout.names.map((_, p) => p);
    this.decayParams = all.filter(
      (p) =>
        (lambda !== 0 && this.penaltyIdx.includes(p)) ||
        (!decoupled && groupOf[p]?.hyper.weightDecay !== 0),
    );
    this.decoupledParams = decoupled ? all.filter((p) => groupOf[p]?.hyper.weightDecay !== 0) : [];
    this.plan = new EventPlan(layout, this.decayParams, this.decoupledParams);
    this.full = { X: this.X, y: this.y, n: this.rows };
    const bs = spec.batchSize;
    if (bs !== null && bs < this.rows) {
      const X = new Float64Array(bs * net.width);
      const y = new Float64Array(bs);
      this.batch = {
        size: bs,
        perEpoch: Math.ceil(this.rows / bs),
        perm: new Int32Array(this.rows),
        X,
        y,
        rng: rng(spec.seed, STREAM.shuffle),
        rows: { X, y, n: bs },
      };
    } else this.batch = null;
  }

  /** The run's first event. */
  start(): RunStartEvent {
    const { layout } = this.net;
    const { names, shapes } = layout;
    const shapeMap: Record<string, readonly number[]> = {};
    names.forEach((n, i) => {
      shapeMap[n] = [...(shapes[i] as number[])];
    });
    return {
      type: 'run',
      version: EVENT_VERSION,
      spec: this.spec,
      shapes: shapeMap,
      params: snapshot(this.theta, layout),
      paramHyper: this.paramHyper(),
    };
  }

  /** Each parameter's resolved lr and weightDecay, as its optimizer group holds them. */
  private paramHyper(): { [name: string]: ParamHyper } {
    const out: { [name: string]: ParamHyper } = {};
    const { groupOf } = this.optimizer;
    this.net.layout.names.forEach((name, p) => {
      const hyper = groupOf[p]?.hyper ?? this.spec.optimizer;
      out[name] = { lr: hyper.lr, weightDecay: hyper.weightDecay };
    });
    return out;
  }

  /** The rows of this step: the full batch, or the next minibatch of a seeded per-epoch shuffle. */
  private rowsFor(step: number): Rows {
    const b = this.batch;
    if (!b) return this.full;
    const k = (step - 1) % b.perEpoch;
    if (k === 0) shuffleRange(b.perm, b.rng);
    const start = k * b.size;
    const n = Math.min(b.size, this.rows - start);
    const w = this.net.width;
    for (let r = 0; r < n; r++) {
      const src = b.perm[start + r] as number;
      b.X.set(this.X.subarray(src * w, src * w + w), r * w);
      b.y[r] = this.y[src] as number;
    }
    b.rows.n = n;
    return b.rows;
  }

  /** Takes one optimizer step; builds its event only when `emit` is true. */
  next(emit: boolean): StepOutcome {
    const step = this.step + 1;
    const { net, theta, grad0, grad, out, dOut, spec } = this;
    const { X, y, n } = this.rowsFor(step);
    net.forward(theta, X, n, out);
    const data = this.loss.grad(out, y, n, dOut);
    net.backward(theta, X, n, dOut, grad0);
    const trace = emit ? this.trace : null;
    if (trace) {
      // On a few values a loop is cheaper than calling fill; on many, fill is (5× on 200 values;
      // where they cross, between 2 and 200, matters little).
      const dg = trace.decayGrad;
      if (dg.length > 16) dg.fill(0);
      else for (let i = 0; i < dg.length; i++) dg[i] = 0;
    }
    let penalty = 0;
    if (spec.penalty) {
      grad.set(grad0);
      penalty = applyPenalty(spec.penalty, {
        layout: net.layout,
        params: this.penaltyIdx,
        theta,
        grad,
        trace: trace?.decayGrad,
      });
    }
    const total = data + penalty;
    if (!Number.isFinite(total)) return 'diverged';
    if (trace) this.optimizer.stepTraced();
    else this.optimizer.step();
    // θ − θ is 0 for finite values and NaN otherwise; four sums so that no chain of additions waits.
    let c0 = 0;
    let c1 = 0;
    let c2 = 0;
    let c3 = 0;
    const len = theta.length;
    let i = 0;
    for (; i + 4 <= len; i += 4) {
      c0 += (theta[i] as number) - (theta[i] as number);
      c1 += (theta[i + 1] as number) - (theta[i + 1] as number);
      c2 += (theta[i + 2] as number) - (theta[i + 2] as number);
      c3 += (theta[i + 3] as number) - (theta[i + 3] as number);
    }
    for (; i < len; i++) c0 += (theta[i] as number) - (theta[i] as number);
    if (c0 + c1 + c2 + c3 !== 0) return 'diverged';
    if (!trace) {
      this.step = step;
      return null;
    }
    let val: number | undefined;
    if (this.Xval && this.yval) {
      const m = this.yval.length;
      net.forward(theta, this.Xval, m, out);
      val = this.loss.value(out, this.yval, m);
      if (!Number.isFinite(val)) return 'diverged';
    }
    this.step = step;
    const epoch = this.batch ? Math.floor((step - 1) / this.batch.perEpoch) + 1 : step;
    const loss: LossValues = { data, penalty, total };
    return this.plan.event(step, epoch, spec.optimizer.lr, loss, grad0, trace, theta, val);
  }
}
