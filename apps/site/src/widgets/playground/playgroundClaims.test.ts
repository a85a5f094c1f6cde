import { type StepEvent, train } from '@decaylab/core';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { coherentForm, FORM_DEFAULTS, type PlaygroundForm, specFromForm } from './playgroundForm';
import { isWeight } from './RunTrace';

const lastStep = async (spec: unknown) =>
  (await lastValueFrom(train(spec, { every: 1000 }).pipe(toArray()))).findLast(
    (e): e is StepEvent => e.type === 'step',
  );

// docs/playground.mdx, "Weights": an L1 penalty's steps (λ·sign θ) jump across 0 rather than stop
// on it, so the readout of weights exactly 0 stays at 0 (the page said some weights land on 0).
describe('the L1 sentence of the playground page', () => {
  it('no weight ends exactly at 0 under an L1 penalty (seeds 0–19, sgd and adam, λ 0.01–1)', async () => {
    const zeros: string[] = [];
    for (const data of ['highdim', 'cars', 'penguins'] as const)
      for (const optimizer of ['sgd', 'adam'] as const)
        for (const lambda of [0.01, 0.1, 1])
          for (let seed = 0; seed < 20; seed++) {
            const base = coherentForm({ ...FORM_DEFAULTS, data }, 'data');
            const form: PlaygroundForm = {
              ...base,
              model: data === 'penguins' ? 'logistic' : 'linear',
              carsColumns: ['displacement', 'horsepower', 'weight', 'acceleration'],
              optimizer,
              lr: optimizer === 'sgd' ? 0.05 : 0.01,
              penalty: 'l1',
              lambda,
              seed,
            };
            const last = await lastStep(specFromForm(form));
            const n = Object.entries(last?.params ?? {})
              .filter(([name]) => isWeight(name))
              .flatMap(([, vs]) => vs)
              .filter((v) => v === 0).length;
            if (n > 0) zeros.push(`${data} ${optimizer} λ=${lambda} seed ${seed}: ${n}`);
          }
    expect(zeros).toEqual([]);
  }, 120_000);
});
