/**
 * A number in at most 4 significant digits: `0.04123`, `123.4`, `1.235e-5`.
 *
 * @example
 * fmt(0.000012345) // "1.235e-5"
 */
export function fmt(
  x: number | undefined | null,
  { digits = 4 }: { digits?: number } = {},
): string {
  if (x === undefined || x === null) return '';
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e6) return String(Number(x.toPrecision(digits)));
  return x
    .toExponential(digits - 1)
    .replace(/\.?0+e/, 'e')
    .replace('e+', 'e');
}

/** Pads or cuts `text` to exactly `width` columns (left-aligned, or right with `right`). */
export function pad(
  text: string,
  width: number,
  { right = false }: { right?: boolean } = {},
): string {
  const len = [...text].length;
  if (len >= width) return [...text].slice(0, width).join('');
  return right ? ' '.repeat(width - len) + text : text + ' '.repeat(width - len);
}

/** A duration in seconds as `0.4s`, `12s`, `3m05s`. */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--';
  if (seconds < 10) return `${seconds.toFixed(1)}s`;
  if (seconds < 60) return `${Math.round(seconds)}s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return `${m}m${String(s).padStart(2, '0')}s`;
}

/** An integer with thousands separators: `12,345`. */
export function int(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
