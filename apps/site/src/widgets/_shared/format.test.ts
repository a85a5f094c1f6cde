import { describe, expect, it } from 'vitest';
import { formatValue } from './format';

describe('formatValue', () => {
  it('prints powers of ten for log sliders', () => {
    expect(formatValue(1e-3, 'exp')).toBe('1e-3');
    expect(formatValue(0.03, 'exp')).toBe('3e-2');
    expect(formatValue(10, 'exp')).toBe('1e1');
    expect(formatValue(4, 'exp')).toBe('4');
    expect(formatValue(-1.6, 'exp')).toBe('-1.6');
    expect(formatValue(0, 'exp')).toBe('0');
  });

  it('prints integers, fixed decimals and significant digits', () => {
    expect(formatValue(11.6, 'int')).toBe('12');
    expect(formatValue(0.3, 'fixed2')).toBe('0.30');
    expect(formatValue(0.12345, 'fixed3')).toBe('0.123');
    expect(formatValue(0.0034561, 'sig')).toBe('0.003456');
    expect(formatValue(Number.NaN, 'sig')).toBe('NaN');
  });

  it('never prints more than 4 significant digits, however large or small', () => {
    expect(formatValue(24550000000000, 'sig')).toBe('2.455e13');
    expect(formatValue(-1.2e171, 'sig')).toBe('-1.2e171');
    expect(formatValue(12345, 'sig')).toBe('1.235e4');
    expect(formatValue(9999, 'sig')).toBe('9999');
    expect(formatValue(0.00012346, 'sig')).toBe('1.235e-4');
  });
});
