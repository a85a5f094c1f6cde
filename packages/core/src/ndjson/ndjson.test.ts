import fc from 'fast-check';
import { from, lastValueFrom, of, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { RunEvent, RunStartEvent } from '../events.js';
import { train } from '../train.js';
import { encodeEvent } from './encodeEvent.js';
import { fromNdjson } from './fromNdjson.js';
import { parseEvent } from './parseEvent.js';
import { ReplayError } from './replayError.js';

const spec = {
  data: { kind: 'line', n: 8, nVal: 4 },
  model: { kind: 'mlp', hidden: [3], activation: 'tanh' },
  optimizer: { kind: 'adamw', lr: 0.05 },
  steps: 5,
};
const events = () => {
  const out: RunEvent[] = [];
  train(spec).subscribe((e) => out.push(e));
  return out;
};
const lines = () => events().map(encodeEvent);
/** The run header of `spec` with its paramHyper replaced. */
const runLine = (paramHyper: unknown) => JSON.stringify({ ...events()[0], paramHyper });

describe('encodeEvent / parseEvent', () => {
  it('round-trips every event exactly, floats included', () => {
    for (const [i, e] of events().entries()) expect(parseEvent(encodeEvent(e), i + 1)).toEqual(e);
  });

  it('round-trips any finite double bit for bit', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const e = { type: 'end', reason: 'completed', steps: 1, x } as unknown as RunEvent;
        const back = parseEvent(encodeEvent(e), 1) as unknown as { x: number };
        expect(Object.is(back.x, x === 0 ? 0 : x) || (x === 0 && back.x === 0)).toBe(true);
      }),
    );
  });

  it('ignores a UTF-8 BOM and a trailing CR', () => {
    const line = encodeEvent(events()[1] as RunEvent);
    expect(parseEvent(`\uFEFF${line}\r`, 1)).toEqual(events()[1]);
  });

  const BAD: [string, string, RegExp][] = [
    ['garbage', 'hello', /^f\.ndjson:7: not valid JSON: "hello"/],
    ['a truncated line', '{"type":"step","step":1,"los', /not valid JSON/],
    ['an array', '[1,2]', /expected an event object, got an array of 2/],
    ['an unknown type', '{"type":"tick"}', /type: expected "run", "step" or "end", got "tick"/],
    [
      'another version',
      '{"type":"run","version":2,"spec":{},"shapes":{}}',
      /format version 2 is not supported \(expected 1\)/,
    ],
    [
      'a bad spec in the header',
      '{"type":"run","version":1,"spec":{"steps":0},"shapes":{}}',
      /spec: .*steps/,
    ],
    [
      'a non-numeric loss',
      '{"type":"step","step":1,"epoch":1,"lr":0.1,"loss":{"data":"x","penalty":0,"total":0}}',
      /loss\.data: expected a finite number, got "x"/,
    ],
    ['a step of 0', '{"type":"step","step":0}', /step: expected a positive integer, got 0/],
    [
      'a null in params',
      '{"type":"step","step":1,"epoch":1,"lr":0.1,"loss":{"data":1,"penalty":0,"total":1},"grad":{},"params":{"w":[1,null]}}',
      /params\.w\[1\]: expected a finite number, got null/,
    ],
    ['an unknown end reason', '{"type":"end","reason":"bored","steps":1}', /reason: expected/],
    [
      'a run header whose paramHyper has a non-numeric lr',
      runLine({ '0.weight': { lr: 'fast', weightDecay: 0 } }),
      /paramHyper\.0\.weight\.lr: expected a finite number, got "fast"/,
    ],
    [
      'a run header whose paramHyper names no parameter of the model',
      runLine({ weight: { lr: 0.1, weightDecay: 0 } }),
      /paramHyper\.weight: not a parameter of the spec's model/,
    ],
    [
      'a run header whose paramHyper is not an object',
      runLine([1]),
      /paramHyper: expected an object of \{lr, weightDecay\}, got an array of 1/,
    ],
  ];
  for (const [what, line, message] of BAD) {
    it(`rejects ${what} with file:line`, () => {
      expect(() => parseEvent(line, 7, 'f.ndjson')).toThrow(ReplayError);
      expect(() => parseEvent(line, 7, 'f.ndjson')).toThrow(message);
    });
  }
});

