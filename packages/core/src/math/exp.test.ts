import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHex, isNode20V8, ulps } from '../../test/bits.js';
import { rng } from '../random/rng.js';
import { exp } from './exp.js';

/** The committed table of Node 20's results (scripts/mathFixturesExpPow.mjs). */
interface Node20Table {
  v8: string;
  /** "input result", each as 16 hex digits of its IEEE bits. */
  exp: string[];
}
const table = JSON.parse(
  readFileSync(new URL('./fixtures/node20-exp-pow.json', import.meta.url), 'utf8'),
) as Node20Table;

/** Node 20's V8, whose Math.exp is the routine exp ports. */
const runningV8 = process.versions.v8 ?? 'none';

describe('exp', () => {
  it("gives exactly the bits of Node 20's Math.exp in the committed table", () => {
    const wrong: string[] = [];
    for (const row of table.exp) {
      const [input, expected] = row.split(' ') as [string, string];
      const got = exp(fromHex(input));
      if (!Object.is(got, fromHex(expected)))
        wrong.push(`exp(${fromHex(input)}) = ${got} (${row})`);
    }
    expect(table.exp.length).toBeGreaterThan(2000);
    expect(wrong, `${wrong.length} of ${table.exp.length} differ from V8 ${table.v8}`).toEqual([]);
  });

  it('matches the running Math.exp over 250,000 seeded inputs: ≤ 1 ulp, exact on Node 20', () => {
    const r = rng(2025, 1);
    const ranges: [number, number, number][] = [
      [-40, 40, 120_000], // sigmoid and logistic losses
      [-745, 710, 70_000],
      [-1.1, 1.1, 30_000],
      [-745.2, -708, 10_000], // subnormal results
      [700, 709.8, 10_000],
      [-(2 ** -20), 2 ** -20, 10_000],
    ];
    let total = 0;
    let equal = 0;
    let worst = 0;
    let firstMiss = '';
    for (const [lo, hi, count] of ranges)
      for (let i = 0; i < count; i++) {
        const x = lo + (hi - lo) * r.uniform();
        const u = ulps(exp(x), Math.exp(x));
        total++;
        if (u === 0) equal++;
        else if (firstMiss === '') firstMiss = `exp(${x}) = ${exp(x)}, Math.exp = ${Math.exp(x)}`;
        worst = Math.max(worst, u);
      }
    const report = `${total - equal} of ${total} differ from Math.exp on V8 ${runningV8} (worst ${worst} ulp) ${firstMiss}`;
    expect(total).toBeGreaterThanOrEqual(200_000);
    expect(worst, report).toBeLessThanOrEqual(1);
    if (isNode20V8) expect(total - equal, report).toBe(0);
  });

  it('follows the ECMAScript special cases of Math.exp', () => {
    expect(exp(Number.NaN)).toBeNaN();
    expect(Object.is(exp(0), 1)).toBe(true);
    expect(Object.is(exp(-0), 1)).toBe(true);
    expect(exp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(Object.is(exp(Number.NEGATIVE_INFINITY), 0)).toBe(true);
    // Overflow, underflow and the smallest subnormal result
    expect(exp(709.7827128933841)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(Number.MAX_VALUE)).toBe(Number.POSITIVE_INFINITY);
    expect(Object.is(exp(-745.1332191019412), 0)).toBe(true);
    expect(Object.is(exp(-Number.MAX_VALUE), 0)).toBe(true);
    expect(exp(-745.1332191019411)).toBe(Number.MIN_VALUE);
    expect(exp(709.782712893384)).toBe(1.7976931348622732e308);
    // Tiny arguments, and V8's exact e for exp(1)
    expect(exp(Number.MIN_VALUE)).toBe(1);
    expect(exp(-(2 ** -30))).toBe(1 - 2 ** -30);
    expect(exp(1)).toBe(Math.E);
    // Positive and never decreasing across the reduction boundaries
    const r = rng(7, 2);
    for (let i = 0; i < 20_000; i++) {
      const x = (2 * r.uniform() - 1) * 40;
      const next = x + Math.abs(x) * 2 ** -52 + Number.MIN_VALUE;
      expect(exp(next) >= exp(x) && exp(x) > 0).toBe(true);
    }
  });
});
