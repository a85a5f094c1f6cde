import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHex, isNode20V8, ulps } from '../../test/bits.js';
import { rng } from '../random/rng.js';
import { pow } from './pow.js';

/** The committed table of Node 20's results (scripts/mathFixturesExpPow.mjs). */
interface Node20Table {
  v8: string;
  /** "base exponent result", each as 16 hex digits of its IEEE bits. */
  pow: string[];
}
const table = JSON.parse(
  readFileSync(new URL('./fixtures/node20-exp-pow.json', import.meta.url), 'utf8'),
) as Node20Table;

/** Node 20's V8, whose `**` is the routine pow ports. */
const runningV8 = process.versions.v8 ?? 'none';

/** `v` as text, with −0 shown as -0. */
function show(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** Whether `y` is an odd integer. */
function isOddInteger(y: number): boolean {
  return Number.isInteger(y) && Math.abs(y % 2) === 1;
}

/**
 * Number::exponentiate (ECMA-262 §6.1.6.1.3) wherever it fixes the result, or undefined where it
 * leaves the value implementation-approximated.
 */
function specResult(base: number, exponent: number): number | undefined {
  if (Number.isNaN(exponent)) return Number.NaN;
  if (exponent === 0) return 1;
  if (Number.isNaN(base)) return Number.NaN;
  if (base === Number.POSITIVE_INFINITY) return exponent > 0 ? Number.POSITIVE_INFINITY : 0;
  if (base === Number.NEGATIVE_INFINITY) {
    if (exponent > 0)
      return isOddInteger(exponent) ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    return isOddInteger(exponent) ? -0 : 0;
  }
  if (Object.is(base, 0)) return exponent > 0 ? 0 : Number.POSITIVE_INFINITY;
  if (Object.is(base, -0)) {
    if (exponent > 0) return isOddInteger(exponent) ? -0 : 0;
    return isOddInteger(exponent) ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (exponent === Number.POSITIVE_INFINITY) {
    const a = Math.abs(base);
    return a > 1 ? Number.POSITIVE_INFINITY : a === 1 ? Number.NaN : 0;
  }
  if (exponent === Number.NEGATIVE_INFINITY) {
    const a = Math.abs(base);
    return a > 1 ? 0 : a === 1 ? Number.NaN : Number.POSITIVE_INFINITY;
  }
  if (base < 0 && !Number.isInteger(exponent)) return Number.NaN;
  return undefined;
}

describe('pow', () => {
  it("gives exactly the bits of Node 20's ** in the committed table", () => {
    const wrong: string[] = [];
    for (const row of table.pow) {
      const [base, exponent, expected] = row.split(' ') as [string, string, string];
      const x = fromHex(base);
      const y = fromHex(exponent);
      const got = pow(x, y);
      if (!Object.is(got, fromHex(expected)))
        wrong.push(`pow(${show(x)}, ${show(y)}) = ${show(got)} (${row})`);
    }
    expect(table.pow.length).toBeGreaterThan(3000);
    expect(wrong, `${wrong.length} of ${table.pow.length} differ from V8 ${table.v8}`).toEqual([]);
  });

  it('matches the running ** over 230,000 seeded inputs: ≤ 1 ulp, exact on Node 20', () => {
    const r = rng(2025, 3);
    const draws: [string, number, () => [number, number]][] = [
      // Adam's bias correction beta ** step
      ['Adam betas', 40_000, () => [r.uniform() < 0.5 ? 0.9 : 0.999, 1 + r.int(1_000_000)]],
      ['random betas', 40_000, () => [1 - 10 ** (-0.3 - 4 * r.uniform()), 1 + r.int(1_000_000)]],
      // Smoothing weights in [0, 1) with integer counts
      ['smoothing', 30_000, () => [r.uniform(), r.int(5000)]],
      // Polynomial features v ** k
      ['polynomial', 60_000, () => [20 * r.uniform() - 10, 2 + r.int(11)]],
      ['real exponents', 40_000, () => [100 * r.uniform(), 100 * r.uniform() - 50]],
      [
        'negative base',
        20_000,
        () => [-10 * r.uniform(), r.int(81) - 40 + (r.uniform() < 0.5 ? 0 : 0.5)],
      ],
    ];
    let total = 0;
    let equal = 0;
    let worst = 0;
    const misses: string[] = [];
    for (const [name, count, draw] of draws) {
      let missed = 0;
      for (let i = 0; i < count; i++) {
        const [x, y] = draw();
        const u = ulps(pow(x, y), x ** y);
        total++;
        if (u === 0) equal++;
        else missed++;
        worst = Math.max(worst, u);
      }
      if (missed > 0) misses.push(`${name}: ${missed}`);
    }
    const report = `${total - equal} of ${total} differ from ** on V8 ${runningV8} (worst ${worst} ulp; ${misses.join(', ')})`;
    expect(total).toBeGreaterThanOrEqual(200_000);
    expect(worst, report).toBeLessThanOrEqual(1);
    if (isNode20V8) expect(total - equal, report).toBe(0);
  });

  it("follows ECMAScript's Number::exponentiate on every special pair", () => {
    const values = [
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
      2.5,
      -2.5,
      0.9,
      -7,
      Number.MIN_VALUE,
      -Number.MIN_VALUE,
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      2 ** 53 + 2,
      -(2 ** 53 + 2),
    ];
    const wrong: string[] = [];
    let fixed = 0;
    for (const x of values)
      for (const y of values) {
        const want = specResult(x, y);
        if (want === undefined) continue;
        fixed++;
        if (!Object.is(pow(x, y), want))
          wrong.push(`pow(${show(x)}, ${show(y)}) = ${show(pow(x, y))}, spec ${show(want)}`);
      }
    expect(fixed).toBeGreaterThan(250);
    expect(wrong).toEqual([]);
    // Where JS differs from C's pow, which returns 1
    expect(pow(1, Number.NaN)).toBeNaN();
    expect(pow(1, Number.POSITIVE_INFINITY)).toBeNaN();
    expect(pow(-1, Number.NEGATIVE_INFINITY)).toBeNaN();
    // Negative base, non-integer exponent; (−0) ** odd keeps the sign; exact small powers
    expect(pow(-8, 1 / 3)).toBeNaN();
    expect(Object.is(pow(-0, 3), -0)).toBe(true);
    expect(Object.is(pow(-0, -3), Number.NEGATIVE_INFINITY)).toBe(true);
    expect(Object.is(pow(-0, 0.5), 0)).toBe(true);
    expect(pow(2, 10)).toBe(1024);
    expect(pow(-3, 3)).toBe(-27);
    expect(pow(10, -1)).toBe(0.1);
    expect(pow(2, -1074)).toBe(Number.MIN_VALUE);
    expect(pow(2, 1023)).toBe(2 ** 1023);
    expect(pow(2, 1024)).toBe(Number.POSITIVE_INFINITY);
    expect(pow(4, 0.5)).toBe(2);
  });
});