describe('the run header', () => {
  it("carries each parameter's resolved lr and weightDecay, and reads back without it (older recordings)", () => {
    const run = events()[0] as RunStartEvent;
    expect(run.paramHyper).toEqual({
      '0.weight': { lr: 0.05, weightDecay: 0.01 },
      '0.bias': { lr: 0.05, weightDecay: 0.01 },
      '1.weight': { lr: 0.05, weightDecay: 0.01 },
      '1.bias': { lr: 0.05, weightDecay: 0.01 },
    });
    const { paramHyper: _, ...older } = run;
    expect(parseEvent(JSON.stringify(older), 1)).toEqual(older);
  });
});

describe('fromNdjson', () => {
  const read = (ls: string[], opts = {}) =>
    lastValueFrom(fromNdjson(from(ls), opts).pipe(toArray()));
  async function* iterate(ls: string[]) {
    for (const l of ls) yield l;
  }

  it('reads a recording from an Observable or an AsyncIterable of lines, skipping blank lines', async () => {
    expect(await read(['', ...lines(), ''])).toEqual(events());
    expect(await lastValueFrom(fromNdjson(iterate(lines())).pipe(toArray()))).toEqual(events());
  });

  it('requires the run header first', async () => {
    await expect(read(lines().slice(1), { source: 'r.ndjson' })).rejects.toThrow(
      'r.ndjson:1: expected a "run" header first',
    );
  });

  it('rejects steps out of order, a second header, and events after the end', async () => {
    const ls = lines();
    await expect(read([ls[0], ls[2], ls[1]] as string[])).rejects.toThrow(
      'line 3: step 1 out of order (after step 2)',
    );
    await expect(read([ls[0], ls[0]] as string[])).rejects.toThrow('line 2: a second "run" header');
    await expect(read([...ls, ls[1]] as string[])).rejects.toThrow(
      `line ${ls.length + 1}: an event after the end event`,
    );
  });

  it('with skipInvalid, reports and skips bad lines but keeps the good ones', async () => {
    const skipped: ReplayError[] = [];
    const ls = lines();
    const got = await read(
      [ls[0], 'garbage', ...ls.slice(1, -1), '{"type":"step","st'] as string[],
      {
        skipInvalid: true,
        onSkip: (e: ReplayError) => skipped.push(e),
      },
    );
    expect(got).toEqual(events().slice(0, -1));
    expect(skipped.map((e) => e.line)).toEqual([2, ls.length + 1]);
  });

  it('passes errors of the source through and stops reading on unsubscribe', async () => {
    let pulled = 0;
    async function* endless() {
      const [head, step] = lines();
      yield head as string;
      for (let i = 1; ; i++) {
        pulled++;
        yield (step as string).replace('"step":1,', `"step":${i},`);
      }
    }
    const got = await lastValueFrom(fromNdjson(endless()).pipe(take(4), toArray()));
    expect(got).toHaveLength(4);
    await new Promise((r) => setTimeout(r, 10));
    expect(pulled).toBeLessThan(6);
    await expect(lastValueFrom(fromNdjson(of('{"type":"end"'), { source: 'x' }))).rejects.toThrow(
      'x:1: not a decaylab recording (line 1 is not a RunEvent: not valid JSON',
    );
  });
});

describe('encodeEvent and control characters', () => {
  it('escapes every control character of the header, and the line still round-trips', () => {
    const name = 'a\u001b]0;title\u0007b\u009b2Jc\u202ed\u2028e';
    const header = { ...(events()[0] as RunEvent), spec: { ...spec, name } } as RunEvent;
    const line = encodeEvent(header);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it matches
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    expect((JSON.parse(line) as { spec: { name: string } }).spec.name).toBe(name);
  });
});
