import type { Rng } from '../random/rng.js';
import { DATA_DEFAULTS } from '../spec/defaults.js';
import type { BlobsData, Dataset } from '../spec/types.js';

/**
 * Two Gaussian blobs as a spec fragment: label 1 centred at +separation/2 on every axis,
 * label 0 at −separation/2, each with standard deviation `std`.
 *
 * @example
 * train({ data: blobs({ n: 64 }), model: { kind: 'logistic' }, optimizer: sgd({ lr: 0.5 }), steps: 100 })
 */
export function blobs({
  n = DATA_DEFAULTS.blobs.n,
  nVal = DATA_DEFAULTS.blobs.nVal,
  dims = DATA_DEFAULTS.blobs.dims,
  separation = DATA_DEFAULTS.blobs.separation,
  std = DATA_DEFAULTS.blobs.std,
}: Partial<Omit<BlobsData, 'kind'>> = {}): BlobsData {
  return { kind: 'blobs', n, nVal, dims, separation, std };
}

/** Draws `m` rows of the two-blob problem; labels alternate so both classes are present. */
export function sampleBlobs(
  r: Rng,
  m: number,
  dims: number,
  separation: number,
  std: number,
): Dataset {
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < m; i++) {
    const label = i % 2 === 0 ? 1 : 0;
    const centre = (label === 1 ? 1 : -1) * (separation / 2);
    const row: number[] = [];
    for (let j = 0; j < dims; j++) row.push(centre + std * r.normal());
    x.push(row);
    y.push(label);
  }
  return { x, y };
}
