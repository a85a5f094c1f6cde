import { train } from '@decaylab/core';
import { filter, take } from 'rxjs';

// Each step event splits the update: grad = ∂L0/∂θ, decayGrad = λθ (here weightDecay 0.5),
// and params = θ − lr·(grad + decayGrad).
train({
  data: { kind: 'line', n: 20 },
  model: { kind: 'linear' },
  init: { weight: [-1.5], bias: [1.2] },
  optimizer: { kind: 'sgd', lr: 0.1, weightDecay: 0.5 },
  steps: 100,
})
  .pipe(
    filter((e) => e.type === 'step'),
    take(3),
  )
  .subscribe((e) =>
    console.log(`step ${e.step}`, { grad: e.grad, decayGrad: e.decayGrad, params: e.params }),
  );
