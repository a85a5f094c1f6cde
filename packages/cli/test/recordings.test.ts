// Hostile recordings against every command that reads them (replay, compare, plot): each case
// asserts the exit code, exactly one stderr line naming file:line (or the file) and what was
// expected, no stack trace, no bogus output before the error, and no file left behind by plot.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { clean, tmp } from './helpers.js';

type Cli = (argv: readonly string[], ctx: unknown) => Promise<number>;
const { cli } = (await import('../dist/main.js')) as { cli: Cli };

/** Runs the real `cli()` in this process (what bin/decaylab.js calls), with captured streams. */
async function run(args: readonly string[], { input = '' }: { input?: string | Buffer } = {}) {
  const stdin = new PassThrough();
  stdin.end(input);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => {
    out += d;
  });
  stderr.on('data', (d) => {
    err += d;
  });
  const ctx = { stdin, stdout, stderr, env: {}, color: false, width: 100, height: 30 };
  const code = await cli(args, ctx);
  await new Promise((r) => setImmediate(r));
  return { code, stdout: out, stderr: err };
}

const SPEC = {
  name: 'hostile',
  data: { kind: 'line', n: 12, nVal: 6 },
  model: { kind: 'mlp', hidden: [3], activation: 'tanh' },
  optimizer: { kind: 'sgd', lr: 0.1, weightDecay: 0.01 },
  steps: 8,
};

let dir: string;
let good: string[];
let goodFile: string;

beforeAll(async () => {
  dir = tmp();
  const spec = join(dir, 'spec.json');
  writeFileSync(spec, JSON.stringify(SPEC));
  const r = await run(['run', spec]);
  expect(r.code).toBe(0);
  good = r.stdout.trim().split('\n');
  expect(good).toHaveLength(10);
  goodFile = join(dir, 'good.ndjson');
  writeFileSync(goodFile, r.stdout);
});

type Json = Record<string, unknown> & { [k: string]: Record<string, unknown> };
/** The good recording with `edit` applied to its parsed events (line i+1 is es[i]). */
const edit =
  (f: (es: Json[]) => void) =>
  (g: string[]): string => {
    const es = g.map((l) => JSON.parse(l) as Json);
    f(es);
    return `${es.map((e) => JSON.stringify(e)).join('\n')}\n`;
  };
const lines =
  (f: (g: string[]) => string[]) =>
  (g: string[]): string =>
    `${f([...g]).join('\n')}\n`;
const step = (es: Json[], i: number) => es[i] as Json;

