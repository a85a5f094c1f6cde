import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plain, same } from '../../test/plainDense.js';
import { rng } from '../random/rng.js';
import { denseBackward, denseForward, denseInputGrad } from './dense.js';

describe('tiled dense kernels', () => {
  it('are bit-identical to the plain loops for every tile remainder (rows, outputs, inputs)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 21 }),
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (n, fin, fout, seed) => {
          const r = rng(seed);
          const wo = 3; // parameters need not start at 0
          const bo = wo + fin * fout;
          const size = bo + fout + 2;
          const theta = Float64Array.from({ length: size }, () => r.normal());
          const x = Float64Array.from({ length: n * fin }, () => r.normal());
          const dz = Float64Array.from({ length: n * fout }, () => r.normal());
          const z = new Float64Array(n * fout);
          denseForward(theta, wo, bo, x, n, fin, fout, z);
          expect(same(z, plain.forward(theta, wo, bo, x, n, fin, fout))).toBe(true);
          const grad = Float64Array.from({ length: size }, () => 7); // overwritten in the layer's range
          denseBackward(x, dz, n, fin, fout, grad, wo, bo);
          const want = plain.backward(x, dz, n, fin, fout, size, wo, bo);
          expect(same(grad.subarray(wo, bo + fout), want.subarray(wo, bo + fout))).toBe(true);
          expect(grad[0]).toBe(7);
          expect(grad[bo + fout]).toBe(7);
          const dIn = new Float64Array(n * fin);
          denseInputGrad(theta, wo, dz, n, fin, fout, dIn);
          expect(same(dIn, plain.inputGrad(theta, wo, dz, n, fin, fout))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
