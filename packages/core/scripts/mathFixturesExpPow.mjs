// Regenerates src/math/fixtures/node20-exp-pow.json: inputs and Node 20's own Math.exp and `**`
// results, each double as 16 hex digits of its IEEE bits (NaN written as 7ff8000000000000). The
// tests in src/math/exp.test.ts and src/math/pow.test.ts check the pure-JS ports against it on
// any engine. Run with Node 20 (V8 11.3); other versions refuse unless given --force.
//
//   node scripts/mathFixturesExpPow.mjs          # writes the table
//   node scripts/mathFixturesExpPow.mjs --check  # exit 1 when this Node's results differ
import { readFileSync, writeFileSync } from 'node:fs';

const target = new URL('../src/math/fixtures/node20-exp-pow.json', import.meta.url);

if (!process.versions.v8.startsWith('11.3.') && !process.argv.includes('--force')) {
  console.error(`needs Node 20 (V8 11.3), this is V8 ${process.versions.v8}; --force to override`);
  process.exit(2);
}

/** A small seeded generator (splitmix32 → 53-bit uniforms), so the inputs never change. */
function seeded(seed) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const uniform = () => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
  return {
    uniform,
    between: (a, b) => a + (b - a) * uniform(),
    int: (a, b) => a + Math.floor(uniform() * (b - a + 1)),
  };
}

const view = new DataView(new ArrayBuffer(8));
function hex(x) {
  if (Number.isNaN(x)) return '7ff8000000000000';
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

const r = seeded(20_250_101);

// ---- Math.exp inputs ----
const expInputs = [];
const e = (x) => expInputs.push(x);
for (const x of [
  Number.NaN,
  0,
  -0,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1,
  -1,
  2,
  0.5,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  709.782712893384, // overflow threshold
  709.7827128933841,
  709.78,
  710,
  -745.1332191019411, // underflow threshold
  -745.1332191019412,
  -745,
  -708.3964185322641, // smallest normal result, near
  -708.4,
  2 ** -28,
  -(2 ** -28),
  2 ** -29,
  0.34657359027997264, // ln2/2
  1.0397207708399179, // 1.5·ln2
  -1.0397207708399179,
  Math.LN2,
  -Math.LN2,
]) {
  e(x);
}
for (let k = -40; k <= 40; k++) e(k);
for (let i = 0; i < 1400; i++) e(r.between(-40, 40)); // sigmoid and logistic-loss range
for (let i = 0; i < 300; i++) e(r.between(-1.2, 1.2));
for (let i = 0; i < 100; i++) e((r.uniform() - 0.5) * 2 ** -r.int(20, 60)); // tiny |x|
for (let i = 0; i < 800; i++) e(r.between(-745, 710));
for (let i = 0; i < 150; i++) e(r.between(-745.2, -708)); // subnormal results
for (let i = 0; i < 100; i++) e(r.between(700, 709.9)); // near overflow

// ---- `**` inputs ----
const powInputs = [];
const p = (x, y) => powInputs.push([x, y]);
const specials = [
  Number.NaN,
  0,
  -0,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1,
  -1,
  0.5,
  -0.5,
  2,
  -2,
  3,
  -3,
  1.5,
  -1.5,
  0.9,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  2 ** 53,
  2 ** 53 + 2,
  2 ** 64,
];
for (const x of specials) for (const y of specials) p(x, y);
// Adam's bias correction: beta ** step
for (const beta of [0.9, 0.999]) {
  for (let step = 1; step <= 150; step++) p(beta, step);
  for (let i = 0; i < 150; i++) p(beta, Math.round(10 ** r.between(2, 6)));
  p(beta, 1_000_000);
}
for (let i = 0; i < 500; i++) p(1 - 10 ** -r.between(0.3, 4.5), Math.round(10 ** r.between(0, 6)));
for (let i = 0; i < 300; i++) p(r.uniform(), r.int(1, 1_000_000));
// Smoothing weights in [0, 1) with integer counts
for (let i = 0; i < 400; i++) p(r.uniform(), r.int(0, 2000));
// Polynomial features v ** k
for (let i = 0; i < 900; i++) p(r.between(-10, 10), r.int(2, 12));
for (let k = 2; k <= 12; k++) for (const v of [-10, -3, -1.5, -1, -0.1, 0.1, 1.5, 3, 10]) p(v, k);
// General real exponents
for (let i = 0; i < 500; i++) p(r.between(0, 100), r.between(-50, 50));
for (let i = 0; i < 200; i++) p(r.between(0, 2), r.between(-400, 400));
for (let i = 0; i < 100; i++) p(r.between(-10, 0), r.between(-5, 5)); // negative base, non-integer
for (let i = 0; i < 100; i++) p(r.between(-10, 0), r.int(-40, 40)); // negative base, integer
for (let i = 0; i < 100; i++) p(1 + (r.uniform() - 0.5) * 2e-7, (r.uniform() - 0.5) * 2e10); // |y| > 2^31
for (let i = 0; i < 100; i++) {
  const x = r.between(1e-3, 0.6);
  p(x, (-1074 / Math.log2(x)) * r.between(0.97, 1.02)); // subnormal and underflowing results
}
for (let i = 0; i < 50; i++) p(r.uniform() * 2.2e-308, r.between(-1.2, 1.2)); // subnormal base
for (let i = 0; i < 50; i++) p(r.between(1.5, 10), (1024 / Math.log2(1.5)) * r.uniform()); // overflow

/** Runs `f` over the inputs three times (cold, then optimised) and insists all runs agree. */
function results(f, inputs) {
  const runs = [0, 1, 2].map(() => inputs.map((input) => hex(f(input))));
  if (runs.some((run) => run.join() !== runs[0].join())) throw new Error('cold and warm differ');
  return runs[0];
}
const expOut = results((x) => Math.exp(x), expInputs);
const powOut = results(([x, y]) => x ** y, powInputs);

const table = {
  description:
    "Node 20's Math.exp and ** : inputs and results as IEEE-754 bit patterns (16 hex digits). " +
    'Generated by packages/core/scripts/mathFixturesExpPow.mjs; do not edit.',
  node: process.version,
  v8: process.versions.v8,
  exp: expInputs.map((x, i) => `${hex(x)} ${expOut[i]}`),
  pow: powInputs.map(([x, y], i) => `${hex(x)} ${hex(y)} ${powOut[i]}`),
};
const text = `${JSON.stringify(table, null, 1)}\n`;

if (process.argv.includes('--check')) {
  const old = JSON.parse(readFileSync(target, 'utf8'));
  const same = JSON.stringify([old.exp, old.pow]) === JSON.stringify([table.exp, table.pow]);
  console.log(same ? 'node20-exp-pow.json matches this Node' : 'node20-exp-pow.json differs');
  process.exit(same ? 0 : 1);
}
writeFileSync(target, text);
console.log(
  `wrote ${target.pathname}: ${expInputs.length} exp, ${powInputs.length} pow, ${text.length} bytes`,
);
