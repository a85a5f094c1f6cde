import { logTicks } from '@decaylab/charts/data';
import type { LogScale } from 'd3-scale';

/** Round values a log axis may end at, per decade (the data's ends are rounded out to them). */
const ENDS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 10] as const;

/** A log axis's domain, ticks and their format (spread them into Plot's scale options). */
export interface LogAxis {
  /** The data's range rounded out to round values; undefined when there is no range to round. */
  readonly domain: [number, number] | undefined;
  /** Every tick labelled, including both ends of the domain. */
  readonly ticks: number[];
  /**
   * The label of a tick: the number itself (0.01, 0.6, 30, 1e-7). A function, because Plot
   * hands a format string to d3's log tickFormat, which blanks ticks like 30 or 0.3.
   */
  readonly tickFormat: (v: number) => string;
}

const tickFormat = (v: number) => `${Number(v.toPrecision(6))}`;

/** Options for `logAxisOf`. */
export interface LogAxisOptions {
  /** d3's `scaleLog` (from the lazily loaded Plot subset: `this.Plot.scaleLog`). */
  readonly scaleLog: () => LogScale;
  /** At most about this many ticks between the ends. Default 5. */
  readonly count?: number;
}

/**
 * A log axis over the values a chart draws (its positive finite ones) whose every tick gets a
 * label and whose ends are labelled round values: the range is rounded out (0.1046 … 0.6 to
 * 0.1 … 0.6), so no line runs below the lowest label or above the highest. Plot's own log ticks
 * leave most labels blank on a range of about a decade or less (a loss from 0.55 to 0.7 got four
 * ticks and no label), and Plot passes every log axis's format, even a function, through d3's
 * `log.tickFormat`, which blanks a tick like 30 on 3.5 decades: only ticks d3 labels on the
 * domain are chosen, asking d3 itself.
 *
 * @example
 * y: { type: 'log', ...logAxisOf(losses.map((d) => d.loss), { scaleLog: Plot.scaleLog }) }
 * logAxisOf([0.1046, 0.6], { scaleLog }) // { domain: [0.1, 0.6], ticks: [0.1, 0.2, 0.5, 0.6], tickFormat }
 */
export function logAxisOf(
  values: Iterable<number | undefined>,
  { scaleLog, count = 5 }: LogAxisOptions,
): LogAxis {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v === undefined || !(v > 0) || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo < hi)) return { domain: undefined, ticks: lo === hi ? [lo] : [], tickFormat };
  /** Whether d3 (so Plot) labels each value on a log axis over `domain`. */
  const labelled = (domain: [number, number]) => {
    const format = scaleLog().domain(domain).tickFormat(null, String);
    return (v: number) => format(v) !== '';
  };
  // The nearest round ends whose labels Plot shows, and the ticks between.
  for (const b of roundOut(hi, 'up'))
    for (const a of roundOut(lo, 'down')) {
      const domain: [number, number] = [a, b];
      const ticks = logTicks(a, b, { count });
      const shown = labelled(domain);
      if (!shown(a) || !shown(b) || !ticks.every(shown)) continue;
      // Label the ends too, unless a tick is already within 15 % of one (its label would collide).
      const near = (x: number) => ticks.some((t) => Math.max(t / x, x / t) < 1.15);
      return {
        domain,
        ticks: [...(near(a) ? [] : [a]), ...ticks, ...(near(b) ? [] : [b])],
        tickFormat,
      };
    }
  // Powers of ten at both ends: d3 labels every power of ten.
  const kLo = Math.floor(Math.log10(lo));
  const kHi = Math.ceil(Math.log10(hi));
  const domain: [number, number] = [
    Number(`1e${Number(`1e${kLo}`) > lo ? kLo - 1 : kLo}`),
    Number(`1e${Number(`1e${kHi}`) < hi ? kHi + 1 : kHi}`),
  ];
  const inner = logTicks(...domain, { count }).filter(labelled(domain));
  return { domain, ticks: [...new Set([domain[0], ...inner, domain[1]])], tickFormat };
}

/** The round values m·10^k (m in ENDS) at or below x (or at or above), nearest first. */
function roundOut(x: number, way: 'down' | 'up'): number[] {
  const k = Math.floor(Math.log10(x));
  const candidates = [k - 1, k, k + 1, k + 2].flatMap((e) => ENDS.map((m) => Number(`${m}e${e}`)));
  const ok = candidates.filter((c) => (way === 'down' ? c <= x : c >= x));
  return ok.sort((p, q) => (way === 'down' ? q - p : p - q)).slice(0, 6);
}
