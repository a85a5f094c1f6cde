import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clean, decaylab, decaylabAsync, tmp } from './helpers.js';

let dir: string;
let rec: string;
let text: string;

beforeAll(() => {
  dir = tmp();
  rec = join(dir, 'r.ndjson');
  const r = decaylab(['run', 'line', '--steps', '40', '--out', rec, '--format', 'summary']);
  expect(r.code).toBe(0);
  text = readFileSync(rec, 'utf8');
});

const steps = (ndjson: string) =>
  ndjson
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((e) => e.type === 'step')
    .map((e) => e.step);

describe('decaylab replay', () => {
  it('round trip: run --out r.ndjson, then replay --speed max --format ndjson is byte-identical', () => {
    const r = decaylab(['replay', rec, '--speed', 'max', '--format', 'ndjson']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(text);
  });

  it('round trip of a long run with an MLP (many parameters)', () => {
    const long = join(dir, 'long.ndjson');
    expect(
      decaylab(['run', 'adamw', '--steps', '1500', '--out', long, '--format', 'summary']).code,
    ).toBe(0);
    expect(decaylab(['replay', long, '--speed', 'max']).stdout).toBe(readFileSync(long, 'utf8'));
  });

  it('writes NDJSON by default when stdout is not a TTY', () => {
    expect(decaylab(['replay', rec]).stdout).toBe(text);
  });

  it('reads a recording from stdin with -', () => {
    expect(decaylab(['replay', '-'], { input: text }).stdout).toBe(text);
  });

  it('--from and --to keep steps in the range (run header and end pass)', () => {
    const r = decaylab(['replay', rec, '--from', '10', '--to', '13']);
    expect(steps(r.stdout)).toEqual([10, 11, 12, 13]);
    const lines = r.stdout.trim().split('\n');
    expect(JSON.parse(lines[0] as string).type).toBe('run');
    expect(JSON.parse(lines.at(-1) as string).type).toBe('end');
    expect(decaylab(['replay', rec, '--from', '5', '--to', '2']).code).toBe(2);
  });

  it('--every keeps every N-th step and the last', () => {
    expect(steps(decaylab(['replay', rec, '--every', '15']).stdout)).toEqual([15, 30, 40]);
  });

  it('--speed X paces the replay and gives the same output', () => {
    const r = decaylab(['replay', rec, '--speed', '100', '--format', 'ndjson']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(text);
    expect(decaylab(['replay', rec, '--speed', '0']).code).toBe(2);
  });

  it('--format csv, table and summary are the same as from run', () => {
    for (const format of ['csv', 'table', 'summary']) {
      const replayed = decaylab(['replay', rec, '--format', format]);
      const live = decaylab(['run', 'line', '--steps', '40', '--format', format]);
      expect(replayed.code).toBe(0);
      expect(replayed.stdout, format).toBe(live.stdout);
    }
  });

  it('Ctrl-C stops a paced replay with the summary of what was shown (exit 130)', async () => {
    const { child, done } = decaylabAsync([
      'replay',
      rec,
      '--speed',
      '0.05',
      '--format',
      'summary',
    ]);
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGINT');
    const r = await done;
    expect(r.code).toBe(130);
    expect(r.stdout).toMatch(/^run {9}line: incomplete \(no end event\) after \d+ steps/);
  });

  it('--fields', () => {
    const r = decaylab(['replay', rec, '--fields', 'step,val', '--to', '1']);
    expect(JSON.parse(r.stdout.split('\n')[1] as string)).toEqual({
      type: 'step',
      step: 1,
      val: { loss: expect.any(Number) },
    });
  });
});

/** A malformed recording: its text, and what replay must say and do. */
interface Case {
  name: string;
  text: (good: string[]) => string | Buffer;
  code: number;
  stderr?: RegExp;
  /** Check stdout (the good lines still replayed, for example). */
  stdout?: (out: string, good: string[]) => void;
}

const CASES: Case[] = [
  {
    name: 'empty file',
    text: () => '',
    code: 1,
    stderr: /bad\.ndjson: not a decaylab recording \(the input is empty\)/,
  },
  {
    name: 'only blank lines',
    text: () => '\n\n  \n',
    code: 1,
    stderr: /bad\.ndjson: not a decaylab recording \(only blank lines\)/,
  },
  {
    name: 'garbage text',
    text: () => 'hello world\n',
    code: 1,
    stderr:
      /bad\.ndjson:1: not a decaylab recording \(line 1 is not a RunEvent: not valid JSON: "hello world"/,
  },
  {
    name: 'binary garbage',
    text: () => Buffer.from([0, 1, 2, 255, 254, 10, 0x7b, 10]),
    code: 1,
    stderr: /bad\.ndjson:1: not a decaylab recording \(binary data on line 1\)/,
  },
  {
    name: 'truncated last line: reported, the good lines before it still replayed',
    text: (g) => `${g.slice(0, 5).join('\n')}\n${(g[5] as string).slice(0, 40)}`,
    code: 1,
    stderr:
      /bad\.ndjson:6: truncated last line \(the recording was cut off mid-write\).*\(the lines before it were replayed\)/,
    stdout: (out, g) => expect(out).toBe(`${g.slice(0, 5).join('\n')}\n`),
  },
  {
    name: 'missing run header',
    text: (g) => `${g.slice(1).join('\n')}\n`,
    code: 1,
    stderr: /bad\.ndjson:1: expected a "run" header first, got a "step" event/,
  },
  {
    name: 'wrong format version',
    text: (g) =>
      `${[(g[0] as string).replace('"version":1', '"version":2'), ...g.slice(1)].join('\n')}\n`,
    code: 1,
    stderr: /bad\.ndjson:1: recording format version 2 is not supported \(expected 1\)/,
  },
  {
    name: 'a step out of order',
    text: (g) => `${[g[0], g[2], g[1], ...g.slice(3)].join('\n')}\n`,
    code: 1,
    stderr: /bad\.ndjson:3: step 1 out of order \(after step 2\)/,
    stdout: (out, g) => expect(out).toBe(`${g[0]}\n${g[2]}\n`),
  },
  {
    name: 'a repeated step',
    text: (g) => `${[g[0], g[1], g[1], ...g.slice(2)].join('\n')}\n`,
    code: 1,
    stderr: /bad\.ndjson:3: step 1 out of order \(after step 1\)/,
  },
  {
    name: 'a non-numeric loss',
    text: (g) =>
      `${[g[0], (g[1] as string).replace(/"loss":\{"data":[^,]+/, '"loss":{"data":"abc"'), ...g.slice(2)].join('\n')}\n`,
    code: 1,
    stderr: /bad\.ndjson:2: loss\.data: expected a finite number, got "abc"/,
  },
  {
    name: 'null inside params',
    text: (g) =>
      `${[g[0], (g[1] as string).replace(/"params":\{"weight":\[[^\]]+\]/, '"params":{"weight":[null]'), ...g.slice(2)].join('\n')}\n`,
    code: 1,
    stderr: /bad\.ndjson:2: params\.weight\[0\]: expected a finite number, got null/,
  },
  {
    name: 'an overflowing number (1e999)',
    text: (g) =>
      `${[g[0], (g[1] as string).replace(/"lr":[^,]+/, '"lr":1e999'), ...g.slice(2)].join('\n')}\n`,
    code: 1,
    stderr: /bad\.ndjson:2: lr: expected a finite number, got Infinity/,
  },
  {
    name: 'a UTF-8 BOM: handled, same output',
    text: (g) => `\uFEFF${g.join('\n')}\n`,
    code: 0,
    stdout: (out, g) => expect(out).toBe(`${g.join('\n')}\n`),
  },
  {
    name: 'CRLF line ends: handled, same output',
    text: (g) => `${g.join('\r\n')}\r\n`,
    code: 0,
    stdout: (out, g) => expect(out).toBe(`${g.join('\n')}\n`),
  },
  {
    name: 'blank lines between events: ignored',
    text: (g) => `${g.join('\n\n')}\n\n`,
    code: 0,
    stdout: (out, g) => expect(out).toBe(`${g.join('\n')}\n`),
  },
  {
    name: 'no trailing newline after a complete last line: fine',
    text: (g) => g.join('\n'),
    code: 0,
    stdout: (out, g) => expect(out).toBe(`${g.join('\n')}\n`),
  },
  {
    name: 'an event after the end event',
    text: (g) => `${[...g, g[1]].join('\n')}\n`,
    code: 1,
    stderr: /bad\.ndjson:\d+: an event after the end event/,
  },
  {
    name: 'a second run header',
    text: (g) => `${[g[0], g[1], g[0], ...g.slice(2)].join('\n')}\n`,
    code: 1,
    stderr: /bad\.ndjson:3: a second "run" header/,
  },
  {
    name: 'an unknown event type',
    text: (g) => `${[g[0], '{"type":"tick","step":1}', ...g.slice(1)].join('\n')}\n`,
    code: 1,
    stderr: /bad\.ndjson:2: type: expected "run", "step" or "end", got "tick"/,
  },
  {
    name: 'a JSON array instead of an event',
    text: (g) => `${[g[0], '[1,2,3]', ...g.slice(1)].join('\n')}\n`,
    code: 1,
    stderr: /bad\.ndjson:2: expected an event object, got an array of 3/,
  },
  {
    name: 'an invalid spec in the run header',
    text: (g) => `${[(g[0] as string).replace('"lr":0.1', '"lr":-1'), ...g.slice(1)].join('\n')}\n`,
    code: 1,
    stderr: /bad\.ndjson:1: spec: optimizer\.lr: expected a positive finite number, got -1/,
  },
  {
    name: 'a bad end reason',
    text: (g) => `${[...g.slice(0, -1), '{"type":"end","reason":"bored","steps":3}'].join('\n')}\n`,
    code: 1,
    stderr: /bad\.ndjson:\d+: reason: expected "completed", "diverged" or "cancelled", got "bored"/,
  },
  {
    name: 'a missing end event (cut at a line boundary): replayed with a note',
    text: (g) => `${g.slice(0, -1).join('\n')}\n`,
    code: 0,
    stderr: /bad\.ndjson: no "end" event: the recording is incomplete/,
  },
  {
    name: 'a step with a missing field',
    text: (g) =>
      `${[g[0], (g[1] as string).replace(/,"norms":\{[^}]*\}/, ''), ...g.slice(2)].join('\n')}\n`,
    code: 1,
    stderr: /bad\.ndjson:3: norms: not in the first step \(line 2\)/,
  },
];

describe('replay of malformed recordings', () => {
  let good: string[];
  beforeAll(() => {
    good = decaylab(['run', 'line', '--steps', '8']).stdout.trim().split('\n');
  });

  it('has at least 15 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(15));

  it.each(CASES)('$name', (c) => {
    const file = join(tmp(), 'bad.ndjson');
    writeFileSync(file, c.text(good));
    const r = decaylab(['replay', file, '--format', 'ndjson']);
    expect(r.code, r.stderr).toBe(c.code);
    expect(clean(r.stderr), r.stderr).toBe(true);
    if (c.stderr) expect(r.stderr).toMatch(c.stderr);
    else expect(r.stderr).toBe('');
    if (c.code !== 0) expect(r.stderr.trim().split('\n')).toHaveLength(1);
    c.stdout?.(r.stdout, good);
  });

  it('--skip-invalid goes on and reports how many lines it skipped', () => {
    const file = join(tmp(), 'bad.ndjson');
    writeFileSync(
      file,
      `${[good[0], 'garbage', good[1], '{"type":"step"}', ...good.slice(2)].join('\n')}\n`,
    );
    const r = decaylab(['replay', file, '--skip-invalid']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${good.join('\n')}\n`);
    expect(r.stderr).toBe(
      `decaylab: skipped 2 invalid lines (first: ${file}:2: not valid JSON: "garbage")\n`,
    );
  });

  it('a truncated last line with --format summary still summarizes the good lines', () => {
    const file = join(tmp(), 'cut.ndjson');
    writeFileSync(file, `${good.slice(0, 6).join('\n')}\n{"type":"step","st`);
    const r = decaylab(['replay', file, '--format', 'summary']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('after 5 steps');
    expect(r.stderr).toContain('cut.ndjson:7: truncated last line');
  });

  it('a missing file and a directory fail cleanly', () => {
    expect(decaylab(['replay', join(tmp(), 'nope.ndjson')]).stderr).toMatch(
      /nope\.ndjson: no such file/,
    );
    const d = decaylab(['replay', tmp()]);
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/: is a directory \(expected a file\)$/m);
  });
});
