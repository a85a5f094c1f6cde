/**
 * Ticks for a count axis from 0 to `max`: whole numbers only, 1, 2 or 5 × 10^k apart, at most
 * `count` + 1 of them (`count` at least 2; a histogram of two weights gets 0, 1, 2, not 0, 0.2, 0.4 …).
 *
 * @example
 * integerTicks(2) // [0, 1, 2]
 * integerTicks(37) // [0, 10, 20, 30]
 */
export function integerTicks(max: number, { count = 5 }: { count?: number } = {}): number[] {
  const top = Number.isFinite(max) ? Math.max(Math.floor(max), 1) : 1;
  const most = Math.max(2, Math.floor(count));
  let step = 1;
  for (let scale = 1; top / step > most; scale *= 10)
    for (const m of [1, 2, 5]) {
      step = m * scale;
      if (top / step <= most) break;
    }
  return Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => i * step);
}
