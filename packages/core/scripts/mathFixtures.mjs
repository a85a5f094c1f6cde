// Records Node 20's own Math.* on spread-out inputs, as 16-hex-digit bit patterns, into the
// fixtures the pure-JS ports in src/math are tested against (bit for bit, in any engine).
//
//   node scripts/mathFixtures.mjs          writes src/math/fixtures/*.json
//   node scripts/mathFixtures.mjs --check  exit 1 if a committed fixture differs from a fresh run
//
// Must run on Node 20 (V8 11.3): the point is to capture that engine's last bits. Inputs come
// from a fixed-seed generator, so a rerun on Node 20 reproduces the files byte for byte.
import { readFileSync, writeFileSync } from 'node:fs';

if (!process.versions.v8.startsWith('11.3.')) {
  console.error(`needs Node 20 (V8 11.3), this is V8 ${process.versions.v8}`);
  process.exit(2);
}

const view = new DataView(new ArrayBuffer(8));
/** The 16 hex digits of x's IEEE bits. */
function hex(x) {
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}
/** The double with these 64 bits. */
function fromBits(bits) {
  view.setBigUint64(0, BigInt.asUintN(64, bits));
  return view.getFloat64(0);
}
/** The double `k` ulps away from x (x finite, same sign throughout). */
function ulpStep(x, k) {
  view.setFloat64(0, x);
  return fromBits(view.getBigInt64(0) + BigInt(k));
}

/** mulberry32, two draws per 53-bit uniform in [0, 1), like the engine's rng().uniform(). */
function generator(seed) {
  let s = seed >>> 0;
  const u32 = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const uniform = () => ((u32() >>> 5) * 67108864 + (u32() >>> 6)) / 9007199254740992;
  /** 10^a … 10^b, uniform in the exponent. */
  const logUniform = (a, b) => 10 ** (a + (b - a) * uniform());
  return { u32, uniform, logUniform };
}

function logInputs() {
  const g = generator(1);
  const xs = [];
  // (0, 1] densely: the engine takes log(u) for uniform u (Box–Muller).
  for (let i = 0; i < 1200; i++) xs.push(1 - g.uniform());
  for (let i = 0; i < 150; i++) xs.push(g.uniform() * 2 ** -(1 + (g.u32() % 52))); // small u
  for (let i = 0; i < 300; i++) xs.push(g.logUniform(-300, 300));
  for (let i = 0; i < 100; i++)
    xs.push(fromBits((BigInt(g.u32() & 0xfffff) << 32n) | BigInt(g.u32()))); // subnormal
  xs.push(5e-324, 1e-323, 2.225073858507201e-308, 2.2250738585072014e-308, Number.MAX_VALUE);
  for (let k = -1074; k <= 1023; k += 7) xs.push(2 ** k);
  for (let k = -10; k <= 10; k++) xs.push(2 ** k);
  for (let k = -40; k <= 40; k++) xs.push(ulpStep(1, k)); // around 1
  for (let k = -3; k <= 3; k++)
    for (const c of [1 + 2 ** -20, 1 - 2 ** -20, Math.SQRT2, Math.SQRT1_2, 2, 0.5])
      xs.push(ulpStep(c, k));
  for (let i = 0; i < 200; i++) xs.push(1 + (g.uniform() - 0.5) * 2 ** -(g.u32() % 30)); // near 1
  xs.push(0, Number.POSITIVE_INFINITY);
  return xs;
}

