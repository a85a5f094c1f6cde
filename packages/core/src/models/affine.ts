import { denseBackward, denseForward } from './dense.js';
import { type Net, toMatrix } from './net.js';
import { paramLayout } from './paramLayout.js';
import { WASM_MIN_WORK, wasmDense } from './wasm/wasmDense.js';

/**
 * ŷ = X·w + b over `width` feature columns produced by `features`: the shared core of the
 * linear, logistic and polynomial models. Above WASM_MIN_WORK multiply-adds a pass runs in the
 * WebAssembly SIMD kernels; the feature matrices it made itself are kept in their memory.
 */
export function affineNet(
  width: number,
  features: (x: readonly (readonly number[])[]) => Float64Array = (x) => toMatrix(x, width),
): Net {
  const wasm = width >= 8 ? wasmDense() : null;
  const pinned = new WeakMap<Float64Array, number>();
  let cap = 0;
  let thetaP = 0;
  let gradP = 0;
  let xP = 0;
  let zP = 0;
  let inP = 0;
  let viaWasm = false;
  return {
    layout: paramLayout([
      ['weight', [width]],
      ['bias', [1]],
    ]),
    width,
    features(x) {
      const X = features(x);
      if (wasm && x.length * width >= WASM_MIN_WORK) {
        const ptr = wasm.alloc(X.length);
        wasm.put(ptr, X, 0, X.length);
        pinned.set(X, ptr);
      }
      return X;
    },
    forward(theta, X, n, out) {
      viaWasm = wasm !== null && n * width >= WASM_MIN_WORK;
      if (!wasm || !viaWasm) {
        denseForward(theta, 0, width, X, n, width, 1, out);
        return;
      }
      if (n > cap) {
        if (cap === 0) {
          thetaP = wasm.alloc(width + 1);
          gradP = wasm.alloc(width + 1);
        }
        cap = n;
        xP = wasm.alloc(n * width);
        zP = wasm.alloc(n);
      }
      wasm.put(thetaP, theta, 0, width + 1);
      inP = pinned.get(X) ?? -1;
      if (inP < 0) {
        wasm.put(xP, X, 0, n * width);
        inP = xP;
      }
      wasm.forward(thetaP, thetaP + 8 * width, inP, n, width, 1, zP);
      wasm.get(zP, out, 0, n);
    },
    backward(_theta, X, n, dOut, grad) {
      if (!wasm || !viaWasm) {
        denseBackward(X, dOut, n, width, 1, grad, 0, width);
        return;
      }
      wasm.put(zP, dOut, 0, n);
      wasm.backward(inP, zP, n, width, 1, gradP, gradP + 8 * width);
      wasm.get(gradP, grad, 0, width + 1);
    },
  };
}
