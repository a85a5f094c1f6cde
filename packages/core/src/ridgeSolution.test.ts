import { last, lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { loadFixtures } from '../test/fixtures.js';
import type { StepEvent } from './events.js';
import { ridgeSolution } from './ridgeSolution.js';
import { train } from './train.js';

describe('ridgeSolution', () => {
  it("matches PyTorch's closed form in the ridge fixture", () => {
    const fx = loadFixtures().find((f) => f.expectedFinal);
    if (!fx?.expectedFinal) throw new Error('ridge fixture missing');
    const got = ridgeSolution(fx.spec);
    for (const [name, want] of Object.entries(fx.expectedFinal)) {
      (want as number[]).forEach((w, i) => {
        expect(Math.abs((got[name as 'weight' | 'bias'][i] as number) - w)).toBeLessThan(
          1e-12 * Math.max(1, Math.abs(w)),
        );
      });
    }
  });

  it('is where long gradient descent with weightDecay ends up', async () => {
    const spec = {
      seed: 4,
      data: { kind: 'polynomial', n: 30, nVal: 0 },
      model: { kind: 'polynomial', degree: 2 },
      optimizer: { kind: 'sgd', lr: 0.05, momentum: 0.9, weightDecay: 0.3 },
      paramGroups: [{ params: ['bias'], weightDecay: 0 }],
      steps: 3000,
    };
    const end = (await lastValueFrom(
      train(spec, { every: 3000 }).pipe(last((e) => e.type === 'step')),
    )) as StepEvent;
    const exact = ridgeSolution(spec);
    exact.weight.forEach((w, i) => {
      expect(end.params.weight?.[i]).toBeCloseTo(w, 8);
    });
    expect(end.params.bias?.[0]).toBeCloseTo(exact.bias[0] as number, 8);
  });

  it('refuses what has no closed form', () => {
    const base = { data: { kind: 'line' }, optimizer: { kind: 'sgd', lr: 0.1 }, steps: 1 };
    expect(() => ridgeSolution({ ...base, model: { kind: 'mlp', hidden: [2] } })).toThrow(
      /linear or polynomial/,
    );
    expect(() =>
      ridgeSolution({ ...base, model: { kind: 'linear' }, penalty: { kind: 'l1', lambda: 1 } }),
    ).toThrow(/l1 has no closed form/);
  });
});
