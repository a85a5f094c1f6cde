/**
 * Whether Plot labels tick `value` on a log axis over `domain`. Plot hands every log axis's tick
 * format, even a function, to d3's `log.tickFormat(null, format)`, which leaves a tick blank
 * when its mantissa (30 → 3) exceeds 100 / (the number of ticks d3 itself would draw on that
 * domain): over three decades it labels 1, 2 and 3 × 10^k only. A copy of that rule
 * (d3-scale 4's `loggish`), so that axes choose only ticks that get their labels.
 *
 * @example
 * d3LogLabels([0.01, 40], 30) // false: d3 draws 31 ticks there, so mantissas above 3.2 are blank
 * d3LogLabels([0.1, 0.6], 0.6) // true
 */
export function d3LogLabels(domain: readonly [number, number], value: number): boolean {
  const k = Math.max(1, 100 / d3LogTickCount(domain[0], domain[1]));
  let i = value / 10 ** Math.round(Math.log10(value));
  if (i * 10 < 9.5) i *= 10;
  return i <= k;
}

/** How many ticks d3's log scale (base 10) makes by default over [u, v], 0 < u < v. */
function d3LogTickCount(u: number, v: number): number {
  let i = Math.log10(u);
  let j = Math.log10(v);
  if (j - i >= 10) return Math.floor(Math.min(j - i, 10)) + 1;
  i = Math.floor(i);
  j = Math.ceil(j);
  let n = 0;
  for (; i <= j; i++)
    for (let m = 1; m < 10; m++) {
      const t = i < 0 ? m / 10 ** -i : m * 10 ** i;
      if (t >= u && t <= v) n++;
    }
  return n * 2 < 10 ? linearTickCount(u, v, 10) : n;
}

/** How many ticks d3.ticks(u, v, count) makes (its 1, 2, 5 × 10^k step). */
function linearTickCount(u: number, v: number, count: number): number {
  const step0 = (v - u) / count;
  const power = Math.floor(Math.log10(step0));
  const error = step0 / 10 ** power;
  const factor =
    error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.SQRT2 ? 2 : 1;
  const step = factor * 10 ** power;
  return Math.floor(v / step) - Math.ceil(u / step) + 1;
}
