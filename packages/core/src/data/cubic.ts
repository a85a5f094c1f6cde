import type { Rng } from '../random/rng.js';
import { DATA_DEFAULTS } from '../spec/defaults.js';
import type { Dataset, PolynomialData } from '../spec/types.js';

/**
 * d2l's polynomial regression data as a spec fragment:
 * y = 5 + 1.2x − 3.4x²/2! + 5.6x³/3! + ε, x ~ N(0, 1), ε ~ N(0, noise²).
 *
 * @example
 * cubic({ n: 20, nVal: 100 }) // { kind: 'polynomial', n: 20, nVal: 100, noise: 0.1 }
 */
export function cubic({
  n = DATA_DEFAULTS.polynomial.n,
  nVal = DATA_DEFAULTS.polynomial.nVal,
  noise = DATA_DEFAULTS.polynomial.noise,
}: Partial<Omit<PolynomialData, 'kind'>> = {}): PolynomialData {
  return { kind: 'polynomial', n, nVal, noise };
}

/** The true function behind `cubic`. */
export function cubicTruth(x: number): number {
  return 5 + 1.2 * x - (3.4 * x * x) / 2 + (5.6 * x * x * x) / 6;
}

/** Draws `m` rows of d2l's polynomial problem. */
export function sampleCubic(r: Rng, m: number, noise: number): Dataset {
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < m; i++) {
    const xi = r.normal();
    x.push([xi]);
    y.push(cubicTruth(xi) + noise * r.normal());
  }
  return { x, y };
}
