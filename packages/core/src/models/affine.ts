import { denseBackward, denseForward } from './dense.js';
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
      denseForward(theta, 0, width, X, n, width, 1, out);
    },
    backward(_theta, X, n, dOut, grad) {
      denseBackward(X, dOut, n, width, 1, grad, 0, width);
    },
  };
}
