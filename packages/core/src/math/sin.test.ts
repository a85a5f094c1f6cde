import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHex, isNode20V8, ulps } from '../../test/bits.js';
import { type Rng, rng } from '../random/rng.js';
import { cos } from './cos.js';
import { sin } from './sin.js';

/** Rows of 16-hex-digit IEEE bit patterns recorded with Node 20's Math: [x, sin x, cos x]. */
const table = JSON.parse(
  readFileSync(new URL('./fixtures/node20-log-trig.json', import.meta.url), 'utf8'),
) as { sincos: [string, string, string][] };

const sign = (r: Rng) => (r.uniform() < 0.5 ? -1 : 1);

/** 240,000 seeded arguments, most where the engine calls sin and cos: 2πv, v uniform in [0, 1). */
function trigInputs(seed: number): number[] {
  const r = rng(seed);
  const xs: number[] = [];
  for (let i = 0; i < 120_000; i++) xs.push(2 * Math.PI * r.uniform());
  for (let i = 0; i < 30_000; i++) xs.push(-2 * Math.PI * r.uniform());
  for (let i = 0; i < 40_000; i++) xs.push(sign(r) * 10 ** (5 * r.uniform())); // 1 … 1e5
  for (let i = 0; i < 20_000; i++) xs.push(sign(r) * 10 ** (-300 * r.uniform())); // tiny
  for (let i = 0; i < 20_000; i++) {
    // within a few ulps of n·π/2, n up to 63,000 (x ≲ 1e5)
    const x = ((1 + r.int(63_000)) * Math.PI) / 2;
    xs.push(x + (r.int(9) - 4) * Number.EPSILON * x);
  }
  for (let i = 0; i < 10_000; i++) xs.push(sign(r) * 10 ** (5.5 + 302 * r.uniform())); // large
  return xs;
}

describe('sin and cos', () => {
  it("give Node 20's bits on every row of the committed table (any engine)", () => {
    const wrong = table.sincos.filter(
      ([x, s, c]) =>
        !Object.is(sin(fromHex(x)), fromHex(s)) || !Object.is(cos(fromHex(x)), fromHex(c)),
    );
    expect(
      wrong.length,
      `${wrong.length} of ${table.sincos.length} rows differ: ${wrong.slice(0, 5)}`,
    ).toBe(0);
    expect(table.sincos.length).toBeGreaterThan(2000);
  });

  for (const [name, mine, engine, seed] of [
    ['sin', sin, Math.sin, 31],
    ['cos', cos, Math.cos, 32],
  ] as const)
    it(`${name} matches this engine's Math.${name} on 240,000 seeded inputs (${isNode20V8 ? 'exactly: Node 20' : '≤ 1 ulp'})`, () => {
      const inputs = trigInputs(seed);
      let differ = 0;
      let worst = 0;
      for (const x of inputs) {
        const u = ulps(mine(x), engine(x));
        if (u !== 0) differ++;
        worst = Math.max(worst, u);
      }
      const report = `${differ} of ${inputs.length} differ from Math.${name} (worst ${worst} ulp, V8 ${process.versions.v8})`;
      expect(worst, report).toBeLessThanOrEqual(1);
      if (isNode20V8) expect(differ, report).toBe(0);
    });

  it('keep the sign of ±0 (sin), give 1 at ±0 (cos), NaN at ±∞ and NaN, like Math', () => {
    expect(Object.is(sin(0), 0)).toBe(true);
    expect(Object.is(sin(-0), -0)).toBe(true);
    expect(Object.is(sin(-5e-324), -5e-324)).toBe(true);
    expect([cos(0), cos(-0)]).toEqual([1, 1]);
    for (const x of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN]) {
      expect(sin(x)).toBeNaN();
      expect(cos(x)).toBeNaN();
    }
    expect(sin(Math.PI)).toBe(1.2246467991473532e-16);
    expect(cos(Math.PI / 2)).toBe(6.123233995736766e-17);
    expect([sin(1), cos(1)]).toEqual([0.8414709848078965, 0.5403023058681398]);
  });
});
