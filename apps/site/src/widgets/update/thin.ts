/**
 * At most `max` evenly spaced items of a series, always keeping the last one, so a chart of a
 * long run costs the same to redraw at step 50 and at step 5000 (and looks the same).
 *
 * @example
 * thin([1, 2, 3, 4, 5], { max: 3 }) // [1, 3, 5]
 */
export function thin<T>(items: readonly T[], { max = 150 }: { max?: number } = {}): T[] {
  if (items.length <= max) return [...items];
  const stride = Math.ceil(items.length / max);
  const out: T[] = [];
  for (let i = 0; i < items.length; i += stride) out.push(items[i] as T);
  if (out.at(-1) !== items.at(-1)) out.push(items.at(-1) as T);
  return out;
}
