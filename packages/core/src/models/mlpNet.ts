import { exp } from '../math/exp.js';
import { tanh } from '../math/tanh.js';
import type { Activation } from '../spec/types.js';
import { denseBackward, denseForward, denseInputGrad } from './dense.js';
import { type Net, toMatrix } from './net.js';
import { paramLayout } from './paramLayout.js';
import { WASM_MIN_WORK, wasmDense } from './wasm/wasmDense.js';

/** h = f(z) elementwise over the first `len` values. */
function activate(kind: Activation, z: Float64Array, h: Float64Array, len: number): void {
  if (kind === 'tanh') for (let i = 0; i < len; i++) h[i] = tanh(z[i] as number);
  else if (kind === 'sigmoid')
    for (let i = 0; i < len; i++) h[i] = 1 / (1 + exp(-(z[i] as number)));
  else for (let i = 0; i < len; i++) h[i] = Math.max(z[i] as number, 0);
}

/** d ← d·f′, with f′ from the activation's output h (and input z), over the first `len` values. */
function activationGrad(
  kind: Activation,
  d: Float64Array,
  h: Float64Array,
  z: Float64Array,
  len: number,
): void {
  if (kind === 'tanh')
    for (let i = 0; i < len; i++) {
      const y = h[i] as number;
      d[i] = (d[i] as number) * (1 - y * y);
    }
  else if (kind === 'sigmoid')
    for (let i = 0; i < len; i++) {
      const y = h[i] as number;
      d[i] = (d[i] as number) * ((1 - y) * y);
    }
  else for (let i = 0; i < len; i++) d[i] = (d[i] as number) * ((z[i] as number) > 0 ? 1 : 0);
}

