// Times train() against a plain Float64Array loop with the same math, in the same process.
// Prints steps/s and the ratios of time per step: b/a (every step emitted) and c/a (every 100).
import { materialize, train } from '../dist/index.js';

const TRIALS = Number(process.env.BENCH_TRIALS ?? 7);

/** Full-batch sgd with coupled weight decay on mse for a linear model, no RxJS. */
function plainLoop(spec) {
  const { train: data } = materialize(spec.data, spec.seed);
  const n = data.y.length;
  const d = data.x[0].length;
  const X = new Float64Array(n * d);
  data.x.forEach((row, i) => {
    X.set(row, i * d);
  });
  const y = Float64Array.from(data.y);
  const theta = new Float64Array(d + 1);
  const grad = new Float64Array(d + 1);
  const out = new Float64Array(n);
  const { lr, weightDecay } = spec.optimizer;
  let loss = 0;
  for (let step = 0; step < spec.steps; step++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += X[i * d + j] * theta[j];
      out[i] = s + theta[d];
    }
    loss = 0;
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      const diff = out[i] - y[i];
      loss += diff * diff;
      const g = (2 * diff) / n;
      for (let j = 0; j < d; j++) grad[j] += g * X[i * d + j];
      grad[d] += g;
    }
    loss /= n;
    if (!Number.isFinite(loss)) break;
    for (let j = 0; j <= d; j++) theta[j] -= lr * (grad[j] + weightDecay * theta[j]);
  }
  return loss;
}

function viaTrain(spec, every) {
  let last;
  train(spec, { every }).subscribe((e) => {
    last = e;
  });
  return last;
}

function best(fn) {
  let fastest = Infinity;
  for (let t = 0; t < TRIALS; t++) {
    const start = process.hrtime.bigint();
    fn();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return fastest;
}

function bench(label, spec) {
  best(() => plainLoop({ ...spec, steps: Math.min(spec.steps, 2000) })); // warm up
  best(() => viaTrain({ ...spec, steps: Math.min(spec.steps, 2000) }, 1));
  const a = best(() => plainLoop(spec));
  const b = best(() => viaTrain(spec, 1));
  const c = best(() => viaTrain(spec, 100));
  const rate = (t) => `${Math.round(spec.steps / t).toLocaleString('en-US')} steps/s`;
  console.log(`\n${label} (${spec.steps} steps, best of ${TRIALS})`);
  console.log(`  (a) plain Float64Array loop      ${rate(a)}`);
  console.log(`  (b) train(), every step emitted  ${rate(b)}`);
  console.log(`  (c) train({ every: 100 })        ${rate(c)}`);
  console.log(`  b/a = ${(b / a).toFixed(3)}   c/a = ${(c / a).toFixed(3)}`);
  return { ba: b / a, ca: c / a };
}

const highdim = bench('highdim: 200 weights, 20 rows, sgd + weightDecay', {
  seed: 1,
  data: { kind: 'highdim', n: 20, nVal: 0, dims: 200, noise: 0.01 },
  model: { kind: 'linear' },
  init: { kind: 'zeros' },
  optimizer: { kind: 'sgd', lr: 0.003, weightDecay: 3 },
  steps: 20000,
});
const tiny = bench('line: 2 parameters, 20 rows, sgd + weightDecay', {
  seed: 1,
  data: { kind: 'line', n: 20, nVal: 0, noise: 0.3 },
  model: { kind: 'linear' },
  init: { kind: 'zeros' },
  optimizer: { kind: 'sgd', lr: 0.1, weightDecay: 0.01 },
  steps: 200000,
});
console.log(
  `\ntargets (highdim): b/a ≤ 1.5 ${highdim.ba <= 1.5 ? 'met' : 'NOT met'}, c/a ≤ 1.1 ${highdim.ca <= 1.1 ? 'met' : 'NOT met'}`,
);
console.log(
  `two-parameter problem: b/a = ${tiny.ba.toFixed(2)}, c/a = ${tiny.ca.toFixed(2)} (per-event cost dominates when a step is ~40 flops)`,
);
