import { summarize, train } from '@decaylab/core';
import { lastValueFrom } from 'rxjs';

// The same run for four values of λ, each reduced to one summary.
const base = {
  seed: 1,
  data: { kind: 'line', n: 20, noise: 0.3 },
  model: { kind: 'polynomial', degree: 9 },
  steps: 1000,
};

for (const lambda of [0, 1e-3, 1e-2, 1e-1]) {
  const optimizer = { kind: 'sgd', lr: 0.3, momentum: 0.9, weightDecay: lambda };
  const s = await lastValueFrom(train({ ...base, optimizer }).pipe(summarize()));
  console.log(
    `λ = ${lambda}: final val ${s.final.val.toFixed(3)},`,
    `best val ${s.best.value.toFixed(3)} at step ${s.best.step},`,
    `‖w‖ final/initial ${s.shrink.weight.toFixed(1)}`,
  );
}
