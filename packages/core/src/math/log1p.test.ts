import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHex, isNode20V8, ulps } from '../../test/bits.js';
import { rng } from '../random/rng.js';
import { log1p } from './log1p.js';

/** Rows of 16-hex-digit IEEE bit patterns recorded with Node 20's Math.log1p: [x, log1p x]. */
const table = JSON.parse(
  readFileSync(new URL('./fixtures/node20-log-trig.json', import.meta.url), 'utf8'),
) as { log1p: [string, string][] };

describe('log1p', () => {
  it("gives Node 20's bits on every row of the committed table (any engine)", () => {
    const wrong = table.log1p.filter(([x, y]) => !Object.is(log1p(fromHex(x)), fromHex(y)));
    expect(
      wrong.length,
      `${wrong.length} of ${table.log1p.length} rows differ: ${wrong.slice(0, 5)}`,
    ).toBe(0);
    expect(table.log1p.length).toBeGreaterThan(1500);
  });

  it(`matches this engine's Math.log1p on 240,000 seeded inputs (${isNode20V8 ? 'exactly: Node 20' : '≤ 1 ulp'})`, () => {
    const r = rng(2025);
    const inputs: number[] = [];
    for (let i = 0; i < 120_000; i++) inputs.push(-1 + 11 * (1 - r.uniform())); // (−1, 10]
    for (let i = 0; i < 60_000; i++) inputs.push((r.uniform() - 0.5) * 10 ** -r.int(300)); // tiny
    for (let i = 0; i < 30_000; i++) inputs.push(-1 + 10 ** (-16 * r.uniform())); // −1 + ε
    for (let i = 0; i < 30_000; i++) inputs.push(10 ** (1 + 307 * r.uniform())); // 10 … 1e308
    let differ = 0;
    let worst = 0;
    for (const x of inputs) {
      const u = ulps(log1p(x), Math.log1p(x));
      if (u !== 0) differ++;
      worst = Math.max(worst, u);
    }
    const report = `${differ} of ${inputs.length} differ from Math.log1p (worst ${worst} ulp, V8 ${process.versions.v8})`;
    expect(worst, report).toBeLessThanOrEqual(1);
    if (isNode20V8) expect(differ, report).toBe(0);
  });

  it('keeps ±0, maps −1 to −∞, below −1 to NaN, ∞ to ∞, like Math.log1p', () => {
    for (const x of [0, -0, 5e-324, -5e-324])
      expect(Object.is(log1p(x), Math.log1p(x)) && Object.is(log1p(x), x)).toBe(true);
    expect(log1p(-1)).toBe(Number.NEGATIVE_INFINITY);
    expect(log1p(-1.0000000000000002)).toBeNaN();
    expect(log1p(-2)).toBeNaN();
    expect(log1p(Number.NEGATIVE_INFINITY)).toBeNaN();
    expect(log1p(Number.NaN)).toBeNaN();
    expect(log1p(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(log1p(1)).toBe(Math.LN2);
    expect(log1p(1e-10)).toBe(9.999999999500001e-11);
  });
});
