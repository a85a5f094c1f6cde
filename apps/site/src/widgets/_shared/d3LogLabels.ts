/**
 * Whether Plot labels tick `value` on a log axis over `domain`. Plot hands every log axis's tick
 * format, even a function, to d3's `log.tickFormat(null, format)`, which leaves a tick blank
 * when its mantissa (30 → 3) exceeds 100 / (the number of ticks d3 itself would draw on that
 * domain): over three decades it labels 1, 2 and 3 × 10^k only. A copy of that rule, operation
 * for operation (d3-scale 4's `loggish` with base 10, d3-array 3's `ticks`), so that it gives
 * d3's answer in the same engine, and axes choose only ticks that get their labels.
 *
 * @example
 * d3LogLabels([0.01, 40], 30) // true: d3 draws 31 ticks there, so mantissas up to 3.2 are labelled
 * d3LogLabels([0.01, 40], 40) // false
 */
export function d3LogLabels(domain: readonly [number, number], value: number): boolean {
  const k = Math.max(1, (10 * 10) / d3LogTickCount(domain[0], domain[1]));
  let i = value / pow10(Math.round(Math.log10(value)));
  if (i * 10 < 10 - 0.5) i *= 10;
  return i <= k;
}

/** d3-scale's pow10: 10^x as the decimal literal (exact), not Math.pow. */
const pow10 = (x: number) => (Number.isFinite(x) ? +`1e${x}` : Math.max(x, 0));

/** How many ticks d3's log scale (base 10) makes by default (count 10) over [u, v], 0 < u < v. */
function d3LogTickCount(u: number, v: number): number {
  const n = 10;
  let i = Math.log10(u);
  let j = Math.log10(v);
  if (!(j - i < n)) return d3TickCount(i, j, Math.min(j - i, n));
  i = Math.floor(i);
  j = Math.ceil(j);
  let z = 0;
  for (; i <= j; ++i)
    for (let k = 1; k < 10; ++k) {
      const t = i < 0 ? k / pow10(-i) : k * pow10(i);
      if (t < u) continue;
      if (t > v) break;
      z++;
    }
  return z * 2 < n ? d3TickCount(u, v, n) : z;
}

const e10 = Math.sqrt(50);
const e5 = Math.sqrt(10);
const e2 = Math.sqrt(2);

/** d3-array's ticks(start, stop, count).length, start < stop. */
function d3TickCount(start: number, stop: number, count: number): number {
  if (!(count > 0)) return 0;
  const [i1, i2] = tickSpec(start, stop, count);
  return i2 >= i1 ? i2 - i1 + 1 : 0;
}

/** d3-array's tickSpec (its Math.pow written as **, the same function in V8). */
function tickSpec(start: number, stop: number, count: number): [number, number, number] {
  const step = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(step));
  const error = step / 10 ** power;
  const factor = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1;
  let i1: number;
  let i2: number;
  let inc: number;
  if (power < 0) {
    inc = 10 ** -power / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = 10 ** power * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count && count < 2) return tickSpec(start, stop, count * 2);
  return [i1, i2, inc];
}