/** Dense layers `inputDim → ...hidden → 1` with an activation after every layer but the last. */
export function mlpNet(inputDim: number, hidden: readonly number[], activation: Activation): Net {
  const dims = [inputDim, ...hidden, 1];
  const layers = dims.length - 1;
  const params: [string, number[]][] = [];
  for (let l = 0; l < layers; l++) {
    const fin = dims[l] as number;
    const fout = dims[l + 1] as number;
    params.push([`${l}.weight`, [fout, fin]], [`${l}.bias`, [fout]]);
  }
  const lay = paramLayout(params);
  const { offsets } = lay;
  // Pre-activations z[l] and outputs h[l] per layer, grown to the largest batch seen.
  let capacity = 0;
  let z: Float64Array[] = [];
  let h: Float64Array[] = [];
  let dz: Float64Array[] = [];
  const ensure = (n: number) => {
    if (n <= capacity) return;
    capacity = n;
    z = dims.slice(1).map((d) => new Float64Array(n * d));
    h = dims.slice(1).map((d) => new Float64Array(n * d));
    dz = dims.slice(1).map((d) => new Float64Array(n * d));
  };

  // Multiply-adds of one forward pass per row: above WASM_MIN_WORK a pass runs in the
  // WebAssembly SIMD kernels, where the inputs, parameters and activations live in its memory.
  let perRow = 0;
  for (let l = 0; l < layers; l++) perRow += (dims[l] as number) * (dims[l + 1] as number);
  const wasm = wasmDense();
  const pinned = new WeakMap<Float64Array, number>();
  let wCap = 0;
  let thetaP = 0;
  let gradP = 0;
  let xP = 0;
  let zP: number[] = [];
  let hP: number[] = [];
  let dzP: number[] = [];
  let inP = 0;
  let viaWasm = false;
  const wEnsure = (n: number) => {
    if (!wasm || n <= wCap) return;
    if (wCap === 0) {
      thetaP = wasm.alloc(lay.size);
      gradP = wasm.alloc(lay.size);
    }
    wCap = n;
    xP = wasm.alloc(n * inputDim);
    zP = dims.slice(1).map((d) => wasm.alloc(n * d));
    hP = dims.slice(1).map((d) => wasm.alloc(n * d));
    dzP = dims.slice(1).map((d) => wasm.alloc(n * d));
  };
  const view = (ptr: number, len: number) =>
    (wasm as NonNullable<typeof wasm>).f64.subarray(ptr / 8, ptr / 8 + len);

  return {
    layout: lay,
    width: inputDim,
    features(x) {
      const X = toMatrix(x, inputDim);
      if (wasm && x.length * perRow >= WASM_MIN_WORK) {
        const ptr = wasm.alloc(X.length);
        wasm.put(ptr, X, 0, X.length);
        pinned.set(X, ptr);
      }
      return X;
    },
    forward(theta, X, n, out) {
      viaWasm = wasm !== null && n * perRow >= WASM_MIN_WORK;
      if (wasm && viaWasm) {
        wEnsure(n);
        wasm.put(thetaP, theta, 0, theta.length);
        let input = pinned.get(X) ?? -1;
        if (input < 0) {
          wasm.put(xP, X, 0, n * inputDim);
          input = xP;
        }
        inP = input;
        for (let l = 0; l < layers; l++) {
          const fin = dims[l] as number;
          const fout = dims[l + 1] as number;
          const zl = zP[l] as number;
          const hl = hP[l] as number;
          wasm.forward(
            thetaP + 8 * (offsets[2 * l] as number),
            thetaP + 8 * (offsets[2 * l + 1] as number),
            input,
            n,
            fin,
            fout,
            zl,
          );
          if (l === layers - 1) wasm.get(zl, out, 0, n);
          else activate(activation, view(zl, n * fout), view(hl, n * fout), n * fout);
          input = hl;
        }
        return;
      }
      ensure(n);
      let input = X;
      for (let l = 0; l < layers; l++) {
        const fin = dims[l] as number;
        const fout = dims[l + 1] as number;
        const wo = offsets[2 * l] as number;
        const bo = offsets[2 * l + 1] as number;
        const zl = z[l] as Float64Array;
        const hl = h[l] as Float64Array;
        denseForward(theta, wo, bo, input, n, fin, fout, zl);
        if (l === layers - 1) hl.set(zl.subarray(0, n * fout));
        else activate(activation, zl, hl, n * fout);
        input = hl;
      }
      const top = h[layers - 1] as Float64Array;
      for (let i = 0; i < n; i++) out[i] = top[i] as number;
    },
    backward(theta, X, n, dOut, grad) {
      if (wasm && viaWasm) {
        wasm.put(thetaP, theta, 0, theta.length);
        wasm.put(dzP[layers - 1] as number, dOut, 0, n);
        for (let l = layers - 1; l >= 0; l--) {
          const fin = dims[l] as number;
          const fout = dims[l + 1] as number;
          const wo = thetaP + 8 * (offsets[2 * l] as number);
          const input = l === 0 ? inP : (hP[l - 1] as number);
          const d = dzP[l] as number;
          wasm.backward(
            input,
            d,
            n,
            fin,
            fout,
            gradP + 8 * (offsets[2 * l] as number),
            gradP + 8 * (offsets[2 * l + 1] as number),
          );
          if (l === 0) break;
          const prev = dzP[l - 1] as number;
          wasm.inputGrad(wo, d, n, fin, fout, prev);
          activationGrad(
            activation,
            view(prev, n * fin),
            view(hP[l - 1] as number, n * fin),
            view(zP[l - 1] as number, n * fin),
            n * fin,
          );
        }
        wasm.get(gradP, grad, 0, grad.length);
        return;
      }
      const dTop = dz[layers - 1] as Float64Array;
      for (let i = 0; i < n; i++) dTop[i] = dOut[i] as number;
      for (let l = layers - 1; l >= 0; l--) {
        const fin = dims[l] as number;
        const fout = dims[l + 1] as number;
        const wo = offsets[2 * l] as number;
        const bo = offsets[2 * l + 1] as number;
        const input = l === 0 ? X : (h[l - 1] as Float64Array);
        const d = dz[l] as Float64Array;
        denseBackward(input, d, n, fin, fout, grad, wo, bo);
        if (l === 0) break;
        const prev = dz[l - 1] as Float64Array;
        denseInputGrad(theta, wo, d, n, fin, fout, prev);
        activationGrad(
          activation,
          prev,
          h[l - 1] as Float64Array,
          z[l - 1] as Float64Array,
          n * fin,
        );
      }
    },
  };
}
