/** Options for `logTicks`. */
export interface LogTicksOptions {
  /** At most this many ticks (at least 2). Default 5. */
  readonly count?: number;
}

/** Mantissas per decade, densest first. */
const MANTISSAS: readonly (readonly number[])[] = [[1, 2, 5], [1, 3], [1]];

/**
 * Tick values for a log axis over [lo, hi], every one of which gets a label. Observable Plot's
 * own log ticks blank most labels when the domain spans less than a decade or so (a loss from
 * 0.55 to 0.7 gets four ticks and no label); pass these as `ticks` instead. Over a decade or
 * more they are 1-2-5, 1-3 or powers of ten (every k-th power over many decades), whichever is
 * densest within `count`; within a decade, evenly spaced round values (0.55, 0.6, …) when they
 * are more. Empty when the range holds no positive finite values.
 *
 * @example
 * logTicks(0.55, 0.7); // [0.55, 0.6, 0.65, 0.7]
 * logTicks(0.012, 0.5); // [0.02, 0.05, 0.1, 0.2, 0.5]
 * Plot.plot({ y: { type: 'log', ticks: logTicks(lo, hi), tickFormat: '~g' }, marks });
 */
export function logTicks(lo: number, hi: number, { count = 5 }: LogTicksOptions = {}): number[] {
  const a = Math.min(lo, hi);
  const b = Math.max(lo, hi);
  if (!(a > 0) || !Number.isFinite(b)) return [];
  if (a === b) return [a];
  const max = Math.max(2, Math.floor(count));
  for (const mantissas of MANTISSAS) {
    const ticks = decadeTicks(a, b, mantissas, 1);
    if (ticks.length <= max) {
      // Within a decade, round values evenly spaced may label more (1, 1.5, 2 rather than 1, 2).
      const even = b < 10 * a ? evenTicks(a, b, max) : [];
      return even.length > ticks.length ? even : ticks;
    }
  }
  // Powers of ten are too many: every k-th power.
  const powers = decadeTicks(a, b, [1], 1).length;
  return decadeTicks(a, b, [1], Math.ceil(powers / max));
}

/** True when x is in [a, b], allowing for the rounding of a computed bound. */
const within = (x: number, a: number, b: number) => x >= a * (1 - 1e-12) && x <= b * (1 + 1e-12);

/** m·10^k as the double nearest the decimal (2e-2 parsed, not 2 · 0.01; `10 ** 36` is not 1e36). */
const scaled = (m: number, k: number) => Number(`${m}e${k}`);

/** The values m·10^k in [a, b] for the given mantissas, on every `every`-th power k. */
function decadeTicks(a: number, b: number, mantissas: readonly number[], every: number): number[] {
  const out: number[] = [];
  const k0 = Math.floor(Math.log10(a)) - 1;
  const k1 = Math.ceil(Math.log10(b)) + 1;
  for (let k = k0; k <= k1; k++) {
    if (every > 1 && k % every !== 0) continue;
    for (const m of mantissas) {
      const v = scaled(m, k);
      if (within(v, a, b)) out.push(v);
    }
  }
  return out;
}

/**
 * Evenly spaced round values in [a, b]: steps of 1, 2 or 5 times a power of ten, the smallest
 * that gives at most `max` ticks, or every other (third, …) of a finer step when that one would
 * leave fewer than two; [a, b] itself where doubles cannot space them (a span near the smallest
 * or largest doubles).
 */
function evenTicks(a: number, b: number, max: number): number[] {
  const e0 = Math.floor(Math.log10((b - a) / max));
  if (!Number.isFinite(e0)) return [a, b];
  let finer: number[] | null = null;
  for (let e = e0; e < e0 + 3; e++) {
    for (const m of [1, 2, 5]) {
      const ticks = steppedTicks(a, b, m, e);
      if (!ticks) continue;
      if (ticks.length > max) finer = ticks;
      else if (ticks.length >= 2) return ticks;
      else if (finer) {
        const k = Math.ceil(finer.length / max);
        return finer.filter((_, i) => i % k === 0);
      } else return [a, b];
    }
  }
  return [a, b];
}

/**
 * The multiples of m·10^e in [a, b], each the double nearest its decimal; null when doubles
 * cannot count them or there would be over a thousand.
 */
function steppedTicks(a: number, b: number, m: number, e: number): number[] | null {
  const step = scaled(m, e);
  const i0 = Math.ceil(a / step - 1e-9);
  const i1 = Math.floor(b / step + 1e-9);
  if (!(step > 0) || !Number.isSafeInteger(i0) || !Number.isSafeInteger(i1)) return null;
  if (i1 - i0 > 1000) return null;
  const out: number[] = [];
  for (let i = i0; i <= i1; i++) out.push(scaled(i * m, e));
  return out;
}
