import { from, lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../events.js';
import { train } from '../train.js';
import { encodeEvent } from './encodeEvent.js';
import { fromNdjson } from './fromNdjson.js';
import { parseEvent } from './parseEvent.js';
import { recordingReader, TruncatedError } from './recordingReader.js';
import { NotARecordingError, ReplayError } from './replayError.js';

const spec = {
  name: 'mlp',
  data: { kind: 'line', n: 8, nVal: 4 },
  model: { kind: 'mlp', hidden: [3], activation: 'tanh' },
  optimizer: { kind: 'adamw', lr: 0.05, weightDecay: 0.1 },
  steps: 6,
};
const events = (s: object = spec) => {
  const out: RunEvent[] = [];
  train(s).subscribe((e) => out.push(e));
  return out;
};
type Json = Record<string, unknown>;
const records = () => events().map((e) => JSON.parse(encodeEvent(e)) as Json);
/** The recording's lines after `edit` changed the parsed events. */
const edited = (edit: (es: Json[]) => void) => {
  const es = records();
  edit(es);
  return es.map((e) => JSON.stringify(e));
};
const readAll = (lines: string[], options = {}) => {
  const read = recordingReader({ source: 'r.ndjson', ...options });
  const out: RunEvent[] = [];
  lines.forEach((l, i) => {
    const e = read(l, { last: i === lines.length - 1 });
    if (e) out.push(e);
  });
  read.finish();
  return out;
};
const step = (es: Json[], i = 1) => es[i] as Json & { [k: string]: Json };

describe('recordingReader: steps against the run header', () => {
  it('reads a real recording, every event', () => {
    expect(readAll(events().map(encodeEvent))).toEqual(events());
  });

  // [what, edit, the message (file:line: …)]
  const CASES: [string, (es: Json[]) => void, RegExp][] = [
    [
      'an extra parameter in params',
      (es) => {
        step(es).params.extra = [1];
      },
      /^r\.ndjson:2: params\.extra: not a parameter of this run \(its parameters: 0\.weight, 0\.bias, 1\.weight, 1\.bias\)$/,
    ],
    [
      'a missing parameter in grad',
      (es) => {
        delete step(es).grad['1.bias'];
      },
      /^r\.ndjson:2: grad\.1\.bias: missing \(the run header has/,
    ],
    [
      'a mis-sized parameter',
      (es) => {
        (step(es, 3).params['0.weight'] as unknown as number[]).push(1);
      },
      /^r\.ndjson:4: params\.0\.weight: expected 3 values \(from the run header\), got 4$/,
    ],
    [
      'a __proto__ key in norms',
      (es) => {
        step(es).norms = JSON.parse('{"__proto__": 1}');
      },
      /^r\.ndjson:2: norms\[?"?\.?__proto__"?\]?: not a parameter of this run/,
    ],
    [
      'a constructor key in grad',
      (es) => {
        step(es).grad.constructor = [1] as unknown as Json;
      },
      /^r\.ndjson:2: grad\.constructor: not a parameter of this run/,
    ],
    [
      'a __proto__ parameter in the header shapes',
      (es) => {
        (es[0] as Json).shapes = JSON.parse('{"__proto__":[1],"0.weight":[3,1]}');
      },
      /^r\.ndjson:1: shapes\.__proto__: not a parameter of the spec's model/,
    ],
    [
      'header shapes that are not the model’s',
      (es) => {
        ((es[0] as Json).shapes as Json)['0.weight'] = [4, 1];
      },
      /^r\.ndjson:1: shapes\.0\.weight: expected \[3, 1\] for the spec's model, got \[4,1\]$/,
    ],
    [
      'a missing shape',
      (es) => {
        delete ((es[0] as Json).shapes as Json)['1.bias'];
      },
      /^r\.ndjson:1: shapes\.1\.bias: missing/,
    ],
    [
      'header params of the wrong length',
      (es) => {
        ((es[0] as Json).params as Json)['1.bias'] = [0, 0];
      },
      /^r\.ndjson:1: params\.1\.bias: expected 1 values/,
    ],
    [
      'an end with more steps than recorded and than the spec',
      (es) => {
        (es.at(-1) as Json).steps = 999999;
      },
      /^r\.ndjson:8: end: steps 999999 is past the spec's 6 steps \(run header\)$/,
    ],
    [
      'an end with fewer steps than recorded',
      (es) => {
        (es.at(-1) as Json).steps = 3;
      },
      /^r\.ndjson:8: end: steps 3, but step 6 was recorded$/,
    ],
    [
      'a completed end short of the spec',
      (es) => {
        es.splice(5, 3, { type: 'end', reason: 'completed', steps: 4 });
      },
      /^r\.ndjson:6: end: completed after 4 steps, but the spec has 6$/,
    ],
    [
      'a step past the spec',
      (es) => {
        step(es, 6).step = 7;
      },
      /^r\.ndjson:7: step 7 is past the spec's 6 steps/,
    ],
    [
      'a diverged end at a step already recorded',
      (es) => {
        es.splice(-1, 1, { type: 'end', reason: 'diverged', steps: 6, step: 2 });
      },
      /^r\.ndjson:8: end: diverged at step 2, expected a step after 6/,
    ],
  ];
  for (const [what, edit, message] of CASES) {
    it(`rejects ${what}`, () => {
      const lines = edited(edit);
      expect(() => readAll(lines)).toThrow(ReplayError);
      expect(() => readAll(lines)).toThrow(message);
    });
  }

  it('accepts a cancelled end at the last step and a diverged end after it', () => {
    expect(() =>
      readAll(edited((es) => es.splice(4, 4, { type: 'end', reason: 'cancelled', steps: 3 }))),
    ).not.toThrow();
    expect(() =>
      readAll(
        edited((es) => es.splice(4, 4, { type: 'end', reason: 'diverged', steps: 3, step: 4 })),
      ),
    ).not.toThrow();
  });
});

describe('recordingReader: what is not a recording', () => {
  const NOT: [string, string[], RegExp][] = [
    ['an empty input', [], /^r\.ndjson: not a decaylab recording \(the input is empty\)$/],
    [
      'blank lines only',
      ['', '  ', '\r'],
      /^r\.ndjson: not a decaylab recording \(only blank lines\)$/,
    ],
    [
      'binary',
      ['\u0000\u0001\uFFFDgarbage'],
      /^r\.ndjson:1: not a decaylab recording \(binary data on line 1\)$/,
    ],
    [
      'text',
      ['hello world', 'more'],
      /^r\.ndjson:1: not a decaylab recording \(line 1 is not a RunEvent: not valid JSON/,
    ],
    [
      'another JSON',
      ['{"name":"x"}'],
      /^r\.ndjson:1: not a decaylab recording \(line 1 is not a RunEvent: type: expected/,
    ],
    [
      'a JSON array',
      ['[1,2,3]'],
      /^r\.ndjson:1: not a decaylab recording \(line 1 is not a RunEvent: expected an event object/,
    ],
  ];
  for (const [what, lines, message] of NOT) {
    it(`says so for ${what}`, () => {
      expect(() => readAll(lines)).toThrow(NotARecordingError);
      expect(() => readAll(lines)).toThrow(message);
    });
  }

  it('a header cut mid-write is not a recording either (nothing before it to keep)', () => {
    const head = encodeEvent(events()[0] as RunEvent).slice(0, 50);
    expect(() => readAll([head])).toThrow(NotARecordingError);
  });

  it('a cut last line after the header is a TruncatedError, after the events before it', () => {
    const lines = events().map(encodeEvent);
    const cut = [...lines.slice(0, 4), (lines[4] as string).slice(0, 20)];
    const read = recordingReader({ source: 'r.ndjson' });
    const got: RunEvent[] = [];
    expect(() =>
      cut.forEach((l, i) => {
        const e = read(l, { last: i === cut.length - 1 });
        if (e) got.push(e);
      }),
    ).toThrow(TruncatedError);
    expect(got).toHaveLength(4);
  });

  it('fromNdjson errors the same way for blank input and skips to the end with skipInvalid', async () => {
    await expect(lastValueFrom(fromNdjson(from(['', '']), { source: 'b' }))).rejects.toThrow(
      'b: not a decaylab recording (only blank lines)',
    );
    const skipped: number[] = [];
    await expect(
      lastValueFrom(
        fromNdjson(from(['garbage', 'more']), {
          source: 'g',
          skipInvalid: true,
          onSkip: (e) => skipped.push(e.line),
        }),
      ),
    ).rejects.toThrow('g: not a decaylab recording (no readable "run" header)');
    expect(skipped).toEqual([1, 2]);
  });
});

describe('recordingReader: --fields recordings', () => {
  const partial = () =>
    events().map((e) =>
      e.type === 'step'
        ? JSON.stringify({ type: 'step', step: e.step, loss: e.loss, norms: e.norms })
        : encodeEvent(e),
    );

  it('by default, names the missing field and suggests --fields', () => {
    expect(() => readAll(partial())).toThrow(
      /^r\.ndjson:2: epoch: missing \(a step event has step, epoch, lr, loss, grad, params, norms; this one has only step, loss, norms: was it written with --fields\?\)$/,
    );
  });

  it('reads what is there when the reader needs only those fields', () => {
    const got = readAll(partial(), { needs: ['loss', 'norms'] });
    expect(got.filter((e) => e.type === 'step')).toHaveLength(6);
  });

  it('says which fields a purpose needs', () => {
    expect(() =>
      readAll(partial(), { needs: ['lr', 'loss'], purpose: 'replay --format csv' }),
    ).toThrow(
      /^r\.ndjson:2: lr: missing \(replay --format csv needs step, lr, loss; this event has only step, loss, norms: the recording was made with --fields\)$/,
    );
  });

  it('every step has the fields of the first', () => {
    const lines = partial();
    lines[3] = (lines[3] as string).replace(/,"norms":\{[^}]*\}/, '');
    expect(() => readAll(lines, { needs: [] })).toThrow(
      /^r\.ndjson:4: norms: missing \(the first step, line 2, has it\)$/,
    );
    const more = partial();
    more[2] = (more[2] as string).replace('{"type":"step",', '{"type":"step","lr":0.1,');
    expect(() => readAll(more, { needs: [] })).toThrow(
      /^r\.ndjson:3: lr: not in the first step \(line 2\)/,
    );
  });

  it('still checks the fields that are there against the header', () => {
    const lines = partial();
    lines[2] = (lines[2] as string).replace('"0.weight"', '"0.weights"');
    expect(() => readAll(lines, { needs: [] })).toThrow(
      /^r\.ndjson:3: norms\.0\.weights: not a parameter/,
    );
  });
});

describe('parseEvent on its own', () => {
  it('refuses reserved keys even without a header', () => {
    const e = JSON.parse(encodeEvent(events()[1] as RunEvent));
    e.norms = JSON.parse('{"__proto__":1}');
    expect(() => parseEvent(JSON.stringify(e), 2, 'f')).toThrow(
      /norms.*__proto__.*not a parameter/,
    );
  });

  it('parses a 2 MB line (a wide model) without trouble', () => {
    const wide = events({
      ...spec,
      model: { kind: 'mlp', hidden: [200, 200], activation: 'tanh' },
      steps: 1,
    });
    const line = encodeEvent(wide[1] as RunEvent);
    expect(line.length).toBeGreaterThan(1_000_000);
    expect(readAll(wide.map(encodeEvent))).toHaveLength(3);
  });
});
