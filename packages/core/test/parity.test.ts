import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { type StepEvent, train } from '../src/index.js';
import { loadFixtures, mismatch } from './fixtures.js';

const TOL = 1e-9;

describe('parity with PyTorch 2.11 (float64)', () => {
  for (const fx of loadFixtures()) {
    it(fx.name, async () => {
      const events = await lastValueFrom(train(fx.spec).pipe(toArray()));
      const steps = new Map(
        events.filter((e): e is StepEvent => e.type === 'step').map((e) => [e.step, e]),
      );
      expect(events.at(-1)).toMatchObject({
        type: 'end',
        reason: 'completed',
        steps: fx.spec.steps,
      });
      if (fx.expectedFinal) {
        const last = steps.get(fx.spec.steps as number);
        for (const [name, want] of Object.entries(fx.expectedFinal)) {
          expect(mismatch(last?.params[name], want, fx.tolerance), `${name}`).toBeNull();
        }
      }
      for (const want of fx.expected ?? []) {
        const got = steps.get(want.step);
        const at = `step ${want.step}`;
        expect(got, at).toBeDefined();
        if (!got) continue;
        for (const k of ['data', 'penalty', 'total'] as const) {
          expect(mismatch([got.loss[k]], [want.loss[k]], TOL), `${at} loss.${k}`).toBeNull();
        }
        for (const [name, g] of Object.entries(want.grad)) {
          expect(mismatch(got.grad[name], g, TOL), `${at} grad.${name}`).toBeNull();
        }
        for (const [name, p] of Object.entries(want.params)) {
          expect(mismatch(got.params[name], p, TOL), `${at} params.${name}`).toBeNull();
        }
        if (want.val)
          expect(
            mismatch([got.val?.loss ?? Number.NaN], [want.val.loss], TOL),
            `${at} val`,
          ).toBeNull();
      }
    });
  }
});
