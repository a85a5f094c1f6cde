import { from, type Observable, type OperatorFunction } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../events.js';
import { encodeEvent } from '../ndjson/encodeEvent.js';
import { fromNdjson } from '../ndjson/fromNdjson.js';
import { ReplayError } from '../ndjson/replayError.js';
import { train } from '../train.js';
import { every } from './every.js';
import { smooth } from './smooth.js';
import { type RunSummary, summarize } from './summarize.js';

// Every operator is cold and keeps its state per subscription: each is checked with marbles for
// completion, errors, early unsubscription (which must unsubscribe from the source: the work
// stops) and two subscriptions (the second, made later, must see exactly what the first saw).

const spec = {
  seed: 4,
  data: { kind: 'line', n: 10, nVal: 5 },
  model: { kind: 'linear' },
  optimizer: { kind: 'sgd', lr: 0.1, weightDecay: 0.1 },
  steps: 3,
};
const run = (): RunEvent[] => {
  const out: RunEvent[] = [];
  train(spec).subscribe((e) => out.push(e));
  return out;
};
const [r, s1, s2, s3, end] = run() as [RunEvent, RunEvent, RunEvent, RunEvent, RunEvent];
const runEvents = { a: r, b: s1, c: s2, d: s3, e: end };

const scheduler = () => new TestScheduler((a, b) => expect(a).toEqual(b));

/** Subscribes to `source.pipe(op)` at frame 0 and again at frame `later`; both must match. */
function twice<T, R>(
  helpers: TestScheduler['run'] extends (cb: (h: infer H) => unknown) => unknown ? H : never,
  source: Observable<T>,
  op: OperatorFunction<T, R>,
  expected: string,
  values: Record<string, R>,
  later: number,
): void {
  const out = source.pipe(op);
  helpers.expectObservable(out).toBe(expected, values);
  helpers
    .expectObservable(out, `${' '.repeat(later)}^`)
    .toBe(`${' '.repeat(later)}${expected}`, values);
}

describe('every(n): cold, per-subscription state (marbles)', () => {
  it('completes, passing run and end and the held last step', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold<RunEvent>('a-b-c-d-(e|)', runEvents);
      expectObservable(src.pipe(every(2))).toBe('a---c---(de|)', runEvents);
      expectSubscriptions(src.subscriptions).toBe('^-------!');
    });
  });

  it('passes an error through', () => {
    scheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold<RunEvent>('a-b-#', runEvents).pipe(every(2))).toBe('a---#', runEvents);
    });
  });

  it('unsubscribes from the source when unsubscribed early', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold<RunEvent>('a-b-c-d-(e|)', runEvents);
      expectObservable(src.pipe(every(1)), '^--!').toBe('a-b', runEvents);
      expectSubscriptions(src.subscriptions).toBe('^--!');
    });
  });

  it('gives a later second subscription the same events (the held step is not shared)', () => {
    scheduler().run((h) => {
      // A held step left over from the first subscription must not leak into the second.
      const src = h.cold<RunEvent>('a-b-c-d-(e|)', runEvents);
      twice(h, src, every(2), 'a---c---(de|)', runEvents, 3);
    });
  });
});

describe('smooth(weight): cold, per-subscription state (marbles)', () => {
  // weight 0.5 over 1, 3, 2: 1, 7/3, 15/7 (TensorBoard's debiased EMA).
  const xs = { a: 1, b: 3, c: 2 };
  const ys = { x: 1, y: 7 / 3, z: 15 / 7 };

  it('completes', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold('a-b-c|', xs);
      expectObservable(src.pipe(smooth(0.5))).toBe('x-y-z|', ys);
      expectSubscriptions(src.subscriptions).toBe('^----!');
    });
  });

  it('passes an error through', () => {
    scheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('a-#', xs).pipe(smooth(0.5))).toBe('x-#', ys);
    });
  });

  it('unsubscribes from the source when unsubscribed early', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold('a-b-c|', xs);
      expectObservable(src.pipe(smooth(0.5)), '^-!').toBe('x-', ys);
      expectSubscriptions(src.subscriptions).toBe('^-!');
    });
  });

  it('gives a second subscription to the same piped Observable the same values', () => {
    scheduler().run((h) => {
      twice(h, h.cold('a-b-c|', xs), smooth(0.5), 'x-y-z|', ys, 7);
    });
  });
});

describe('summarize(): cold, per-subscription state (marbles)', () => {
  const summary = () => {
    let s: unknown;
    from(run())
      .pipe(summarize())
      .subscribe((v) => {
        s = v;
      });
    return s as RunSummary;
  };

  it('emits one summary when the source completes', () => {
    const s = summary();
    expect(s).toMatchObject({ reason: 'completed', steps: 3, final: { step: 3 } });
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold<RunEvent>('a-b-c-d-(e|)', runEvents);
      expectObservable(src.pipe(summarize())).toBe('--------(s|)', { s });
      expectSubscriptions(src.subscriptions).toBe('^-------!');
    });
  });

  it('passes an error through without a summary', () => {
    scheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold<RunEvent>('a-b-#', runEvents).pipe(summarize())).toBe('----#');
    });
  });

  it('unsubscribes from the source when unsubscribed early, and emits nothing', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold<RunEvent>('a-b-c-d-(e|)', runEvents);
      expectObservable(src.pipe(summarize()), '^--!').toBe('');
      expectSubscriptions(src.subscriptions).toBe('^--!');
    });
  });

  it('gives a later second subscription the same summary (norms and best are not shared)', () => {
    const s = summary();
    scheduler().run((h) => {
      const src = h.cold<RunEvent>('a-b-c-d-(e|)', runEvents);
      twice(h, src, summarize(), '--------(s|)', { s }, 4);
    });
  });
});

describe('fromNdjson(lines): cold, per-subscription state (marbles)', () => {
  const lines = {
    a: encodeEvent(r),
    b: encodeEvent(s1),
    c: encodeEvent(s2),
    d: encodeEvent(s3),
    e: encodeEvent(end),
  };
  const parsed = JSON.parse(JSON.stringify(runEvents)) as typeof runEvents;

  it('completes', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold('a-b-c-d-(e|)', lines);
      expectObservable(fromNdjson(src)).toBe('a-b-c-d-(e|)', parsed);
      expectSubscriptions(src.subscriptions).toBe('^-------!');
    });
  });

  it("passes the source's error through, and errors with a ReplayError on a bad line", () => {
    scheduler().run(({ cold, expectObservable }) => {
      expectObservable(fromNdjson(cold('a-#', lines))).toBe('a-#', parsed);
      const bad = cold('a-x-c|', { ...lines, x: '{"type":"step"' });
      expectObservable(fromNdjson(bad, { source: 'r.ndjson' })).toBe(
        'a-#',
        parsed,
        new ReplayError('not valid JSON: "{\\"type\\":\\"step\\""', 2, 'r.ndjson'),
      );
    });
  });

  it('unsubscribes from the source when unsubscribed early', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold('a-b-c-d-(e|)', lines);
      expectObservable(fromNdjson(src), '^--!').toBe('a-b', parsed);
      expectSubscriptions(src.subscriptions).toBe('^--!');
    });
  });

  it('gives a later second subscription the same events (the line rules start afresh)', () => {
    scheduler().run((h) => {
      // A shared reader would reject the second subscription's header as "a second run".
      const src = h.cold('a-b-c-d-(e|)', lines);
      twice(h, src, (s) => fromNdjson(s), 'a-b-c-d-(e|)', parsed, 5);
    });
  });
});
