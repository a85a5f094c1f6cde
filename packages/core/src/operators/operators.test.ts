import { from, lastValueFrom, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { RunEvent, RunStartEvent, StepEvent } from '../events.js';
import { train } from '../train.js';
import { every } from './every.js';
import { smooth } from './smooth.js';
import { summarize } from './summarize.js';

const spec = {
  seed: 2,
  data: { kind: 'polynomial', n: 15, nVal: 30 },
  model: { kind: 'polynomial', degree: 6 },
  init: { kind: 'normal', std: 0.3 },
  optimizer: { kind: 'sgd', lr: 0.001, weightDecay: 0.1 },
  steps: 23,
};
const events = (s: unknown = spec) => {
  const out: RunEvent[] = [];
  train(s).subscribe((e) => out.push(e));
  return out;
};

describe('every(n)', () => {
  it('keeps every n-th step and the last one, and passes run and end', async () => {
    const got = await lastValueFrom(from(events()).pipe(every(5), toArray()));
    expect(got.map((e) => (e.type === 'step' ? e.step : e.type))).toEqual([
      'run',
      5,
      10,
      15,
      20,
      23,
      'end',
    ]);
  });

  it('matches train({ every })', async () => {
    const viaOperator = await lastValueFrom(from(events()).pipe(every(4), toArray()));
    const viaOption: RunEvent[] = [];
    train(spec, { every: 4 }).subscribe((e) => viaOption.push(e));
    expect(viaOperator).toEqual(viaOption);
  });

  it('is a well-behaved operator (marbles)', () => {
    new TestScheduler((a, b) => expect(a).toEqual(b)).run(({ cold, expectObservable }) => {
      const [r, s1, s2, s3, end] = events({ ...spec, steps: 3 }) as [
        RunEvent,
        RunEvent,
        RunEvent,
        RunEvent,
        RunEvent,
      ];
      const src = cold<RunEvent>('a-b-c-d-(e|)', { a: r, b: s1, c: s2, d: s3, e: end });
      expectObservable(src.pipe(every(2))).toBe('a---c---(de|)', { a: r, c: s2, d: s3, e: end });
      expectObservable(cold<RunEvent>('a-#', { a: r as RunEvent }).pipe(every(2))).toBe('a-#', {
        a: r,
      });
    });
  });
});

describe('smooth(weight)', () => {
  it("is TensorBoard's debiased EMA", async () => {
    const xs = [1, 3, Number.NaN, 2];
    const got = await lastValueFrom(from(xs).pipe(smooth(0.5), toArray()));
    // k=1: 0.5·1/(1−0.5) = 1; k=2: (0.25+1.5)/(0.75) = 7/3; NaN passes; k=3: (0.875+1)/(0.875) = 15/7
    expect(got[0]).toBeCloseTo(1, 15);
    expect(got[1]).toBeCloseTo(7 / 3, 15);
    expect(got[2]).toBeNaN();
    expect(got[3]).toBeCloseTo(15 / 7, 15);
  });

  it('with weight 0 is the identity, and a constant stays constant', async () => {
    expect(await lastValueFrom(from([4, 5, 6]).pipe(smooth(0), toArray()))).toEqual([4, 5, 6]);
    const c = await lastValueFrom(from([2, 2, 2, 2]).pipe(smooth(0.9), toArray()));
    for (const v of c) expect(v).toBeCloseTo(2, 12);
  });

  it('rejects a weight outside [0, 1)', () => {
    expect(() => smooth(1)).toThrow(/invalid smooth weight: 1/);
  });
});

describe('summarize()', () => {
  it('reports final and best metrics and the shrink of each parameter', async () => {
    const evs = events();
    const steps = evs.filter((e): e is StepEvent => e.type === 'step');
    const s = await lastValueFrom(from(evs).pipe(summarize()));
    const last = steps.at(-1) as StepEvent;
    expect(s.reason).toBe('completed');
    expect(s.steps).toBe(23);
    expect(s.final).toEqual({ step: 23, loss: last.loss, val: last.val?.loss, norms: last.norms });
    const best = steps.reduce((a, b) => ((b.val?.loss ?? 0) < (a.val?.loss ?? 0) ? b : a));
    expect(s.best).toEqual({ step: best.step, metric: 'val', value: best.val?.loss });
    const first = evs[0] as RunStartEvent;
    const n0 = Math.hypot(...(first.params.weight as number[]));
    expect(s.shrink.weight).toBeCloseTo((last.norms.weight as number) / n0, 12);
  });

  it('uses the total loss when there is no validation data', async () => {
    const s = await lastValueFrom(
      train({ ...spec, data: { kind: 'polynomial', n: 10, nVal: 0 } }).pipe(summarize()),
    );
    expect(s.best?.metric).toBe('total');
  });
});