/** [name, content, the stderr message after `decaylab: bad.ndjson` (":N: reason" or ": reason")] */
const CASES: [string, (g: string[]) => string | Buffer, RegExp][] = [
  ['an empty file', () => '', /^: not a decaylab recording \(the input is empty\)$/],
  ['blank lines only', () => '\n \n\t\n\r\n', /^: not a decaylab recording \(only blank lines\)$/],
  [
    'binary bytes',
    () => Buffer.from([0, 1, 2, 255, 254, 10, 0x7b, 10]),
    /^:1: not a decaylab recording \(binary data on line 1\)$/,
  ],
  [
    'binary without a newline (not "cut off mid-write")',
    () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]),
    /^:1: not a decaylab recording \(binary data on line 1\)$/,
  ],
  [
    'a UTF-16 recording',
    (g) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(g.join('\n'), 'utf16le')]),
    /^:1: not a decaylab recording \(binary data on line 1\)$/,
  ],
  [
    'plain text',
    () => 'hello world\nsecond line\n',
    /^:1: not a decaylab recording \(line 1 is not a RunEvent: not valid JSON: "hello world"\)$/,
  ],
  [
    'a JSON array',
    () => '[1,2,3]\n',
    /^:1: not a decaylab recording \(line 1 is not a RunEvent: expected an event object, got an array of 3\)$/,
  ],
  [
    'some other JSON object',
    () => '{"name":"package","version":"1.0.0"}\n',
    /^:1: not a decaylab recording \(line 1 is not a RunEvent: type: expected "run", "step" or "end", got nothing\)$/,
  ],
  [
    'a header cut mid-write',
    (g) => (g[0] as string).slice(0, 60),
    /^:1: not a decaylab recording \(line 1 is not a RunEvent: not valid JSON/,
  ],
  [
    'steps without the header',
    lines((g) => g.slice(1)),
    /^:1: expected a "run" header first, got a "step" event$/,
  ],
  [
    'a header of another format version',
    edit((es) => {
      (es[0] as Json).version = 2;
    }),
    /^:1: recording format version 2 is not supported \(expected 1\)$/,
  ],
  [
    'a header with an invalid spec',
    edit((es) => {
      (es[0] as Json).spec.steps = -1;
    }),
    /^:1: spec: .*steps/,
  ],
  [
    "header shapes that are not the spec's model",
    edit((es) => {
      (es[0] as Json).shapes['0.weight'] = [4, 1];
    }),
    /^:1: shapes\.0\.weight: expected \[3, 1\] for the spec's model, got \[4,1\]$/,
  ],
  [
    'a header with a __proto__ shape',
    (g) => `${(g[0] as string).replace('"shapes":{', '"shapes":{"__proto__":[1],')}\n`,
    /^:1: shapes\.__proto__: not a parameter of the spec's model \(its parameters: 0\.weight, 0\.bias, 1\.weight, 1\.bias\)$/,
  ],
  [
    'a header with a constructor parameter',
    edit((es) => {
      (es[0] as Json).params.constructor = [1] as unknown as Json;
    }),
    /^:1: params\.constructor: not a parameter/,
  ],
  [
    'header params of the wrong length',
    edit((es) => {
      (es[0] as Json).params['1.bias'] = [0, 0] as unknown as Json;
    }),
    /^:1: params\.1\.bias: expected 1 values/,
  ],
  [
    'a parameter the header does not have',
    edit((es) => {
      step(es, 2).params.extra = [1] as unknown as Json;
    }),
    /^:3: params\.extra: not a parameter of this run \(its parameters: 0\.weight, 0\.bias, 1\.weight, 1\.bias\)$/,
  ],
  [
    'a __proto__ key in norms',
    (g) => lines((x) => x)(g).replace('"norms":{', '"norms":{"__proto__":1,'),
    /^:2: norms\.__proto__: not a parameter of this run/,
  ],
  [
    'a __proto__ key in grad',
    (g) => lines((x) => x)(g).replace('"grad":{', '"grad":{"__proto__":[1],'),
    /^:2: grad\.__proto__: not a parameter of this run/,
  ],
  [
    'a constructor key in norms',
    edit((es) => {
      step(es, 3).norms.constructor = 1 as unknown as Json;
    }),
    /^:4: norms\.constructor: not a parameter of this run/,
  ],
  [
    'a prototype key in params',
    edit((es) => {
      step(es, 1).params.prototype = [1] as unknown as Json;
    }),
    /^:2: params\.prototype: not a parameter of this run/,
  ],
  [
    'a mis-sized parameter',
    edit((es) => {
      (step(es, 3).params['0.weight'] as unknown as number[]).push(0.5);
    }),
    /^:4: params\.0\.weight: expected 3 values \(from the run header\), got 4$/,
  ],
  [
    'a parameter missing from grad',
    edit((es) => {
      delete step(es, 2).grad['1.weight'];
    }),
    /^:3: grad\.1\.weight: missing \(the run header has 0\.weight, 0\.bias, 1\.weight, 1\.bias\)$/,
  ],
  [
    'a norm missing',
    edit((es) => {
      delete step(es, 5).norms['0.bias'];
    }),
    /^:6: norms\.0\.bias: missing/,
  ],
  [
    'decayGrad naming an unknown parameter',
    edit((es) => {
      step(es, 2).decayGrad.w = [1] as unknown as Json;
    }),
    /^:3: decayGrad\.w: not a parameter of this run/,
  ],
  [
    'a string loss',
    edit((es) => {
      step(es, 4).loss.total = 'low';
    }),
    /^:5: loss\.total: expected a finite number, got "low"$/,
  ],
  [
    'a null in params',
    edit((es) => {
      (step(es, 2).params['0.bias'] as unknown as unknown[])[1] = null;
    }),
    /^:3: params\.0\.bias\[1\]: expected a finite number, got null$/,
  ],
  [
    'a string norm',
    edit((es) => {
      step(es, 2).norms['1.bias'] = 'big' as unknown as Json;
    }),
    /^:3: norms\.1\.bias: expected a finite number, got "big"$/,
  ],
  [
    'epoch 0',
    edit((es) => {
      step(es, 2).epoch = 0 as unknown as Json;
    }),
    /^:3: epoch: expected a positive integer, got 0$/,
  ],
  [
    'steps out of order',
    lines((g) => [g[0], g[1], g[3], g[2], ...g.slice(4)] as string[]),
    /^:4: step 2 out of order \(after step 3\)$/,
  ],
  [
    'a repeated step',
    lines((g) => [g[0], g[1], g[1], ...g.slice(2)] as string[]),
    /^:3: step 1 out of order \(after step 1\)$/,
  ],
  [
    'a step past the spec',
    edit((es) => {
      step(es, 8).step = 99 as unknown as Json;
    }),
    /^:9: step 99 is past the spec's 8 steps \(run header\)$/,
  ],
  [
    'a second header',
    lines((g) => [g[0], g[1], g[0], ...g.slice(2)] as string[]),
    /^:3: a second "run" header$/,
  ],
  [
    'an event after the end',
    lines((g) => [...g, g[8]] as string[]),
    /^:11: an event after the end event$/,
  ],
  [
    'an end claiming 999999 steps',
    edit((es) => {
      (es[9] as Json).steps = 999999;
    }),
    /^:10: end: steps 999999 is past the spec's 8 steps \(run header\)$/,
  ],
  [
    'an end with fewer steps than recorded',
    edit((es) => {
      (es[9] as Json).steps = 5;
    }),
    /^:10: end: steps 5, but step 8 was recorded$/,
  ],
  [
    'a completed end short of the spec',
    lines((g) => [...g.slice(0, 5), '{"type":"end","reason":"completed","steps":4}']),
    /^:6: end: completed after 4 steps, but the spec has 8$/,
  ],
  [
    'an unknown end reason',
    edit((es) => {
      (es[9] as Json).reason = 'bored';
    }),
    /^:10: reason: expected "completed", "diverged" or "cancelled", got "bored"$/,
  ],
  [
    'fractional end steps',
    edit((es) => {
      (es[9] as Json).steps = 7.5;
    }),
    /^:10: steps: expected an integer ≥ 0, got 7\.5$/,
  ],
  [
    'an unknown event type mid-file',
    lines((g) => [g[0], g[1], '{"type":"tick","step":2}', ...g.slice(2)] as string[]),
    /^:3: type: expected "run", "step" or "end", got "tick"$/,
  ],
  [
    'a broken line mid-file',
    lines((g) => [g[0], g[1], (g[2] as string).slice(0, 50), ...g.slice(3)] as string[]),
    /^:3: not valid JSON: "\{\\"type\\":\\"step\\",\\"step\\":2,\\"epoch…"$/,
  ],
  [
    'a JSON string mid-file',
    lines((g) => [g[0], '"hello"', ...g.slice(1)] as string[]),
    /^:2: expected an event object, got "hello"$/,
  ],
  [
    'a 1 MB garbage line mid-file',
    lines((g) => [g[0], g[1], 'x'.repeat(1 << 20), ...g.slice(2)] as string[]),
    /^:3: not valid JSON: "x{30}…"$/,
  ],
  [
    'deeply nested JSON mid-file',
    lines((g) => [g[0], `${'['.repeat(100_000)}${']'.repeat(100_000)}`, ...g.slice(1)] as string[]),
    /^:2: expected an event object, got an array of 1$/,
  ],
  [
    'a step with a field the first step did not have',
    edit((es) => {
      step(es, 4).extra = 1 as unknown as Json;
    }),
    /^:5: extra: not in the first step \(line 2\)/,
  ],
];

