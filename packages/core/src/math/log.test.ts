import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHex, isNode20V8, ulps } from '../../test/bits.js';
import { type Rng, rng } from '../random/rng.js';
import { log } from './log.js';

/** Rows of 16-hex-digit IEEE bit patterns recorded with Node 20's Math.log: [x, log x]. */
const table = JSON.parse(
  readFileSync(new URL('./fixtures/node20-log-trig.json', import.meta.url), 'utf8'),
) as { log: [string, string][] };

const view = new DataView(new ArrayBuffer(16));
/** A positive double with random bits: any exponent (0 gives a subnormal), any mantissa. */
function anyPositive(r: Rng): number {
  view.setUint32(0, (r.int(0x7ff) << 20) | r.int(0x100000));
  view.setUint32(4, r.int(2 ** 32));
  return view.getFloat64(0);
}

describe('log', () => {
  it("gives Node 20's bits on every row of the committed table (any engine)", () => {
    const wrong = table.log.filter(([x, y]) => !Object.is(log(fromHex(x)), fromHex(y)));
    expect(
      wrong.length,
      `${wrong.length} of ${table.log.length} rows differ: ${wrong.slice(0, 5)}`,
    ).toBe(0);
    expect(table.log.length).toBeGreaterThan(2000);
  });

  it(`matches this engine's Math.log on 240,000 seeded inputs (${isNode20V8 ? 'exactly: Node 20' : '≤ 1 ulp'})`, () => {
    const r = rng(2024);
    const inputs: number[] = [];
    for (let i = 0; i < 120_000; i++) inputs.push(1 - r.uniform()); // (0, 1], as Box–Muller uses
    for (let i = 0; i < 80_000; i++) inputs.push(anyPositive(r)); // subnormal … 1.8e308
    for (let i = 0; i < 40_000; i++) inputs.push(1 + (r.uniform() - 0.5) * 2 ** -r.int(40)); // near 1
    let differ = 0;
    let worst = 0;
    for (const x of inputs) {
      const u = ulps(log(x), Math.log(x));
      if (u !== 0) differ++;
      worst = Math.max(worst, u);
    }
    const report = `${differ} of ${inputs.length} differ from Math.log (worst ${worst} ulp, V8 ${process.versions.v8})`;
    expect(worst, report).toBeLessThanOrEqual(1);
    if (isNode20V8) expect(differ, report).toBe(0);
  });

  it('maps 0 to −∞, negatives to NaN, ∞ to ∞, 1 to +0, like Math.log', () => {
    expect(log(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log(-0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log(-1)).toBeNaN();
    expect(log(-5e-324)).toBeNaN();
    expect(log(Number.NEGATIVE_INFINITY)).toBeNaN();
    expect(log(Number.NaN)).toBeNaN();
    expect(log(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(Object.is(log(1), 0)).toBe(true);
    expect(log(5e-324)).toBe(-744.4400719213812);
    expect(log(Math.E)).toBe(1);
    expect(log(2)).toBe(Math.LN2);
  });
});
