import { describe, expect, it } from 'vitest';
import { materialize } from '../data/materialize.js';
import { rng } from './rng.js';

describe('rng', () => {
  it('is deterministic per seed and stream, and streams differ', () => {
    const draw = (seed: number, stream = 0) => {
      const r = rng(seed, stream);
      return Array.from({ length: 5 }, () => r.uniform());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(1, 0)).not.toEqual(draw(1, 1));
  });

  it('draws uniforms in [0, 1) and normals with mean ≈ 0 and variance ≈ 1', () => {
    const r = rng(9);
    let s = 0;
    let s2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.03);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.05);
  });
});

describe('data generators', () => {
  it('draw the same rows for the same seed, with the documented shapes', () => {
    const a = materialize({ kind: 'highdim', n: 20, nVal: 100, dims: 200, noise: 0.01 }, 3);
    expect(a).toEqual(
      materialize({ kind: 'highdim', n: 20, nVal: 100, dims: 200, noise: 0.01 }, 3),
    );
    expect(a.train.x).toHaveLength(20);
    expect(a.train.x[0]).toHaveLength(200);
    expect(a.val?.y).toHaveLength(100);
    const line = materialize({ kind: 'line', n: 500, nVal: 0, noise: 0 }, 1);
    for (const [i, [x]] of line.train.x.entries()) {
      expect(Math.abs(x as number)).toBeLessThanOrEqual(1);
      expect(line.train.y[i]).toBe(x);
    }
    const blobs = materialize({ kind: 'blobs', n: 10, nVal: 0, dims: 3, separation: 2, std: 1 }, 1);
    expect(new Set(blobs.train.y)).toEqual(new Set([0, 1]));
  });
});
