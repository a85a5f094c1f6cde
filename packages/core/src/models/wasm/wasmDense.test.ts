import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plain, same } from '../../../test/plainDense.js';
import { LOSSES } from '../../losses/dataLoss.js';
import { rng } from '../../random/rng.js';
import type { ModelSpec } from '../../spec/types.js';
import { affineNet } from '../affine.js';
import { createNet } from '../createNet.js';
import { denseBackward, denseForward } from '../dense.js';
import { WASM_MIN_WORK, wasmDense } from './wasmDense.js';

const script = new URL('../../../scripts/gen-dense-wasm.mjs', import.meta.url).pathname;
const hasWat2wasm = spawnSync('wat2wasm', ['--version']).status === 0;

describe('WebAssembly SIMD dense kernels', () => {
  it('are available in Node (WebAssembly SIMD)', () => {
    expect(wasmDense()).not.toBeNull();
  });

  it('forward is within 1e-13 of the plain loop; backward and inputGrad are bit-identical', () => {
    const k = wasmDense();
    if (!k) throw new Error('no WebAssembly SIMD');
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 13 }),
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (n, fin, fout, seed) => {
          const r = rng(seed);
          const wo = 0;
          const bo = fin * fout;
          const size = bo + fout;
          const theta = Float64Array.from({ length: size }, () => r.normal());
          const x = Float64Array.from({ length: n * fin }, () => r.normal());
          const dz = Float64Array.from({ length: n * fout }, () => r.normal());
          // odd offsets: the kernels must not need 16-byte alignment
          const tP = k.alloc(size + 1) + 8;
          const xP = k.alloc(n * fin + 1) + 8;
          const zP = k.alloc(n * fout);
          const dzP = k.alloc(n * fout);
          const gP = k.alloc(size);
          const dInP = k.alloc(n * fin);
          k.put(tP, theta, 0, size);
          k.put(xP, x, 0, n * fin);
          k.put(dzP, dz, 0, n * fout);
          k.forward(tP, tP + 8 * bo, xP, n, fin, fout, zP);
          const z = new Float64Array(n * fout);
          k.get(zP, z, 0, n * fout);
          const want = plain.forward(theta, wo, bo, x, n, fin, fout);
          for (let i = 0; i < z.length; i++)
            expect(Math.abs((z[i] as number) - (want[i] as number))).toBeLessThanOrEqual(1e-13);
          k.f64.fill(7, gP / 8, gP / 8 + size); // overwritten
          k.backward(xP, dzP, n, fin, fout, gP, gP + 8 * bo);
          const grad = new Float64Array(size);
          k.get(gP, grad, 0, size);
          expect(same(grad, plain.backward(x, dz, n, fin, fout, size, wo, bo))).toBe(true);
          k.f64.fill(7, dInP / 8, dInP / 8 + n * fin);
          k.inputGrad(tP, dzP, n, fin, fout, dInP);
          const dIn = new Float64Array(n * fin);
          k.get(dInP, dIn, 0, n * fin);
          expect(same(dIn, plain.inputGrad(theta, wo, dz, n, fin, fout))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the linear net above WASM_MIN_WORK gives the JS kernels’ values (pinned and copied rows)', () => {
    const r = rng(5);
    const d = 301;
    const n = Math.ceil(WASM_MIN_WORK / d) + 3;
    const x = Array.from({ length: n }, () => Array.from({ length: d }, () => r.normal()));
    const net = affineNet(d);
    const X = net.features(x);
    const theta = Float64Array.from({ length: d + 1 }, () => r.normal());
    const dOut = Float64Array.from({ length: n }, () => r.normal());
    const want = new Float64Array(n);
    denseForward(theta, 0, d, X, n, d, 1, want);
    const wantGrad = new Float64Array(d + 1);
    denseBackward(X, dOut, n, d, 1, wantGrad, 0, d);
    for (const rows of [X, X.slice()]) {
      const out = new Float64Array(n);
      net.forward(theta, rows, n, out);
      for (let i = 0; i < n; i++)
        expect(Math.abs((out[i] as number) - (want[i] as number))).toBeLessThanOrEqual(1e-12);
      const grad = new Float64Array(d + 1);
      net.backward(theta, rows, n, dOut, grad);
      expect(same(grad, wantGrad)).toBe(true);
    }
  });

  it('an mlp above WASM_MIN_WORK has gradients that match central finite differences', () => {
    const model: ModelSpec = { kind: 'mlp', hidden: [9, 7], activation: 'tanh' };
    const dims = 5;
    const n = 61; // 61 · (5·9 + 9·7 + 7) rows × multiply-adds ≥ WASM_MIN_WORK; 4-row and 1-row paths
    const r = rng(11);
    const x = Array.from({ length: n }, () => Array.from({ length: dims }, () => r.normal()));
    const y = Float64Array.from(x, () => r.normal());
    const net = createNet(model, dims);
    expect(n * (dims * 9 + 9 * 7 + 7)).toBeGreaterThanOrEqual(WASM_MIN_WORK);
    const X = net.features(x);
    const size = net.layout.size;
    const theta = Float64Array.from({ length: size }, () => 0.7 * r.normal());
    const out = new Float64Array(n);
    const dOut = new Float64Array(n);
    const loss = (t: Float64Array) => {
      net.forward(t, X, n, out);
      return LOSSES.mse.value(out, y, n);
    };
    loss(theta);
    LOSSES.mse.grad(out, y, n, dOut);
    const grad = new Float64Array(size);
    net.backward(theta, X, n, dOut, grad);
    const h = 1e-6;
    for (let i = 0; i < size; i++) {
      const plus = theta.slice();
      const minus = theta.slice();
      plus[i] = (plus[i] as number) + h;
      minus[i] = (minus[i] as number) - h;
      const fd = (loss(plus) - loss(minus)) / (2 * h);
      expect(Math.abs((grad[i] as number) - fd)).toBeLessThanOrEqual(
        1e-6 * Math.max(1, Math.abs(fd)),
      );
    }
  });

  it.skipIf(!hasWat2wasm)('denseWasmBytes.ts is what wat2wasm makes of dense.wat', () => {
    const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toContain('matches');
    expect(r.status).toBe(0);
  });
  if (!hasWat2wasm)
    console.warn('skipped: regenerating denseWasmBytes.ts needs wat2wasm (apt-get install wabt)');
});
