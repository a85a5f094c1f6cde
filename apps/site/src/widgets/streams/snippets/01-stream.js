import { every, train } from '@decaylab/core';

// A degree-9 polynomial on 20 noisy points of y = x, trained by SGD with weight decay.
const spec = {
  data: { kind: 'line', n: 20, noise: 0.3 },
  model: { kind: 'polynomial', degree: 9 },
  optimizer: { kind: 'sgd', lr: 0.1, momentum: 0.9, weightDecay: 1e-3 },
  steps: 500,
};

train(spec)
  .pipe(every(100)) // every 100th step event (the run and end events pass through)
  .subscribe((e) => {
    if (e.type === 'run') console.log('run', e.shapes);
    if (e.type === 'step') {
      console.log(
        `step ${e.step}: loss ${e.loss.total.toFixed(4)}, val ${e.val.loss.toFixed(4)}, ‖w‖ ${e.norms.weight.toFixed(3)}`,
      );
    }
    if (e.type === 'end') console.log('end', e.reason, e.steps);
  });
