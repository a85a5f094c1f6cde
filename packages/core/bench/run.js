// `npm run bench` in packages/core. Every ratio compares figures measured in this run.
//  1. train() with every step emitted (b) and with { every: 100 } (c) against a tight loop (a:
//     the faster of two plain loops with all state in locals, one calling the engine's kernels,
//     one with the scalar loops the engine had before its kernels were tiled (s)).
//  2. The same problems in PyTorch with one thread, when a python with torch is found
//     (DECAYLAB_TORCH_PYTHON, /opt/torchvenv/bin/python or python3); skipped otherwise.
// On the linear problems, (f) is the floor: the tight loop that also builds the same step events
// by hand, the cheapest way the format allows (bench/tightLoops.js, floorLinear).
// Each variant is warmed up with short runs first, then timed best of BENCH_TRIALS (default 9)
// on the process's CPU time (BENCH_CLOCK=wall: wall time), which other processes' load inflates
// far less than wall time on this shared 2-core machine;
// with the variants interleaved, so that load from other processes hits them alike.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { train } from '../dist/index.js';
import {
  CLOCK,
  floorLinear,
  lastFloorEvent,
  now,
  scalarLinear,
  scalarMlp,
  tightLinear,
  tightMlp,
} from './tightLoops.js';

const TRIALS = Math.max(5, Number(process.env.BENCH_TRIALS ?? 9));
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

const sgd = (lr, weightDecay) => ({ kind: 'sgd', lr, weightDecay });
const PROBLEMS = [
  {
    label: 'line',
    about: '2 parameters, 20 rows',
    spec: {
      seed: 1,
      data: { kind: 'line', n: 20, nVal: 0, noise: 0.3 },
      model: { kind: 'linear' },
      init: { kind: 'zeros' },
      optimizer: sgd(0.1, 0.01),
      steps: 50_000,
    },
    target: { ba: 1.5 },
    floor: true,
  },
  {
    label: 'highdim',
    about: '200 weights, 20 rows',
    spec: {
      seed: 1,
      data: { kind: 'highdim', n: 20, nVal: 0, dims: 200, noise: 0.01 },
      model: { kind: 'linear' },
      init: { kind: 'zeros' },
      optimizer: sgd(0.003, 3),
      steps: 4_000,
    },
    target: { ba: 1.2, ca: 1.05 },
    floor: true,
  },
  {
    label: 'linear d=1000',
    about: '1,000 weights, 500 rows',
    spec: {
      seed: 1,
      data: { kind: 'highdim', n: 500, nVal: 0, dims: 1000, noise: 0.01 },
      model: { kind: 'linear' },
      init: { kind: 'zeros' },
      optimizer: sgd(0.001, 1e-3),
      steps: 100,
    },
    target: { speedup: 3, torch: 3 },
  },
  {
    label: 'mlp 10-64-64-1',
    about: 'tanh, 1,000 rows',
    spec: {
      seed: 1,
      data: { kind: 'highdim', n: 1000, nVal: 0, dims: 10, noise: 0.01 },
      model: { kind: 'mlp', hidden: [64, 64], activation: 'tanh' },
      init: { kind: 'normal', std: 0.1, bias: 'zeros' },
      optimizer: sgd(0.01, 1e-3),
      steps: 8,
    },
    target: { speedup: 3, torch: 3 },
  },
];

/** Seconds from the `run` event (set-up done) to the `end` event of train(spec, { every }). */
function viaTrain(spec, every) {
  let start = 0;
  let last;
  train(spec, { every }).subscribe((e) => {
    if (e.type === 'run') start = now();
    last = e;
  });
  if (last?.type !== 'end' || last.reason !== 'completed') throw new Error('run did not complete');
  return now() - start;
}

/** The last step event of train(spec): what the floor loop must also have built. */
function lastStep(spec) {
  let last;
  train(spec).subscribe((e) => {
    if (e.type === 'step') last = e;
  });
  return last;
}

/**
 * Seconds per step of each variant, set-up (building the data, parsing the spec) excluded: best
 * of TRIALS interleaved rounds, after warm-up runs of 1/10 the steps.
 */
function measure(variants, spec) {
  const short = { ...spec, steps: Math.max(1, Math.ceil(spec.steps / 10)) };
  for (let w = 0; w < 3; w++) for (const fn of Object.values(variants)) fn(short);
  const best = {};
  for (const k of Object.keys(variants)) best[k] = Infinity;
  for (let t = 0; t < TRIALS; t++)
    for (const [k, fn] of Object.entries(variants)) best[k] = Math.min(best[k], fn(spec));
  for (const k of Object.keys(variants)) best[k] /= spec.steps;
  return best;
}

const rate = (t) => 1 / t;
const fmt = (x) => Math.round(x).toLocaleString('en-US').padStart(11);
const verdict = (ok) => (ok ? 'met' : 'NOT met');

