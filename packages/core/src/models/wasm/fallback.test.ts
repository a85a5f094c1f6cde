import { afterEach, describe, expect, it, vi } from 'vitest';
import { rng } from '../../random/rng.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('without WebAssembly SIMD', () => {
  it('wasmDense() is null and the nets run the JS kernels, with the same gradients', async () => {
    const r = rng(3);
    const d = 64;
    const n = 100; // 6,400 multiply-adds: above WASM_MIN_WORK
    const x = Array.from({ length: n }, () => Array.from({ length: d }, () => r.normal()));
    const theta = Float64Array.from({ length: d + 1 }, () => r.normal());
    const dOut = Float64Array.from({ length: n }, () => r.normal());
    const run = async () => {
      const { affineNet } = await import('../affine.js');
      const net = affineNet(d);
      const X = net.features(x);
      const out = new Float64Array(n);
      const grad = new Float64Array(d + 1);
      net.forward(theta, X, n, out);
      net.backward(theta, X, n, dOut, grad);
      return { out, grad };
    };
    const simd = await run();
    vi.resetModules();
    // An engine without SIMD: validate() rejects the module, as older browsers do.
    vi.stubGlobal('WebAssembly', { ...WebAssembly, validate: () => false });
    const { wasmDense } = await import('./wasmDense.js');
    expect(wasmDense()).toBeNull();
    const js = await run();
    expect(Array.from(js.grad)).toEqual(Array.from(simd.grad));
    for (let i = 0; i < n; i++)
      expect(Math.abs((js.out[i] as number) - (simd.out[i] as number))).toBeLessThanOrEqual(1e-12);
    vi.unstubAllGlobals();
    vi.resetModules();
    vi.stubGlobal('WebAssembly', undefined);
    expect((await import('./wasmDense.js')).wasmDense()).toBeNull();
    expect(Array.from((await run()).grad)).toEqual(Array.from(simd.grad));
  });
});
