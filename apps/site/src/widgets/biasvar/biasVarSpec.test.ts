import { describe, expect, it } from 'vitest';
import { biasVarSpec, decompose } from './biasVarSpec';

describe('decompose', () => {
  it('splits the error of the fits into bias² and variance', () => {
    const d = decompose(
      [
        [0, 1],
        [0.2, 0.8],
      ],
      [0, 1],
      (x) => x,
    );
    expect(d.mean[0]).toBeCloseTo(0.1);
    expect(d.mean[1]).toBeCloseTo(0.9);
    expect(d.bias2).toBeCloseTo(0.01);
    expect(d.variance).toBeCloseTo(0.01);
  });

  it('has zero variance for identical fits and zero bias for the truth', () => {
    const d = decompose(
      [
        [1, 2],
        [1, 2],
      ],
      [1, 2],
      (x) => x,
    );
    expect(d.variance).toBe(0);
    expect(d.bias2).toBe(0);
  });
});

describe('biasVarSpec', () => {
  it('gives every refit its own seed', () => {
    const seeds = [0, 1, 2].map(
      (refit) => biasVarSpec({ noise: 0.3, lambda: 0.1, seed: 4, refit }).seed,
    );
    expect(new Set(seeds).size).toBe(3);
  });
});
