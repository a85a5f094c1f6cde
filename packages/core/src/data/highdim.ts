import type { Rng } from '../random/rng.js';
import { DATA_DEFAULTS } from '../spec/defaults.js';
import type { Dataset, HighdimData } from '../spec/types.js';

/**
 * d2l's high-dimensional linear regression as a spec fragment:
 * y = 0.05 + Σ 0.01·xᵢ + ε with `dims` inputs, x ~ N(0, I), ε ~ N(0, noise²).
 *
 * @example
 * highdim() // { kind: 'highdim', n: 20, nVal: 100, dims: 200, noise: 0.01 }
 */
export function highdim({
  n = DATA_DEFAULTS.highdim.n,
  nVal = DATA_DEFAULTS.highdim.nVal,
  dims = DATA_DEFAULTS.highdim.dims,
  noise = DATA_DEFAULTS.highdim.noise,
}: Partial<Omit<HighdimData, 'kind'>> = {}): HighdimData {
  return { kind: 'highdim', n, nVal, dims, noise };
}

/** Draws `m` rows of the high-dimensional problem. */
export function sampleHighdim(r: Rng, m: number, dims: number, noise: number): Dataset {
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < m; i++) {
    const row: number[] = [];
    let s = 0;
    for (let j = 0; j < dims; j++) {
      const v = r.normal();
      row.push(v);
      s += v;
    }
    x.push(row);
    y.push(0.05 + 0.01 * s + noise * r.normal());
  }
  return { x, y };
}
