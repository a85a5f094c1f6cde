// Baselines for bench/run.js: full-batch SGD with coupled weight decay on mse, every piece of
// state in locals, no RxJS, no events (but `floorLinear`, which builds train()'s events by hand). `tight*` use the engine's own tiled kernels (so that
// train() / tight is what the engine adds around the math); `scalar*` use the single-accumulator
// loops the engine had before the kernels were tiled ("today's scalar loop"), sizes in locals.
// Each returns the seconds (on `now`) its steps took (after building the data) and keeps the final loss in
// `lastLoss` so that the work cannot be optimized away.

import { initParams } from '../dist/engine/initParams.js';
import { materialize, parseSpec } from '../dist/index.js';
import { createNet } from '../dist/models/createNet.js';

export let lastLoss = 0;

/**
 * The clock every figure uses, in seconds: this process's CPU time (user + system) by default,
 * which time-slicing by other processes on a shared machine does not inflate; wall time with
 * BENCH_CLOCK=wall.
 */
export const CLOCK = process.env.BENCH_CLOCK === 'wall' ? 'wall' : 'cpu';
export const now =
  CLOCK === 'wall'
    ? () => performance.now() / 1000
    : () => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1e6;
      };

/** The training rows of a spec as a row-major Float64Array. */
export function rowsOf(spec) {
  const { train } = materialize(spec.data, spec.seed);
  const n = train.y.length;
  const d = train.x[0].length;
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) X.set(train.x[i], i * d);
  return { X, y: Float64Array.from(train.y), n, d };
}

/** A spec's training rows in the engine's Net (its feature matrix) and its SGD settings. */
function netProblem(spec) {
  const { train } = materialize(spec.data, spec.seed);
  const net = createNet(spec.model, train.x[0].length);
  return {
    n: train.y.length,
    net,
    X: net.features(train.x),
    y: Float64Array.from(train.y),
    steps: spec.steps,
    lr: spec.optimizer.lr,
    wd: spec.optimizer.weightDecay,
  };
}

/**
 * Full-batch SGD through the engine's own Net (its kernels: WebAssembly SIMD above a size, the
 * tiled JS loops below), loss, gradient and update in locals.
 */
function tightNet(spec, theta0) {
  const { n, net, X, y, steps, lr, wd } = netProblem(spec);
  const size = net.layout.size;
  const theta = theta0 ?? new Float64Array(size);
  const grad = new Float64Array(size);
  const out = new Float64Array(n);
  const dOut = new Float64Array(n);
  let loss = 0;
  const t0 = now();
  for (let step = 0; step < steps; step++) {
    net.forward(theta, X, n, out);
    loss = 0;
    for (let i = 0; i < n; i++) {
      const diff = out[i] - y[i];
      loss += diff * diff;
      dOut[i] = (2 / n) * diff;
    }
    loss /= n;
    if (!Number.isFinite(loss)) break;
    net.backward(theta, X, n, dOut, grad);
    for (let j = 0; j < size; j++) theta[j] -= lr * (grad[j] + wd * theta[j]);
  }
  lastLoss = loss;
  return now() - t0;
}

/** Linear model, the engine's kernels. */
export function tightLinear(spec) {
  return tightNet(spec);
}

/** Linear model, today's scalar loops (one accumulator). */
export function scalarLinear(spec) {
  const { X, y, n, d } = rowsOf(spec);
  const steps = spec.steps;
  const lr = spec.optimizer.lr;
  const wd = spec.optimizer.weightDecay;
  const theta = new Float64Array(d + 1);
  const grad = new Float64Array(d + 1);
  const out = new Float64Array(n);
  let loss = 0;
  const t0 = now();
  for (let step = 0; step < steps; step++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      const row = i * d;
      for (let j = 0; j < d; j++) s += X[row + j] * theta[j];
      out[i] = s + theta[d];
    }
    loss = 0;
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      const diff = out[i] - y[i];
      loss += diff * diff;
      const g = (2 / n) * diff;
      const row = i * d;
      for (let j = 0; j < d; j++) grad[j] += g * X[row + j];
      grad[d] += g;
    }
    loss /= n;
    if (!Number.isFinite(loss)) break;
    for (let j = 0; j <= d; j++) theta[j] -= lr * (grad[j] + wd * theta[j]);
  }
  lastLoss = loss;
  return now() - t0;
}

/**
 * Dense layer sizes and offsets for an mlp `d → ...hidden → 1` (each layer's weight, [out, in]
 * row-major, then its bias: the engine's layout), and θ as train() starts it for this spec (its
 * init and seed): tanh costs more or less by its argument, so every loop starts from the same θ.
 */
function mlpSetup(spec, d) {
  const dims = [d, ...spec.model.hidden, 1];
  const wo = [];
  const bo = [];
  let size = 0;
  for (let l = 0; l + 1 < dims.length; l++) {
    wo.push(size);
    size += dims[l] * dims[l + 1];
    bo.push(size);
    size += dims[l + 1];
  }
  const normal = parseSpec(spec);
  const { layout } = createNet(normal.model, d);
  if (layout.size !== size) throw new Error('mlpSetup: the engine lays out this mlp otherwise');
  const theta = new Float64Array(size);
  initParams(normal.init, normal.seed, layout, theta);
  return { dims, wo, bo, theta, size };
}

/** mlp with tanh, the engine's kernels. */
export function tightMlp(spec) {
  const { train } = materialize(spec.data, spec.seed);
  return tightNet(spec, mlpSetup(spec, train.x[0].length).theta);
}

