import { parseSpec, type StepEvent, train } from '@decaylab/core';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { Clock } from '../_shared/Clock';
import { RunPlayer } from '../_shared/RunPlayer';
import type { Divergence } from '../_shared/runBound';
import { firstLoss } from './firstLoss';

const stepsOf = async (spec: unknown) =>
  (await lastValueFrom(train(spec).pipe(toArray()))).filter(
    (e): e is StepEvent => e.type === 'step',
  );

// Adam at lr 1000 on the page's default run: step 2's loss is ~4e8 times step 1's, then the run
// settles. Seen every 2nd step (500 steps: the page's every = 2), step 2 looked like the start.
const wild = parseSpec({
  seed: 0,
  data: { kind: 'cars' },
  model: { kind: 'polynomial', degree: 4 },
  optimizer: { kind: 'adam', lr: 1000 },
  penalty: { kind: 'l2', lambda: 0.01 },
  steps: 500,
});

describe('firstLoss', () => {
  it('is the loss at step 1 of the full run, minibatches included', async () => {
    for (const spec of [wild, parseSpec({ ...wild, batchSize: 7, seed: 3 })]) {
      const [first] = await stepsOf({ ...spec, steps: 3 });
      expect(firstLoss(train, spec)).toBe(first?.loss.total);
    }
  });

  it('lets the bound see a run that blows up between the steps the page is shown', () => {
    const run = (bound: object) => {
      const found: Divergence[] = [];
      const player = new RunPlayer({ train, Clock });
      player.start([wild], {
        every: 2,
        playing: false,
        bound,
        onEvent: () => {},
        onDiverged: (d) => found.push(d),
      });
      player.advance(500);
      player.stop();
      return found;
    };
    expect(run({})).toEqual([]); // the blind spot this fixes
    const [d] = run({ initialLoss: firstLoss(train, wild) });
    expect(d).toMatchObject({ step: 2, why: 'loss' });
    expect(d?.initialLoss).toBeCloseTo(1.153, 3);
  });
});
