import { materialize, train } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { farOff } from './farOff';
import { RunTrace } from './RunTrace';

/** The page's trace of a spec run to the end with the real engine. */
function traceOf(spec: Record<string, unknown>): RunTrace {
  const trace = new RunTrace();
  train(spec, { every: 10 }).subscribe((event) => {
    if (event.type === 'run') trace.data = materialize(event.spec.data, event.spec.seed);
    trace.add(event);
  });
  return trace;
}

const cars = (degree: number) => ({
  seed: 0,
  data: { kind: 'cars', columns: ['horsepower'] },
  model: { kind: 'polynomial', degree },
  optimizer: { kind: 'adam', lr: 0.01 },
  steps: 200,
});

describe('farOff', () => {
  it('names a degree-30 fit of the cars (x³⁰ ≈ 1e15) that ends far above predicting 0', () => {
    const far = farOff(traceOf(cars(30)));
    expect(far).not.toBeNull();
    expect(far?.baseline).toBeCloseTo(1, 6); // standardized mpg on the training rows
    expect(far?.loss).toBeGreaterThan(1e10);
  });

  it('stays quiet on a fit that works (degree 4) and on classification (bce-logits)', () => {
    expect(farOff(traceOf(cars(4)))).toBeNull();
    const penguins = {
      seed: 0,
      data: { kind: 'penguins' },
      model: { kind: 'logistic' },
      optimizer: { kind: 'sgd', lr: 0.5 },
      steps: 50,
    };
    expect(farOff(traceOf(penguins))).toBeNull();
  });
});
