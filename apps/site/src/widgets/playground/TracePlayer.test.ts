import { materialize, parseSpec, type StepEvent, train } from '@decaylab/core';
import { lastValueFrom, toArray } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../i18n/server';
import { Clock } from '../_shared/Clock';
import { TracePlayer, type TracePlayerOptions } from './TracePlayer';

// The playground's run, on the real engine and a playing Clock (animation frames are timers
// here): what reaches the trace, when it counts as diverged, and what a new start drops.

const t = translator({ lang: 'en' });
const engine = { train, Clock, materialize };

const spec = (fields: object = {}) =>
  parseSpec({
    seed: 0,
    data: { kind: 'cars' },
    model: { kind: 'polynomial', degree: 4 },
    optimizer: { kind: 'adam', lr: 0.01 },
    penalty: { kind: 'l2', lambda: 0.01 },
    steps: 500,
    ...fields,
  });

/** A player whose reports are recorded; `settled` resolves at the run's end. */
function recorded({ reducedMotion = false } = {}) {
  const log = {
    status: [] as string[],
    changes: 0,
    states: [] as string[],
    errors: [] as unknown[],
  };
  let done: () => void = () => {};
  const settled = () =>
    new Promise<void>((resolve) => {
      done = resolve;
    });
  const options: TracePlayerOptions = {
    t,
    reducedMotion: () => reducedMotion,
    onChange: () => {
      log.changes += 1;
    },
    onStatus: (text) => log.status.push(text),
    onSettled: (state) => {
      log.states.push(state);
      done();
    },
    onError: (error) => log.errors.push(error),
  };
  return { player: new TracePlayer(engine, options), log, settled };
}

beforeEach(() => {
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) =>
    setTimeout(() => cb(performance.now()), 0),
  );
  vi.stubGlobal('cancelAnimationFrame', (id: number) => clearTimeout(id));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('TracePlayer', () => {
  it('keeps every 2nd of 500 steps (≤ 300 events) and the last, equal to the engine’s', async () => {
    const { player, log, settled } = recorded();
    const end = settled();
    player.start(spec());
    await end;
    const trace = player.trace;
    expect(log.states).toEqual(['done']);
    expect(trace.step).toBe(500);
    expect(trace.loss.map((p) => p.step)).toEqual(Array.from({ length: 250 }, (_, i) => 2 * i + 2));
    const steps = (await lastValueFrom(train(spec(), { every: 2 }).pipe(toArray()))).filter(
      (e): e is StepEvent => e.type === 'step',
    );
    expect(trace.loss.map((p) => p.train)).toEqual(steps.map((e) => e.loss.total));
    expect(trace.data).toEqual(materialize(spec().data, 0));
    expect(log.errors).toEqual([]);
  });

  it('stops a run that blows up at step 2 and measures it from step 1, not from step 2', async () => {
    const { player, log, settled } = recorded();
    const end = settled();
    player.start(spec({ optimizer: { kind: 'adam', lr: 1000 } }));
    await end;
    expect(log.states).toEqual(['diverged']);
    const [d] = player.divergences;
    expect(d).toMatchObject({ step: 2, why: 'loss' });
    expect(d?.initialLoss).toBeCloseTo(1.153, 3);
    expect(log.status).toEqual([
      expect.stringMatching(/^Diverged at step 2: the loss grew from 1\.153/),
    ]);
    expect(player.trace.step).toBe(2);
  });

  it('says when a finished mse fit is far above predicting 0 (degree 30 on cars)', async () => {
    const { player, log, settled } = recorded();
    const end = settled();
    player.start(spec({ model: { kind: 'polynomial', degree: 30 }, steps: 50 }));
    await end;
    expect(log.states).toEqual(['done']);
    expect(log.status).toHaveLength(1);
    expect(log.status[0]).toContain('predicting 0');
  });

  it('a new start drops the running one: its late events never reach the new trace', async () => {
    const { player, log, settled } = recorded();
    player.start(spec({ steps: 5000 }));
    const first = player.trace;
    const end = settled();
    player.start(spec({ steps: 40, seed: 3 }));
    await end;
    expect(log.states).toEqual(['done']);
    expect(player.trace).not.toBe(first);
    expect(player.trace.spec?.steps).toBe(40);
    expect(player.trace.loss.map((p) => p.step)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    expect(first.step).toBeLessThan(5000);
  });

  it('with reduced motion, redraws only for the run and end events, not per step', async () => {
    const { player, log, settled } = recorded({ reducedMotion: true });
    const end = settled();
    player.start(spec());
    await end;
    expect(player.trace.step).toBe(500);
    expect(log.changes).toBe(3); // run event, end event, settled
  });
});
