import type { Rng } from '../random/rng.js';
import { DATA_DEFAULTS } from '../spec/defaults.js';
import type { Dataset, LineData } from '../spec/types.js';

/**
 * The explainer's noisy line, as a spec fragment: y = x + noise·ε, x uniform in [−1, 1].
 *
 * @example
 * train({ data: line({ n: 20, noise: 0.3 }), model: { kind: 'linear' }, optimizer: sgd({ lr: 0.1 }), steps: 100 })
 */
export function line({
  n = DATA_DEFAULTS.line.n,
  nVal = DATA_DEFAULTS.line.nVal,
  noise = DATA_DEFAULTS.line.noise,
}: Partial<Omit<LineData, 'kind'>> = {}): LineData {
  return { kind: 'line', n, nVal, noise };
}

/** Draws `m` rows of the line problem. */
export function sampleLine(r: Rng, m: number, noise: number): Dataset {
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < m; i++) {
    const xi = r.uniform() * 2 - 1;
    x.push([xi]);
    y.push(xi + noise * r.normal());
  }
  return { x, y };
}
