import type { ParamValues } from '@decaylab/core';

/** The largest |b − a| over every value of every parameter, and where it is; null when the shapes differ. */
export function paramDiff(a: ParamValues, b: ParamValues): { value: number; at: string } | null {
  let value = 0;
  let at = '';
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return null;
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (!x || !y || x.length !== y.length) return null;
    for (let i = 0; i < x.length; i++) {
      const d = Math.abs((y[i] as number) - (x[i] as number));
      if (d > value || at === '') {
        value = d;
        at = `${k}[${i}]`;
      }
    }
  }
  return { value, at };
}
