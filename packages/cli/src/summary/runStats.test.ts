import { type RunEvent, type RunStartEvent, train } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { runStats } from './runStats.js';

const spec = {
  seed: 3,
  data: { kind: 'blobs', n: 20, nVal: 0 },
  model: { kind: 'logistic' },
  penalty: { kind: 'l2', lambda: 0.05, params: ['weight'] },
  optimizer: { kind: 'sgd', lr: 0.1, weightDecay: 0.02 },
  paramGroups: [{ params: ['bias'], lr: 0.4, weightDecay: 0.3 }],
  steps: 6,
};
const events = (): RunEvent[] => {
  const out: RunEvent[] = [];
  train(spec).subscribe((e) => out.push(e));
  return out;
};
const norm = (v: readonly number[]) => Math.hypot(...v);
const report = (evs: RunEvent[]) => {
  const stats = runStats();
  for (const e of evs) stats.add(e);
  return stats.finish();
};

describe('runStats: decay pull', () => {
  it("uses each parameter's lr from the run event's paramHyper", () => {
    const evs = events();
    const run = evs[0] as RunStartEvent;
    expect(run.paramHyper?.bias?.lr).toBe(0.4);
    const want: Record<string, number> = { weight: 0, bias: 0 };
    for (const e of evs) {
      if (e.type !== 'step') continue;
      for (const [k, v] of Object.entries(e.decayGrad))
        want[k] = (want[k] as number) + (run.paramHyper?.[k]?.lr as number) * norm(v);
    }
    expect(report(evs).decayPull).toEqual(want);
  });

  it('gives the same for a recording made before paramHyper (it resolves the groups itself)', () => {
    const evs = events();
    const { paramHyper: _, ...older } = evs[0] as RunStartEvent;
    expect(report([older, ...evs.slice(1)]).decayPull).toEqual(report(evs).decayPull);
  });
});