function trigInputs() {
  const g = generator(2);
  const twoPi = 2 * Math.PI;
  const xs = [];
  // [0, 2π) densely: the engine takes sin(2πv), cos(2πv) for uniform v.
  for (let i = 0; i < 1500; i++) xs.push(twoPi * g.uniform());
  for (let i = 0; i < 300; i++) xs.push(-twoPi * g.uniform());
  // Near multiples of π/2, where the reduction cancels.
  for (let n = 1; n <= 40; n++)
    for (const k of [-2, -1, 0, 1, 2]) xs.push(ulpStep((n * Math.PI) / 2, k) * (n % 2 ? 1 : -1));
  for (let i = 0; i < 150; i++) xs.push(((1 + (g.u32() % 63000)) * Math.PI) / 2);
  for (let i = 0; i < 300; i++) xs.push((g.uniform() < 0.5 ? -1 : 1) * g.logUniform(0, 5)); // to 1e5
  for (let i = 0; i < 100; i++) xs.push((g.uniform() < 0.5 ? -1 : 1) * g.logUniform(-300, 0));
  for (let i = 0; i < 60; i++) xs.push((g.uniform() < 0.5 ? -1 : 1) * g.logUniform(5.5, 300)); // 2/π table path
  for (const c of [Math.PI / 4, 0.3, 0.78125, (3 * Math.PI) / 4, 2 ** -27, 823549.6, 1e22])
    for (let k = -2; k <= 2; k++) xs.push(ulpStep(c, k));
  xs.push(0, -0, 5e-324, Math.PI, Number.MAX_VALUE, -Number.MAX_VALUE);
  return xs;
}

function log1pInputs() {
  const g = generator(3);
  const xs = [];
  for (let i = 0; i < 1300; i++) xs.push(-1 + 11 * (1 - g.uniform())); // (−1, 10]
  for (let i = 0; i < 400; i++) xs.push((g.uniform() < 0.5 ? -1 : 1) * g.logUniform(-300, -3)); // tiny
  for (let k = 1; k <= 40; k++) xs.push(ulpStep(-1, -k)); // −1 + a few ulps
  for (let i = 0; i < 60; i++) xs.push(-1 + g.logUniform(-16, -1)); // −1 + ε
  for (let i = 0; i < 100; i++) xs.push(g.logUniform(1, 300));
  for (const c of [Math.SQRT2 - 1, -0.2928932188134524, 2 ** -29, 2 ** -54, 2 ** 53, 1, 2 ** -20])
    for (let k = -2; k <= 2; k++) for (const s of [1, -1]) xs.push(s * ulpStep(c, k));
  xs.push(0, -0, 5e-324, -5e-324, Number.MAX_VALUE, Number.POSITIVE_INFINITY, -0.5, 0.5);
  return xs;
}

/** { about, node, v8, [fn]: [[x, f(x), …], …] }, one input per line. */
function table(about, sections) {
  const lines = [
    '{',
    `  "about": ${JSON.stringify(about)},`,
    `  "node": "${process.version}",`,
    `  "v8": "${process.versions.v8}",`,
  ];
  const names = Object.keys(sections);
  names.forEach((name, s) => {
    const { inputs, fns } = sections[name];
    const rows = inputs.map(
      (x) => `    [${[x, ...fns.map((f) => f(x))].map((v) => `"${hex(v)}"`).join(',')}]`,
    );
    lines.push(
      `  ${JSON.stringify(name)}: [`,
      rows.join(',\n'),
      s === names.length - 1 ? '  ]' : '  ],',
    );
  });
  lines.push('}', '');
  return lines.join('\n');
}

const fixtures = {
  'node20-log-trig.json': () =>
    table(
      'Node 20 Math.log, Math.log1p, Math.sin, Math.cos: rows of IEEE bit patterns [x, f(x)] (sincos: [x, sin x, cos x]). Generated by scripts/mathFixtures.mjs.',
      {
        log: { inputs: logInputs(), fns: [Math.log] },
        log1p: { inputs: log1pInputs(), fns: [Math.log1p] },
        sincos: { inputs: trigInputs(), fns: [Math.sin, Math.cos] },
      },
    ),
};

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, build] of Object.entries(fixtures)) {
  const path = new URL(`../src/math/fixtures/${file}`, import.meta.url);
  const text = build();
  if (check) {
    let old = '';
    try {
      old = readFileSync(path, 'utf8');
    } catch {}
    if (old !== text) {
      console.error(`${file} differs from a fresh run`);
      stale++;
    }
  } else {
    writeFileSync(path, text);
    console.log(`${file}: ${(text.length / 1024).toFixed(0)} KB`);
  }
}
process.exit(stale ? 1 : 0);
