import { lastValueFrom, take, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from './events.js';
import { SpecError } from './spec/specError.js';
import { train } from './train.js';

const spec = {
  seed: 5,
  data: { kind: 'line', n: 10, nVal: 5 },
  model: { kind: 'polynomial', degree: 3 },
  optimizer: { kind: 'sgd', lr: 0.1, weightDecay: 0.01 },
  steps: 3,
};

const syncEvents = (s: unknown, every = 1) => {
  const out: RunEvent[] = [];
  train(s, { every }).subscribe((e) => out.push(e));
  return out;
};

const scheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe('train() as an RxJS citizen', () => {
  it('is cold: nothing runs before subscribe, and each subscription is an independent, identical run', () => {
    const ts = scheduler();
    ts.run(({ expectObservable }) => {
      const [a, b, c, d, e] = syncEvents(spec);
      const run$ = train(spec, { scheduler: ts, chunkSteps: 1, interval: 5 });
      const values = { a, b, c, d, e };
      expectObservable(run$).toBe('(ab) 1ms c 4ms (de|)', values);
      expectObservable(run$, '--^').toBe('--(ab) 1ms c 4ms (de|)', values);
    });
  });

  it('completes after the end event, in chunks of the given size', () => {
    const ts = scheduler();
    ts.run(({ expectObservable }) => {
      const events = syncEvents({ ...spec, steps: 4 });
      const values = Object.fromEntries(events.map((e, i) => [String.fromCharCode(97 + i), e]));
      const run$ = train({ ...spec, steps: 4 }, { scheduler: ts, chunkSteps: 2, interval: 10 });
      expectObservable(run$).toBe('(abc) 5ms (def|)', values);
    });
  });

  it('errors with a SpecError before any step for an invalid spec', () => {
    const ts = scheduler();
    ts.run(({ expectObservable }) => {
      const bad = { ...spec, optimizer: { kind: 'sgd', lr: -1 } };
      expectObservable(train(bad, { scheduler: ts })).toBe(
        '#',
        undefined,
        new SpecError([
          { path: 'optimizer.lr', message: 'expected a positive finite number, got -1' },
        ]),
      );
    });
  });

  it('stops computing when unsubscribed early: no further chunk is ever scheduled', () => {
    const ts = scheduler();
    ts.maxFrames = 1000;
    const long = { ...spec, steps: 500 };
    ts.run(({ expectObservable }) => {
      const events = syncEvents(long);
      const run$ = train(long, { scheduler: ts, chunkSteps: 1, interval: 5 });
      expectObservable(run$, '^ 11ms !').toBe('(ab) 1ms c 4ms d', {
        a: events[0],
        b: events[1],
        c: events[2],
        d: events[3],
      });
    });
    // Had the loop gone on, the virtual clock would have advanced to ~2500 frames.
    expect(ts.frame).toBeLessThanOrEqual(15);
    expect(ts.actions).toHaveLength(0);
  });

  it('stops a synchronous run at once when the consumer unsubscribes (take)', async () => {
    // 1e8 steps would take minutes: finishing at all proves the loop checks subscriber.closed.
    const huge = { ...spec, steps: 100_000_000 };
    const got = await lastValueFrom(train(huge).pipe(take(3), toArray()));
    expect(got.map((e) => e.type)).toEqual(['run', 'step', 'step']);
  });

  it('emits every n-th step and always the last; skipped steps do not change the trajectory', () => {
    const all = syncEvents({ ...spec, steps: 10 });
    const thinned = syncEvents({ ...spec, steps: 10 }, 4);
    const stepsOf = (es: RunEvent[]) => es.flatMap((e) => (e.type === 'step' ? [e.step] : []));
    expect(stepsOf(thinned)).toEqual([4, 8, 10]);
    for (const e of thinned) {
      if (e.type === 'step')
        expect(e).toEqual(all.find((a) => a.type === 'step' && a.step === e.step));
    }
  });

  it('ends with reason diverged (and completes) when the loss blows up', () => {
    const events = syncEvents({ ...spec, steps: 400, optimizer: { kind: 'sgd', lr: 50 } });
    const end = events.at(-1);
    expect(end).toMatchObject({ type: 'end', reason: 'diverged' });
    if (end?.type !== 'end') return;
    expect(end.step).toBe((end.steps as number) + 1);
    expect(events.filter((e) => e.type === 'step')).toHaveLength(end.steps);
    for (const e of events) if (e.type === 'step') expect(Number.isFinite(e.loss.total)).toBe(true);
  });

  it('gives events that are snapshots: keeping one is safe while the run goes on', () => {
    const events = syncEvents(spec);
    const [, first, second] = events;
    if (first?.type !== 'step' || second?.type !== 'step') throw new Error('expected steps');
    expect(first.params.weight).not.toBe(second.params.weight);
    expect(first.params.weight).not.toEqual(second.params.weight);
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
  });

  it('rejects a bad every option', () => {
    expect(() => train(spec, { every: 0 })).toThrow(/invalid every: 0/);
  });
});
