import fc from 'fast-check';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { type RunEvent, type RunStartEvent, type StepEvent, train } from '../src/index.js';

const steps = (events: RunEvent[]) => events.filter((e): e is StepEvent => e.type === 'step');
const run = async (spec: unknown) => steps(await lastValueFrom(train(spec).pipe(toArray())));

const base = (seed: number) => ({
  seed,
  data: { kind: 'line', n: 12, nVal: 8, noise: 0.3 },
  model: { kind: 'polynomial', degree: 4 },
  init: { kind: 'normal', std: 0.5, bias: 'normal' },
  steps: 25,
});
const seeds = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const lambdas = fc.double({ min: 1e-4, max: 0.5, noNaN: true });

function maxRel(a: StepEvent[], b: StepEvent[]): number {
  let worst = 0;
  a.forEach((ea, i) => {
    const eb = b[i] as StepEvent;
    for (const [name, pa] of Object.entries(ea.params)) {
      (pa as number[]).forEach((v, j) => {
        const w = (eb.params[name] as number[])[j] as number;
        worst = Math.max(worst, Math.abs(v - w) / Math.max(1, Math.abs(w)));
      });
    }
  });
  return worst;
}

describe('the equivalence the docs teach', () => {
  it('sgd with weightDecay λ follows the same trajectory as sgd with an l2 penalty λ', async () => {
    await fc.assert(
      fc.asyncProperty(seeds, lambdas, fc.boolean(), async (seed, lambda, withMomentum) => {
        const momentum = withMomentum ? 0.9 : 0;
        const a = await run({
          ...base(seed),
          optimizer: { kind: 'sgd', lr: 0.05, momentum, weightDecay: lambda },
        });
        const b = await run({
          ...base(seed),
          optimizer: { kind: 'sgd', lr: 0.05, momentum },
          penalty: { kind: 'l2', lambda },
        });
        expect(a).toHaveLength(25);
        expect(maxRel(a, b)).toBeLessThan(1e-12);
        // and the decay gradient they report is the same λθ
        const da = a[3]?.decayGrad.weight as number[];
        const db = b[3]?.decayGrad.weight as number[];
        da.forEach((v, i) => {
          expect(Math.abs(v - (db[i] as number))).toBeLessThan(1e-12);
        });
      }),
      { numRuns: 20 },
    );
  });

  it('Adam with an l2 penalty is not AdamW (decay scaled by the adaptive denominator)', async () => {
    const a = await run({
      ...base(3),
      optimizer: { kind: 'adam', lr: 0.05 },
      penalty: { kind: 'l2', lambda: 0.1 },
    });
    const w = await run({ ...base(3), optimizer: { kind: 'adamw', lr: 0.05, weightDecay: 0.1 } });
    expect(maxRel(a, w)).toBeGreaterThan(1e-3);
  });
});

describe('properties', () => {
  it('decayGrad = λθ (θ before the step) under l2 with sgd', async () => {
    await fc.assert(
      fc.asyncProperty(seeds, lambdas, async (seed, lambda) => {
        const events = await lastValueFrom(
          train({
            ...base(seed),
            optimizer: { kind: 'sgd', lr: 0.05 },
            penalty: { kind: 'l2', lambda },
          }).pipe(toArray()),
        );
        let prev = (events[0] as RunStartEvent).params as Record<string, number[]>;
        for (const e of steps(events)) {
          for (const [name, before] of Object.entries(prev)) {
            const d = e.decayGrad[name] as number[];
            before.forEach((t, i) => {
              expect(d[i]).toBe(lambda * t);
            });
          }
          prev = e.params as Record<string, number[]>;
        }
      }),
      { numRuns: 15 },
    );
  });

  it('AdamW with λ = 0 equals Adam with λ = 0, bit for bit', async () => {
    await fc.assert(
      fc.asyncProperty(seeds, fc.boolean(), async (seed, amsgrad) => {
        const a = await run({
          ...base(seed),
          optimizer: { kind: 'adam', lr: 0.03, weightDecay: 0, amsgrad },
        });
        const w = await run({
          ...base(seed),
          optimizer: { kind: 'adamw', lr: 0.03, weightDecay: 0, amsgrad },
        });
        expect(w).toEqual(a);
      }),
      { numRuns: 15 },
    );
  });

  it('AdamW reports its decoupled shrink lr·λ·θ, and decay never appears for parameters without it', async () => {
    const events = await lastValueFrom(
      train({
        ...base(1),
        optimizer: { kind: 'adamw', lr: 0.05, weightDecay: 0.2 },
        paramGroups: [{ params: ['bias'], weightDecay: 0 }],
      }).pipe(toArray()),
    );
    let prev = (events[0] as RunStartEvent).params as Record<string, number[]>;
    for (const e of steps(events)) {
      expect(Object.keys(e.decoupledDecay ?? {})).toEqual(['weight']);
      expect(e.decayGrad).toEqual({});
      (prev.weight as number[]).forEach((t, i) => {
        expect(e.decoupledDecay?.weight?.[i]).toBe(0.05 * 0.2 * t);
      });
      prev = e.params as Record<string, number[]>;
    }
  });

  it("the run event's paramHyper resolves param groups, and plain SGD moves each parameter by its own lr·(grad + decayGrad)", async () => {
    await fc.assert(
      fc.asyncProperty(seeds, lambdas, lambdas, async (seed, wd, lambda) => {
        const events = await lastValueFrom(
          train({
            ...base(seed),
            penalty: { kind: 'l1', lambda, params: ['weight'] },
            optimizer: { kind: 'sgd', lr: 0.02, weightDecay: wd },
            paramGroups: [{ params: ['bias'], lr: 0.07, weightDecay: 2 * wd }],
          }).pipe(toArray()),
        );
        const run0 = events[0] as RunStartEvent;
        expect(run0.paramHyper).toEqual({
          weight: { lr: 0.02, weightDecay: wd },
          bias: { lr: 0.07, weightDecay: 2 * wd },
        });
        let prev = run0.params as Record<string, number[]>;
        for (const e of steps(events)) {
          for (const name of ['weight', 'bias']) {
            const lr = run0.paramHyper?.[name]?.lr as number;
            const before = prev[name] as number[];
            const g = e.grad[name] as number[];
            const d = e.decayGrad[name] as number[];
            (e.params[name] as number[]).forEach((after, i) => {
              const want = (before[i] as number) - lr * ((g[i] as number) + (d[i] as number));
              expect(Math.abs(after - want)).toBeLessThanOrEqual(
                1e-12 * Math.max(1, Math.abs(want)),
              );
            });
          }
          prev = e.params as Record<string, number[]>;
        }
      }),
      { numRuns: 10 },
    );
  });

  it('weight decay shrinks the weight norm relative to no decay', async () => {
    await fc.assert(
      fc.asyncProperty(seeds, async (seed) => {
        const spec = { ...base(seed), steps: 200 };
        const free = await run({ ...spec, optimizer: { kind: 'sgd', lr: 0.1 } });
        const decayed = await run({
          ...spec,
          optimizer: { kind: 'sgd', lr: 0.1, weightDecay: 0.3 },
        });
        expect(decayed.at(-1)?.norms.weight).toBeLessThan(free.at(-1)?.norms.weight as number);
      }),
      { numRuns: 10 },
    );
  });
});
