import { summarize, train } from '@decaylab/core';
import { lastValueFrom, tap } from 'rxjs';

// Adam's weightDecay is L2 (it goes through the adaptive step); AdamW's is decoupled, and
// only AdamW's step events carry decoupledDecay = lr·λ·θ.
const base = {
  data: { kind: 'line', n: 20 },
  model: { kind: 'polynomial', degree: 9 },
  steps: 400,
};

for (const kind of ['adam', 'adamw']) {
  let first;
  const s = await lastValueFrom(
    train({ ...base, optimizer: { kind, lr: 0.01, weightDecay: 0.1 } }).pipe(
      tap((e) => {
        if (e.type === 'step' && e.step === 1) first = e.decoupledDecay;
      }),
      summarize(),
    ),
  );
  console.log(
    `${kind}: final ‖w‖ ${s.final.norms.weight.toFixed(3)}, val ${s.final.val.toFixed(3)}`,
  );
  console.log('  decoupledDecay at step 1:', first ?? '(none)');
}