console.log(`decaylab core bench · node ${process.version} · load ${load()} (1/5/15 min)`);
console.log(
  `steps/s on ${CLOCK === 'cpu' ? 'process CPU time (BENCH_CLOCK=wall for wall time)' : 'wall time'}, without set-up (building data, parsing the spec), best of ${TRIALS} short runs after warm-up`,
);
const results = {};
for (const p of PROBLEMS) {
  const mlp = p.spec.model.kind === 'mlp';
  const variants = {
    tight: mlp ? tightMlp : tightLinear,
    scalar: mlp ? scalarMlp : scalarLinear,
    every1: (s) => viaTrain(s, 1),
    every100: (s) => viaTrain(s, 100),
  };
  if (p.floor) variants.floor = floorLinear;
  const t = measure(variants, p.spec);
  const a = Math.min(t.tight, t.scalar);
  const steps = p.spec.steps;
  results[p.label] = { ...t, a, steps };
  console.log(`\n${p.label} (${p.about}; ${steps.toLocaleString('en-US')} steps)`);
  console.log(`  tight loop, engine kernels     ${fmt(rate(t.tight))} steps/s`);
  console.log(`  tight loop, today's scalar (s) ${fmt(rate(t.scalar))} steps/s`);
  console.log(`  (b) train(), every step        ${fmt(rate(t.every1))} steps/s`);
  console.log(`  (c) train({ every: 100 })      ${fmt(rate(t.every100))} steps/s`);
  if (p.floor) {
    // The floor must have done the same work: its last event is train()'s, byte for byte.
    if (JSON.stringify(lastFloorEvent) !== JSON.stringify(lastStep(p.spec)))
      throw new Error(`${p.label}: the floor loop built other events than train()`);
    console.log(
      `  (f) tight loop + the same events ${fmt(rate(t.floor))} steps/s (built by hand, the cheapest way the format allows; its last event = train()'s)`,
    );
  }
  let line = `  vs tight loop a = faster of the two: b/a = ${(t.every1 / a).toFixed(2)}  c/a = ${(t.every100 / a).toFixed(2)}`;
  if (p.target.ba)
    line += `  (target b/a ≤ ${p.target.ba}: ${verdict(t.every1 / a <= p.target.ba)}`;
  if (p.target.ca) line += `; c/a ≤ ${p.target.ca}: ${verdict(t.every100 / a <= p.target.ca)}`;
  if (p.target.ba) line += ')';
  console.log(line);
  if (p.floor)
    console.log(
      `  the format's own cost f/a = ${(t.floor / a).toFixed(2)}; the engine over it b/f = ${(t.every1 / t.floor).toFixed(2)}`,
    );
  if (p.target.speedup) {
    const s = t.scalar / t.every100;
    console.log(
      `  speedup over today's scalar loop: train every 100 ${s.toFixed(2)}×, kernels alone ${(t.scalar / t.tight).toFixed(2)}× (target ≥ ${p.target.speedup}×: ${verdict(s >= p.target.speedup)})`,
    );
  }
}

// 2. PyTorch, one thread.
function findTorch() {
  const candidates = [process.env.DECAYLAB_TORCH_PYTHON, '/opt/torchvenv/bin/python', 'python3'];
  for (const py of candidates) {
    if (!py || (py.includes('/') && !existsSync(py))) continue;
    const r = spawnSync(py, ['-c', 'import torch'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return null;
}
const py = findTorch();
console.log('');
if (!py) {
  console.log(
    'PyTorch comparison skipped: no python with torch (set DECAYLAB_TORCH_PYTHON to one that has it)',
  );
} else {
  const problems = PROBLEMS.map((p) => ({
    label: p.label,
    rows: p.spec.data.n,
    dims: p.spec.data.dims ?? 1,
    hidden: p.spec.model.hidden ?? null,
    lr: p.spec.optimizer.lr,
    weightDecay: p.spec.optimizer.weightDecay,
    steps: Math.min(p.spec.steps, 500),
    trials: TRIALS,
    clock: CLOCK,
  }));
  const script = new URL('./torch_bench.py', import.meta.url).pathname;
  const out = JSON.parse(execFileSync(py, [script], { input: JSON.stringify(problems) }));
  console.log(
    `PyTorch ${out.torch}, ${out.threads} thread, float64, ${CLOCK} time (${py}); load ${load()}`,
  );
  for (const p of PROBLEMS) {
    const torch = out.stepsPerSecond[p.label];
    const r = results[p.label];
    const ours = rate(r.every100);
    const slower = torch / ours;
    let line = `  ${p.label.padEnd(16)} torch ${fmt(torch)} steps/s · train every 100 ${fmt(ours)} steps/s · `;
    line +=
      slower >= 1
        ? `${slower.toFixed(2)}× slower than torch`
        : `${(1 / slower).toFixed(2)}× faster than torch`;
    if (p.target.torch)
      line += ` (target within ${p.target.torch}×: ${verdict(slower <= p.target.torch)})`;
    console.log(line);
  }
}
console.log(
  `\nload at the end: ${load()} (2 shared cores: other engineers' processes skew these figures)`,
);
