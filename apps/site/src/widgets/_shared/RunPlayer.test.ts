import { materialize, type RunEvent, train } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { Clock } from './Clock';
import { gdStability, maxCurvature } from './gdStability';
import { RunPlayer } from './RunPlayer';
import { boundCheck, type Divergence } from './runBound';

// A paused clock never asks for animation frames: the player is driven by advance() alone.
const engine = { train, Clock };

const quadratic = (lr: number, weightDecay = 0) =>
  ({
    seed: 2,
    data: { kind: 'line', n: 20, nVal: 0, noise: 0.3 },
    model: { kind: 'polynomial', degree: 5 },
    optimizer: { kind: 'sgd', lr, weightDecay },
    steps: 400,
  }) as const;

function collect() {
  const events: [number, RunEvent][] = [];
  const divergences: Divergence[] = [];
  let settled = 0;
  return {
    events,
    divergences,
    settled: () => settled,
    options: {
      playing: false,
      onEvent: (e: RunEvent, run: number) => events.push([run, e]),
      onDiverged: (d: Divergence) => divergences.push(d),
      onSettled: () => settled++,
    },
  };
}
const steps = (events: [number, RunEvent][], run: number) =>
  events
    .filter(([r, e]) => r === run && e.type === 'step')
    .map(([, e]) => (e as { step: number }).step);

describe('RunPlayer', () => {
  it('advances every run by exactly the steps asked, in chunks, while paused', () => {
    const player = new RunPlayer(engine);
    const c = collect();
    player.start([quadratic(0.1), quadratic(0.1, 0.5)], { ...c.options, chunkSteps: 2 });
    expect(c.events.filter(([, e]) => e.type === 'step')).toEqual([]);
    player.advance(1);
    expect(steps(c.events, 0)).toEqual([1]);
    expect(steps(c.events, 1)).toEqual([1]);
    player.advance(5);
    expect(steps(c.events, 0)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(player.step).toBe(6);
    expect(player.running).toBe(2);
    player.advance(1000);
    expect(player.running).toBe(0);
    expect(c.settled()).toBe(2);
    expect(steps(c.events, 1).at(-1)).toBe(400);
    expect(player.divergences).toEqual([]);
  });

  it('stops a run that leaves its bound, reports where, and lets the other run finish', () => {
    const kMax = maxCurvature(
      materialize(quadratic(0.1).data, 2).train.x.map((r) => r[0] ?? 0),
      5,
    );
    const lr = 2.2 / kMax; // γ·k_max = 2.2 > 2: the error along the stiffest direction grows ×1.2 a step
    const player = new RunPlayer(engine);
    const c = collect();
    player.start([quadratic(0.1), quadratic(lr)], { ...c.options, bound: { lossFactor: 100 } });
    player.advance(400);
    expect(player.running).toBe(0);
    expect(c.divergences).toHaveLength(1);
    const [d] = c.divergences;
    expect(d?.run).toBe(1);
    expect(d?.why).toBe('loss');
    expect(d?.loss).toBeGreaterThan(100 * (d?.initialLoss ?? 0));
    // No events of the diverged run after the step that crossed the bound; no end event either.
    expect(steps(c.events, 1).at(-1)).toBe(d?.step);
    expect(c.events.some(([r, e]) => r === 1 && e.type === 'end')).toBe(false);
    expect(steps(c.events, 0).at(-1)).toBe(400);
    expect(c.settled()).toBe(2);
  });

  it('reports a run the engine ends as diverged (non-finite)', () => {
    const player = new RunPlayer(engine);
    const c = collect();
    player.start([quadratic(50)], {
      ...c.options,
      bound: { lossFactor: Infinity, maxWeight: Infinity },
    });
    player.advance(400);
    expect(c.divergences).toHaveLength(1);
    expect(c.divergences[0]?.why).toBe('non-finite');
  });

  it('stop() ends the work: no event after it', () => {
    const player = new RunPlayer(engine);
    const c = collect();
    player.start([quadratic(0.1)], c.options);
    player.advance(3);
    const seen = c.events.length;
    player.stop();
    player.advance(10);
    expect(c.events.length).toBe(seen);
    expect(player.running).toBe(0);
  });
});

describe('gdStability and maxCurvature', () => {
  // The rule γ(λ + k_max) < 2, checked against the engine on both sides of the limit.
  const xs = materialize(quadratic(0.1).data, 2).train.x.map((r) => r[0] ?? 0);
  const kMax = maxCurvature(xs, 5);
  const diverges = (lr: number, lambda: number) => {
    const player = new RunPlayer(engine);
    player.start([quadratic(lr, lambda)], { playing: false, onEvent: () => {} });
    player.advance(400);
    return player.divergences.length > 0;
  };

  it('predicts the largest stable λ', () => {
    const { lambdaMax } = gdStability({ lr: 0.5, lambda: 0, kMax });
    expect(lambdaMax).toBeGreaterThan(0);
    expect(diverges(0.5, lambdaMax * 0.97)).toBe(false);
    expect(diverges(0.5, lambdaMax * 1.05 + 0.05)).toBe(true);
  });

  it('writes the rule with the numbers', () => {
    const s = gdStability({ lr: 0.5, lambda: 1.5, kMax: 2.43 });
    expect(s.product).toBeCloseTo(1.965);
    expect(s.stable).toBe(true);
    expect(s.sentence).toBe('γ(λ + k_max) = 0.5 × (1.5 + 2.43) = 1.965 < 2');
  });
});

describe('boundCheck', () => {
  const step = (step: number, total: number, w: number[]) =>
    ({ type: 'step', step, loss: { total }, params: { weight: w } }) as never;
  it('fires on a weight past maxWeight, on a loss past lossFactor × the first, and on NaN', () => {
    expect(boundCheck({ maxWeight: 10 }, 0)(step(1, 1, [11]))?.why).toBe('weights');
    const c = boundCheck({ lossFactor: 10 }, 3);
    expect(c(step(1, 2, [1]))).toBeUndefined();
    expect(c(step(2, 19, [1]))).toBeUndefined();
    expect(c(step(3, 21, [1]))).toMatchObject({ run: 3, step: 3, why: 'loss', initialLoss: 2 });
    expect(boundCheck({}, 0)(step(1, 1, [Number.NaN]))?.why).toBe('non-finite');
  });
});
