/**
 * Prints a number the way a slider or readout asks for: `exp` (1e-3), `int`, `fixedN` (N decimals),
 * `sig` (4 significant digits).
 *
 * @example
 * formatValue(0.001, 'exp') // '1e-3'
 */
export function formatValue(value: number, format = 'fixed2'): string {
  if (!Number.isFinite(value)) return String(value);
  if (format === 'int') return String(Math.round(value));
  if (format === 'exp') {
    if (value === 0) return '0';
    const [m = '', e = ''] = value.toExponential(1).split('e');
    return `${m.replace(/\.0$/, '')}e${Number(e)}`;
  }
  if (format === 'sig') return Number(value.toPrecision(4)).toString();
  const digits = /^fixed(\d)$/.exec(format)?.[1];
  return value.toFixed(digits === undefined ? 2 : Number(digits));
}
