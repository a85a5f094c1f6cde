import { rng, STREAM } from '../random/rng.js';
import type { DataSpec, InlineData } from '../spec/types.js';
import { sampleBlobs } from './blobs.js';
import { carsRows } from './cars.js';
import { sampleCubic } from './cubic.js';
import { sampleHighdim } from './highdim.js';
import { sampleLine } from './line.js';
import { penguinsRows } from './penguins.js';

/**
 * The rows a data spec stands for: inline data as it is, generated data drawn from the seed, a
 * real table split (and standardized) by the seed.
 *
 * @example
 * materialize({ kind: 'line', n: 3, nVal: 0, noise: 0.1 }, 7).train.x.length // 3
 * materialize({ kind: 'cars', columns: ['horsepower'], nVal: 92 }, 0).train.x.length // 300
 */
export function materialize(data: DataSpec, seed: number): InlineData {
  if (!('kind' in data)) return data;
  if (data.kind === 'cars') return carsRows(data, seed);
  if (data.kind === 'penguins') return penguinsRows(data, seed);
  const r = rng(seed, STREAM.data);
  const draw = (m: number) => {
    switch (data.kind) {
      case 'line':
        return sampleLine(r, m, data.noise);
      case 'polynomial':
        return sampleCubic(r, m, data.noise);
      case 'highdim':
        return sampleHighdim(r, m, data.dims, data.noise);
      case 'blobs':
        return sampleBlobs(r, m, data.dims, data.separation, data.std);
    }
  };
  const train = draw(data.n);
  return data.nVal > 0 ? { train, val: draw(data.nVal) } : { train };
}
