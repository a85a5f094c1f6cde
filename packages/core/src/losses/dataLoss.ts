import { exp } from '../math/exp.js';
import { log1p } from '../math/log1p.js';
import type { LossKind } from '../spec/types.js';

/** A data loss: its mean value over n outputs, and ∂L/∂output written into `dOut`. */
export interface DataLoss {
  value(out: Float64Array, y: Float64Array, n: number): number;
  /** Writes ∂L/∂output into `dOut` and returns the mean value, bit-identical to `value`'s, in one pass. */
  grad(out: Float64Array, y: Float64Array, n: number, dOut: Float64Array): number;
}

/** mean((ŷ − y)²), as torch.nn.MSELoss. */
export const mse: DataLoss = {
  value(out, y, n) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const d = (out[i] as number) - (y[i] as number);
      s += d * d;
    }
    return s / n;
  },
  grad(out, y, n, dOut) {
    const scale = 1 / n;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const d = (out[i] as number) - (y[i] as number);
      s += d * d;
      dOut[i] = scale * (2 * d);
    }
    return s / n;
  },
};

/** log σ(z), computed without overflow. */
function logSigmoid(z: number): number {
  return Math.min(z, 0) - log1p(exp(-Math.abs(z)));
}

/** Numerically stable mean binary cross-entropy on logits, as torch's BCEWithLogitsLoss. */
export const bceLogits: DataLoss = {
  value(out, y, n) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const z = out[i] as number;
      s += (1 - (y[i] as number)) * z - logSigmoid(z);
    }
    return s / n;
  },
  grad(out, y, n, dOut) {
    const scale = 1 / n;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const z = out[i] as number;
      const t = y[i] as number;
      s += (1 - t) * z - logSigmoid(z);
      const p = z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z));
      dOut[i] = (p - t) * scale;
    }
    return s / n;
  },
};

export const LOSSES: Record<LossKind, DataLoss> = { mse, 'bce-logits': bceLogits };
