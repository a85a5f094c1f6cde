/**
 * Prints a number the way a slider or readout asks for: `exp` (1e-3; 4 rather than 4e0), `int`,
 * `fixedN` (N decimals),
 * `sig` (4 significant digits, exponent notation outside [1e-3, 1e4)).
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
    const mantissa = m.replace(/\.0$/, '');
    return Number(e) === 0 ? mantissa : `${mantissa}e${Number(e)}`;
  }
  if (format === 'sig') {
    // 4 significant digits; outside [1e-3, 1e4) as 2.455e13 (never 24550000000000).
    const abs = Math.abs(value);
    if (abs !== 0 && (abs >= 1e4 || abs < 1e-3)) {
      const [m = '', e = ''] = value.toExponential(3).split('e');
      return `${m.replace(/\.?0+$/, '')}e${Number(e)}`;
    }
    return Number(value.toPrecision(4)).toString();
  }
  const digits = /^fixed(\d)$/.exec(format)?.[1];
  return value.toFixed(digits === undefined ? 2 : Number(digits));
}
