import { rng, STREAM } from '../random/rng.js';
import type { DataSpec, InlineData } from '../spec/types.js';
import { sampleBlobs } from './blobs.js';
import { sampleCubic } from './cubic.js';
import { sampleHighdim } from './highdim.js';
import { sampleLine } from './line.js';

/**
 * The rows a data spec stands for: inline data as it is, generated data drawn from the seed.
 *
 * @example
 * materialize({ kind: 'line', n: 3, nVal: 0, noise: 0.1 }, 7).train.x.length // 3
 */
export function materialize(data: DataSpec, seed: number): InlineData {
  if (!('kind' in data)) return data;
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
