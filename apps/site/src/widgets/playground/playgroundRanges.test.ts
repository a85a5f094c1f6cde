import { parseSpec, type StepEvent, train } from '@decaylab/core';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { CONTROLS } from './playgroundControls';
import {
  coherentForm,
  DATA_KINDS,
  FORM_DEFAULTS,
  type PlaygroundForm,
  specFromForm,
} from './playgroundForm';

const steps = async (spec: unknown, every = 1) =>
  (await lastValueFrom(train(spec, { every }).pipe(toArray()))).filter(
    (e): e is StepEvent => e.type === 'step',
  );

// Every number box at its minimum and its maximum (the others at their defaults) makes a spec
// parseSpec accepts, on every data kind where it shows: the form's ranges sit inside the spec's.
describe('the form at the ends of its controls', () => {
  const kinds = DATA_KINDS.filter((k) => k !== 'csv');
  const numbers = CONTROLS.filter((c) => c.kind === 'number');
  const cases = kinds.flatMap((data) =>
    numbers.flatMap((c) =>
      (['min', 'max'] as const)
        .filter((end) => c[end] !== undefined)
        .map((end) => [data, c.name, end, c[end] as number] as const),
    ),
  );
  it.each(cases)('%s, %s at its %s (%d): a valid spec', (data, name, _end, value) => {
    let form: PlaygroundForm = coherentForm({ ...FORM_DEFAULTS, data }, 'data');
    form = coherentForm({ ...form, [name]: value }, name as keyof PlaygroundForm);
    // The longest runs are cut for the test: validity does not depend on the number of steps.
    const spec = { ...specFromForm(form), ...(name === 'steps' ? {} : { steps: 2 }) };
    expect(() => parseSpec(spec)).not.toThrow();
  });

  it('the largest mlp the form allows (8 layers of 256) trains a step on cars with six columns', async () => {
    const form = coherentForm(
      {
        ...FORM_DEFAULTS,
        model: 'mlp',
        width: 256,
        depth: 8,
        carsColumns: ['cylinders', 'displacement', 'horsepower', 'weight', 'acceleration', 'year'],
      },
      'model',
    );
    const events = await steps({ ...specFromForm(form), steps: 1 });
    expect(events).toHaveLength(1);
    expect(Number.isFinite(events[0]?.loss.total)).toBe(true);
  });
});

// The page's default run (cars, degree-4 polynomial, Adam 0.01, L2 0.01, 500 steps) over seeds
// 0–99: it never diverges and always ends with a validation loss well below its first one.
describe('the default run over seeds 0–99', () => {
  it('stays finite and learns on every seed', async () => {
    const failures: number[] = [];
    for (let seed = 0; seed < 100; seed++) {
      const events = await steps({ ...specFromForm({ ...FORM_DEFAULTS, seed }) });
      const first = events[0]?.val?.loss ?? Number.NaN;
      const last = events.at(-1)?.val?.loss ?? Number.NaN;
      const finite = events.every((e) => Number.isFinite(e.loss.total));
      if (!(finite && last < 0.6 * first && last < 0.6)) failures.push(seed);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