const OUTPUTS: Record<string, (file: string) => string[]> = {
  replay: (f) => ['replay', f, '--format', 'summary'],
  compare: (f) => ['compare', goodFile, f],
  plot: (f) => ['plot', f, '-o', join(dir, `${f.split('/').pop()}.svg`)],
};

describe('hostile recordings in replay, compare and plot', () => {
  let n = 0;
  for (const [what, content, message] of CASES) {
    for (const command of Object.keys(OUTPUTS)) {
      it(`${command}: ${what}`, async () => {
        // A strict replay (ndjson) needs nothing but step, so the field-set case reads the same.
        n += 1;
        const file = join(dir, `bad${n}.ndjson`);
        writeFileSync(file, content(good));
        const r = await run((OUTPUTS[command] as (f: string) => string[])(file));
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr.endsWith('\n')).toBe(true);
        expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
        const prefix = `decaylab: ${file}`;
        expect(r.stderr.startsWith(prefix), r.stderr).toBe(true);
        expect(r.stderr.slice(prefix.length).trimEnd()).toMatch(message);
        expect(clean(r.stderr)).toBe(true);
        if (command !== 'compare') expect(r.stdout, 'no output before the error').toBe('');
        if (command === 'plot') {
          expect(existsSync(join(dir, `bad${n}.ndjson.svg`))).toBe(false);
          expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
        }
      });
    }
  }
});

describe('cut-off recordings: every command uses the lines before the cut', () => {
  const cut = () => `${good.slice(0, 6).join('\n')}\n${(good[6] as string).slice(0, 70)}`;
  const message = /:7: truncated last line \(the recording was cut off mid-write\): not valid JSON/;

  it('replay replays them, then reports the cut (exit 1)', async () => {
    const file = join(dir, 'cut-replay.ndjson');
    writeFileSync(file, cut());
    const r = await run(['replay', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${good.slice(0, 6).join('\n')}\n`);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/\(the lines before it were replayed\)\n$/);
  });

  it('compare compares them, then reports the cut (exit 1)', async () => {
    const file = join(dir, 'cut-compare.ndjson');
    writeFileSync(file, cut());
    const r = await run(['compare', goodFile, file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ +2 +cut-compare +incomplete +5 /m);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('plot plots them, then reports the cut (exit 1)', async () => {
    const file = join(dir, 'cut-plot.ndjson');
    const svg = join(dir, 'cut-plot.svg');
    writeFileSync(file, cut());
    const r = await run(['plot', file, '-o', svg]);
    expect(r.code).toBe(1);
    expect(existsSync(svg)).toBe(true);
    expect(r.stderr).toMatch(message);
  });
});
