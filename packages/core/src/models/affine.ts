import { type Net, toMatrix } from './net.js';
import { paramLayout } from './paramLayout.js';

/**
 * ŷ = X·w + b over `width` feature columns produced by `features`: the shared core of the
 * linear, logistic and polynomial models.
 */
export function affineNet(
  width: number,
  features: (x: readonly (readonly number[])[]) => Float64Array = (x) => toMatrix(x, width),
): Net {
  return {
    layout: paramLayout([
      ['weight', [width]],
      ['bias', [1]],
    ]),
    width,
    features,
    forward(theta, X, n, out) {
      const b = theta[width] as number;
      for (let i = 0; i < n; i++) {
        let s = 0;
        const row = i * width;
        for (let j = 0; j < width; j++) s += (X[row + j] as number) * (theta[j] as number);
        out[i] = s + b;
      }
    },
    backward(_theta, X, n, dOut, grad) {
      grad.fill(0, 0, width + 1);
      let gb = 0;
      for (let i = 0; i < n; i++) {
        const d = dOut[i] as number;
        const row = i * width;
        for (let j = 0; j < width; j++) grad[j] = (grad[j] as number) + d * (X[row + j] as number);
        gb += d;
      }
      grad[width] = gb;
    },
  };
}
