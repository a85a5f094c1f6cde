import type { Activation } from '../spec/types.js';
import { type Net, toMatrix } from './net.js';
import { paramLayout } from './paramLayout.js';

type Act = {
  f(z: number): number /** derivative from the activation's output y (and input z) */;
  d(y: number, z: number): number;
};

const ACTIVATIONS: Record<Activation, Act> = {
  tanh: { f: Math.tanh, d: (y) => 1 - y * y },
  sigmoid: { f: (z) => 1 / (1 + Math.exp(-z)), d: (y) => (1 - y) * y },
  relu: { f: (z) => Math.max(z, 0), d: (_y, z) => (z > 0 ? 1 : 0) },
};

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
  const { offsets, size } = lay;
  const act = ACTIVATIONS[activation];
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
        const last = l === layers - 1;
        for (let i = 0; i < n; i++) {
          for (let o = 0; o < fout; o++) {
            let s = 0;
            const wr = wo + o * fin;
            for (let k = 0; k < fin; k++)
              s += (input[i * fin + k] as number) * (theta[wr + k] as number);
            const v = s + (theta[bo + o] as number);
            zl[i * fout + o] = v;
            hl[i * fout + o] = last ? v : act.f(v);
          }
        }
        input = hl;
      }
      const top = h[layers - 1] as Float64Array;
      for (let i = 0; i < n; i++) out[i] = top[i] as number;
    },
    backward(theta, X, n, dOut, grad) {
      grad.fill(0, 0, size);
      const dTop = dz[layers - 1] as Float64Array;
      for (let i = 0; i < n; i++) dTop[i] = dOut[i] as number;
      for (let l = layers - 1; l >= 0; l--) {
        const fin = dims[l] as number;
        const fout = dims[l + 1] as number;
        const wo = offsets[2 * l] as number;
        const bo = offsets[2 * l + 1] as number;
        const input = l === 0 ? X : (h[l - 1] as Float64Array);
        const d = dz[l] as Float64Array;
        for (let o = 0; o < fout; o++) {
          let gb = 0;
          const wr = wo + o * fin;
          for (let i = 0; i < n; i++) {
            const di = d[i * fout + o] as number;
            gb += di;
            for (let k = 0; k < fin; k++)
              grad[wr + k] = (grad[wr + k] as number) + di * (input[i * fin + k] as number);
          }
          grad[bo + o] = gb;
        }
        if (l === 0) break;
        const prev = dz[l - 1] as Float64Array;
        const hp = h[l - 1] as Float64Array;
        const zp = z[l - 1] as Float64Array;
        for (let i = 0; i < n; i++) {
          for (let k = 0; k < fin; k++) {
            let s = 0;
            for (let o = 0; o < fout; o++)
              s += (d[i * fout + o] as number) * (theta[wo + o * fin + k] as number);
            const idx = i * fin + k;
            prev[idx] = s * act.d(hp[idx] as number, zp[idx] as number);
          }
        }
      }
    },
  };
}
