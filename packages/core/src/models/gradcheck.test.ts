import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOSSES } from '../losses/dataLoss.js';
import { rng } from '../random/rng.js';
import type { LossKind, ModelSpec } from '../spec/types.js';
import { createNet } from './createNet.js';

/** Data loss of `net` on (X, y) at theta, and its analytic gradient. */
function lossAndGrad(
  model: ModelSpec,
  loss: LossKind,
  theta: Float64Array,
  x: number[][],
  y: number[],
) {
  const net = createNet(model, x[0]?.length ?? 1);
  const X = net.features(x);
  const n = y.length;
  const out = new Float64Array(n);
  const dOut = new Float64Array(n);
  const Y = Float64Array.from(y);
  const L = LOSSES[loss];
  net.forward(theta, X, n, out);
  const value = L.value(out, Y, n);
  L.grad(out, Y, n, dOut);
  const grad = new Float64Array(net.layout.size);
  net.backward(theta, X, n, dOut, grad);
  return { value, grad, net };
}

const CASES: [string, ModelSpec, LossKind, number][] = [
  ['linear / mse', { kind: 'linear' }, 'mse', 3],
  ['logistic / bce-logits', { kind: 'logistic' }, 'bce-logits', 3],
  ['linear / bce-logits', { kind: 'linear' }, 'bce-logits', 2],
  ['polynomial(5) / mse', { kind: 'polynomial', degree: 5 }, 'mse', 1],
  ['mlp tanh [4, 3] / mse', { kind: 'mlp', hidden: [4, 3], activation: 'tanh' }, 'mse', 2],
  [
    'mlp sigmoid [5] / bce-logits',
    { kind: 'mlp', hidden: [5], activation: 'sigmoid' },
    'bce-logits',
    3,
  ],
  ['mlp relu [6, 4] / mse', { kind: 'mlp', hidden: [6, 4], activation: 'relu' }, 'mse', 2],
];

describe('analytic gradients match central finite differences', () => {
  for (const [label, model, loss, dims] of CASES) {
    it(label, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
          const r = rng(seed);
          // 13 rows: the kernels' 8-row (one-output layers), 4-row and single-row paths all run.
          const n = 13;
          const x = Array.from({ length: n }, () =>
            Array.from({ length: dims }, () => r.uniform() * 2 - 1),
          );
          const y = x.map(() => (loss === 'bce-logits' ? (r.uniform() < 0.5 ? 1 : 0) : r.normal()));
          const size = createNet(model, dims).layout.size;
          const theta = Float64Array.from({ length: size }, () => 0.7 * r.normal());
          const { grad } = lossAndGrad(model, loss, theta, x, y);
          const h = 1e-6;
          for (let i = 0; i < size; i++) {
            const plus = theta.slice();
            const minus = theta.slice();
            plus[i] = (plus[i] as number) + h;
            minus[i] = (minus[i] as number) - h;
            const fd =
              (lossAndGrad(model, loss, plus, x, y).value -
                lossAndGrad(model, loss, minus, x, y).value) /
              (2 * h);
            const g = grad[i] as number;
            // relu has kinks: a coordinate whose nudge crosses one can disagree; tolerance covers smooth cases.
            expect(Math.abs(g - fd)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(fd)));
          }
        }),
        { numRuns: 15 },
      );
    });
  }
});
