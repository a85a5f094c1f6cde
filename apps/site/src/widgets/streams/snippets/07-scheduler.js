import { smooth, train } from '@decaylab/core';
import { asyncScheduler, filter, map } from 'rxjs';

// In a page, give train() a scheduler: it runs in chunks of at most budgetMs, so the page
// never freezes (the widgets on this site use a per-animation-frame scheduler).
// smooth(0.9) is TensorBoard's debiased moving average.
const started = performance.now();
train(
  {
    data: { kind: 'polynomial', n: 100 },
    model: { kind: 'mlp', hidden: [16], activation: 'tanh' },
    optimizer: { kind: 'adamw', lr: 0.01, weightDecay: 0.01 },
    batchSize: 10,
    steps: 2000,
  },
  { scheduler: asyncScheduler, budgetMs: 8, every: 200 },
)
  .pipe(
    filter((e) => e.type === 'step'),
    map((e) => e.loss.total),
    smooth(0.9),
  )
  .subscribe({
    next: (loss) => console.log(`smoothed loss ${loss.toFixed(4)}`),
    complete: () =>
      console.log(`done in ${(performance.now() - started).toFixed(0)} ms, without blocking`),
  });