/** mlp with tanh, today's scalar loops. */
export function scalarMlp(spec) {
  const { X, y, n, d } = rowsOf(spec);
  const { dims, wo, bo, theta, size } = mlpSetup(spec, d);
  const layers = dims.length - 1;
  const steps = spec.steps;
  const lr = spec.optimizer.lr;
  const wd = spec.optimizer.weightDecay;
  const grad = new Float64Array(size);
  const h = dims.slice(1).map((w) => new Float64Array(n * w));
  const dz = dims.slice(1).map((w) => new Float64Array(n * w));
  let loss = 0;
  const t0 = now();
  for (let step = 0; step < steps; step++) {
    let input = X;
    for (let l = 0; l < layers; l++) {
      const fin = dims[l];
      const fout = dims[l + 1];
      const w0 = wo[l];
      const b0 = bo[l];
      const hl = h[l];
      const last = l === layers - 1;
      for (let i = 0; i < n; i++) {
        for (let o = 0; o < fout; o++) {
          let s = 0;
          const wr = w0 + o * fin;
          for (let k = 0; k < fin; k++) s += input[i * fin + k] * theta[wr + k];
          const v = s + theta[b0 + o];
          hl[i * fout + o] = last ? v : Math.tanh(v);
        }
      }
      input = hl;
    }
    const top = h[layers - 1];
    const dTop = dz[layers - 1];
    loss = 0;
    for (let i = 0; i < n; i++) {
      const diff = top[i] - y[i];
      loss += diff * diff;
      dTop[i] = (2 / n) * diff;
    }
    loss /= n;
    if (!Number.isFinite(loss)) break;
    grad.fill(0);
    for (let l = layers - 1; l >= 0; l--) {
      const fin = dims[l];
      const fout = dims[l + 1];
      const w0 = wo[l];
      const b0 = bo[l];
      const input = l === 0 ? X : h[l - 1];
      const dl = dz[l];
      for (let o = 0; o < fout; o++) {
        let gb = 0;
        const wr = w0 + o * fin;
        for (let i = 0; i < n; i++) {
          const di = dl[i * fout + o];
          gb += di;
          for (let k = 0; k < fin; k++) grad[wr + k] += di * input[i * fin + k];
        }
        grad[b0 + o] = gb;
      }
      if (l === 0) break;
      const prev = dz[l - 1];
      const hp = h[l - 1];
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < fin; k++) {
          let s = 0;
          for (let o = 0; o < fout; o++) s += dl[i * fout + o] * theta[w0 + o * fin + k];
          const idx = i * fin + k;
          prev[idx] = s * (1 - hp[idx] * hp[idx]);
        }
      }
    }
    for (let j = 0; j < size; j++) theta[j] -= lr * (grad[j] + wd * theta[j]);
  }
  lastLoss = loss;
  return now() - t0;
}

/** The last step event `floorLinear` built, for the bench to compare with train()'s. */
export let lastFloorEvent = null;

/**
 * The tight loop with the engine's kernels (linear model, full-batch SGD with coupled weight
 * decay, no penalty or validation rows) that also builds, after every step, the step event
 * train() emits for it, the cheapest way this format allows: literal keys, an array literal
 * for a one-value parameter, a block copy of a packed array for a longer one, the decay written
 * in the update loop. Its time over the tight loop's is what the event format itself costs.
 * It assumes what the bench's linear problems have: zeros init, mse, plain SGD with weightDecay
 * ≠ 0, no penalty, param groups, batches or validation rows (run.js checks its last event
 * against train()'s, so a spec outside that fails loudly).
 */
export function floorLinear(spec) {
  const { n, net, X, y, steps, lr, wd } = netProblem(spec);
  const w = net.width;
  const size = w + 1;
  const theta = new Float64Array(size);
  const grad = new Float64Array(size);
  const decay = new Float64Array(size);
  const out = new Float64Array(n);
  const dOut = new Float64Array(n);
  const blank = [];
  for (let i = 0; i < w; i++) blank.push(0.5);
  const weights = (buf) => {
    if (w === 1) return [buf[0]];
    const a = blank.slice();
    let i = 0;
    for (; i + 4 <= w; i += 4) {
      a[i] = buf[i];
      a[i + 1] = buf[i + 1];
      a[i + 2] = buf[i + 2];
      a[i + 3] = buf[i + 3];
    }
    for (; i < w; i++) a[i] = buf[i];
    return a;
  };
  const norm = () => {
    let s = 0;
    for (let i = 0; i < w; i++) s += theta[i] * theta[i];
    return Math.sqrt(s);
  };
  let last = null;
  const t0 = now();
  for (let step = 1; step <= steps; step++) {
    net.forward(theta, X, n, out);
    let s = 0;
    const scale = 1 / n;
    for (let i = 0; i < n; i++) {
      const d = out[i] - y[i];
      s += d * d;
      dOut[i] = scale * (2 * d);
    }
    const data = s / n;
    if (!Number.isFinite(data)) break;
    net.backward(theta, X, n, dOut, grad);
    for (let j = 0; j < size; j++) {
      const t = theta[j];
      const d = wd * t;
      decay[j] = d;
      theta[j] = t + -lr * (grad[j] + d);
    }
    last = {
      type: 'step',
      step,
      epoch: step,
      lr,
      loss: { data, penalty: 0, total: data },
      grad: { weight: weights(grad), bias: [grad[w]] },
      decayGrad: { weight: weights(decay), bias: [decay[w]] },
      params: { weight: weights(theta), bias: [theta[w]] },
      norms: { weight: norm(), bias: Math.sqrt(theta[w] * theta[w]) },
    };
  }
  const t = now() - t0;
  lastFloorEvent = last;
  return t;
}
