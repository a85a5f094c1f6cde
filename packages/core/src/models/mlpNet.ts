import type { Activation } from '../spec/types.js';
import { denseBackward, denseForward, denseInputGrad } from './dense.js';
import { type Net, toMatrix } from './net.js';
import { paramLayout } from './paramLayout.js';

/** h = f(z) elementwise over the first `len` values. */
function activate(kind: Activation, z: Float64Array, h: Float64Array, len: number): void {
  if (kind === 'tanh') for (let i = 0; i < len; i++) h[i] = Math.tanh(z[i] as number);
  else if (kind === 'sigmoid')
    for (let i = 0; i < len; i++) h[i] = 1 / (1 + Math.exp(-(z[i] as number)));
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

  return {
    layout: lay,
    width: inputDim,
    features: (x) => toMatrix(x, inputDim),
    forward(theta, X, n, out) {
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
