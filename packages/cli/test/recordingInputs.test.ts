// Where recordings come from (files, FIFOs, /dev/stdin, pipes still being written, folders,
// missing or unreadable paths) and what every reading command prints about them: control
// characters, empty ranges, diverged runs, huge changes, --fields recordings, closed pipes and
// full disks. The binary runs as a child process, as a user runs it.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, clean, decaylab, tmp } from './helpers.js';

let dir: string;
let good: string;
let text: string;

const SPEC = {
  name: 'inputs',
  data: { kind: 'line', n: 12, nVal: 6 },
  model: { kind: 'mlp', hidden: [3], activation: 'tanh' },
  optimizer: { kind: 'sgd', lr: 0.1, weightDecay: 0.01 },
  steps: 8,
};

beforeAll(() => {
  dir = tmp();
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(SPEC));
  good = join(dir, 'good.ndjson');
  expect(decaylab(['run', join(dir, 'spec.json'), '--out', good, '--format', 'summary']).code).toBe(
    0,
  );
  text = readFileSync(good, 'utf8');
});

const COMMANDS: Record<string, (file: string) => string[]> = {
  replay: (f) => ['replay', f, '--format', 'summary'],
  compare: (f) => ['compare', good, f],
  plot: (f) => ['plot', f, '-o', join(dir, 'out.svg')],
};

/** Exactly one stderr line, the given message, no stack trace. */
function oneLine(stderr: string, message: RegExp): void {
  expect(stderr.trimEnd().split('\n'), stderr).toHaveLength(1);
  expect(stderr).toMatch(message);
  expect(clean(stderr)).toBe(true);
}

/** Runs a shell command line with the binary as $D. */
function sh(line: string, input?: string) {
  return spawnSync('sh', ['-c', line], {
    encoding: 'utf8',
    env: { ...process.env, D: bin, NODE: process.execPath, NO_COLOR: '' },
    ...(input !== undefined ? { input } : {}),
  });
}

describe('paths that are not readable recordings: the same one line in every command', () => {
  for (const [command, args] of Object.entries(COMMANDS)) {
    it(`${command}: a directory`, () => {
      const r = decaylab(args(dir));
      expect(r.code).toBe(1);
      oneLine(r.stderr, /^decaylab: .+: is a directory \(expected a file\)\n$/);
    });
    it(`${command}: a missing file`, () => {
      const r = decaylab(args(join(dir, 'nope.ndjson')));
      expect(r.code).toBe(1);
      oneLine(r.stderr, /^decaylab: .+nope\.ndjson: no such file\n$/);
    });
    it(`${command}: a path through a file`, () => {
      const r = decaylab(args(join(good, 'x.ndjson')));
      expect(r.code).toBe(1);
      oneLine(
        r.stderr,
        /good\.ndjson\/x\.ndjson: no such file \(a part of the path is not a folder\)\n$/,
      );
    });
    it.skipIf(process.getuid?.() === 0)(
      `${command}: an unreadable file (skipped as root: root reads anything)`,
      () => {
        const f = join(dir, `locked-${command}.ndjson`);
        writeFileSync(f, text);
        chmodSync(f, 0);
        const r = decaylab(args(f));
        expect(r.code).toBe(1);
        oneLine(r.stderr, /locked-\w+\.ndjson: permission denied\n$/);
      },
    );
  }

  it('run: a spec that is a directory is exit 1 (an unreadable file), not a usage error', () => {
    const r = decaylab(['run', dir]);
    expect(r.code).toBe(1);
    oneLine(r.stderr, /: is a directory \(expected a file\)\n$/);
  });

  it.skipIf(process.getuid?.() === 0)('run: an unreadable spec is exit 1 (skipped as root)', () => {
    const f = join(dir, 'locked-spec.json');
    writeFileSync(f, JSON.stringify(SPEC));
    chmodSync(f, 0);
    const r = decaylab(['run', f]);
    expect(r.code).toBe(1);
    oneLine(r.stderr, /locked-spec\.json: permission denied\n$/);
  });
});

describe('FIFOs, /dev/stdin and pipes are read as they arrive', () => {
  for (const [command, args] of Object.entries(COMMANDS)) {
    it(`${command} reads a FIFO, and says "not a recording" for one carrying text`, () => {
      const fifo = join(dir, `${command}.fifo`);
      spawnSync('mkfifo', [fifo]);
      const ok = sh(
        `cat "${good}" > "${fifo}" & "$NODE" "$D" ${args(fifo)
          .map((a) => `"${a}"`)
          .join(' ')}`,
      );
      expect(ok.status, ok.stderr).toBe(0);
      const bad = sh(
        `echo hello > "${fifo}" & "$NODE" "$D" ${args(fifo)
          .map((a) => `"${a}"`)
          .join(' ')}`,
      );
      expect(bad.status).toBe(1);
      oneLine(
        bad.stderr,
        /\.fifo:1: not a decaylab recording \(line 1 is not a RunEvent: not valid JSON: "hello"\)\n$/,
      );
    });

    it(`${command} reads /dev/stdin, from a shell pipe or a socket`, () => {
      const r = decaylab(args('/dev/stdin'), { input: text });
      expect(r.code, r.stderr).toBe(0);
      const piped = sh(
        `cat "${good}" | "$NODE" "$D" ${args('/dev/stdin')
          .map((a) => `"${a}"`)
          .join(' ')}`,
      );
      expect(piped.status, piped.stderr).toBe(0);
    });
  }

  it('replay - prints each event as it arrives while the pipe is still open', async () => {
    const child = spawn(process.execPath, [bin, 'replay', '-']);
    const lines = text.trim().split('\n');
    let out = '';
    const arrived = new Promise<void>((resolve) => {
      child.stdout.on('data', (d) => {
        out += d;
        if (out.split('\n').length > 3) resolve();
      });
    });
    child.stdin.write(`${lines.slice(0, 3).join('\n')}\n`);
    const early = await Promise.race([
      arrived.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 5000)),
    ]);
    expect(early, 'the first events are shown before the input closes').toBe(true);
    expect(out).toBe(`${lines.slice(0, 3).join('\n')}\n`);
    child.stdin.end(`${lines.slice(3).join('\n')}\n`);
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(0);
    expect(out).toBe(text);
  });
});

describe('what replay, compare and plot print about a recording', () => {
  it('replay --from past the last step: an empty range is a notice, exit 0', () => {
    const r = decaylab(['replay', good, '--from', '5000']);
    expect(r.code).toBe(0);
    oneLine(
      r.stderr,
      /good\.ndjson: no steps in --from 5000 \(the recording has steps 1–8\); only its header and end were replayed\n$/,
    );
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).type),
    ).toEqual(['run', 'end']);
  });

  it('a diverged run names the same step in the summary and on stderr (with the prefix)', () => {
    const file = join(dir, 'diverged.ndjson');
    const live = decaylab([
      'run',
      'line',
      '--set',
      'optimizer.lr=100',
      '--steps',
      '300',
      '--out',
      file,
      '--format',
      'summary',
    ]);
    expect(live.code).toBe(3);
    const step = /^decaylab: the run diverged at step (\d+) /.exec(live.stderr)?.[1];
    expect(step).toBeDefined();
    expect(live.stdout).toContain(
      `line: diverged at step ${step} (after ${Number(step) - 1} completed steps)`,
    );
    const replayed = decaylab(['replay', file, '--format', 'summary']);
    expect(replayed.stdout.split('\n')[0]).toBe(
      `run         line: diverged at step ${step} (after ${Number(step) - 1} completed steps)`,
    );
  });

  it('the change column never overflows: a ×ratio past +9900%', () => {
    const es = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    for (const k of Object.keys(es[0].params)) es[0].params[k] = es[0].params[k].map(() => 1e-150);
    const file = join(dir, 'huge.ndjson');
    writeFileSync(file, `${es.map((e) => JSON.stringify(e)).join('\n')}\n`);
    const r = decaylab(['replay', file, '--format', 'summary']);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^ {2}\d\.(weight|bias)/.test(l));
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row).toMatch(/ ×\d(\.\d+)?e1\d\d +\d/);
      expect(row.slice(37, 47)).toMatch(/^×\S{1,8} *$/);
    }
  });

  it('control characters in names never reach the terminal, and the SVG stays well-formed', () => {
    const name = 'evil\u001b]0;pwned\u0007\u001b[2J\r\nforged line\u009b31m\u202e';
    const spec = join(dir, 'evil.json');
    writeFileSync(spec, JSON.stringify({ ...SPEC, name }));
    const file = join(dir, 'evil\u001b[2J.ndjson');
    expect(decaylab(['run', spec, '--out', file, '--format', 'summary']).code).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
    const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;
    expect(readFileSync(file, 'utf8')).not.toMatch(raw);
    const summary = decaylab(['replay', file, '--format', 'summary']);
    expect(summary.code).toBe(0);
    expect(summary.stdout).not.toMatch(raw);
    expect(summary.stdout).toContain(
      'run         evil\\u001b]0;pwned\\u0007\\u001b[2J\\u000d\\u000aforged line',
    );
    const compare = decaylab(['compare', good, file]);
    expect(compare.code).toBe(0);
    expect(compare.stdout).not.toMatch(raw);
    const csv = decaylab(['compare', good, file, '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).not.toMatch(raw);
    expect(decaylab(['replay', file, '--format', 'table']).stdout).not.toMatch(raw);
    const svg = join(dir, 'evil.svg');
    expect(decaylab(['plot', file, good, '-o', svg]).code).toBe(0);
    const content = readFileSync(svg, 'utf8');
    expect(content).not.toMatch(raw);
    const xml = spawnSync('python3', [
      '-c',
      'import sys,xml.dom.minidom as m; m.parse(sys.argv[1])',
      svg,
    ]);
    if (xml.error)
      console.warn('python3 not found: the SVG was checked for control characters only');
    else expect(xml.status, String(xml.stderr)).toBe(0);
    // An error message quoting that file name.
    const bad = join(dir, 'bad\u001b[2J\u0007.ndjson');
    writeFileSync(bad, 'hello\n');
    const r = decaylab(['replay', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(raw);
    oneLine(r.stderr, /bad\\u001b\[2J\\u0007\.ndjson:1: not a decaylab recording/);
  });

  it('plot: the loss axis has plain numbers, no SI prefixes', () => {
    const svg = join(dir, 'ticks.svg');
    expect(decaylab(['plot', good, '-o', svg, '--chart', 'loss']).code).toBe(0);
    const ticks = [...readFileSync(svg, 'utf8').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(
      (m) => m[1],
    );
    expect(ticks.some((t) => /^\d+(\.\d+)?(e-\d+)?$/.test(t ?? ''))).toBe(true);
    expect(ticks.filter((t) => /^\d+(\.\d+)?[mµnk]$/.test(t ?? ''))).toEqual([]);
  });
});

describe('--fields recordings: used as they are, or a line saying what is needed', () => {
  let partial: string;
  beforeAll(() => {
    partial = join(dir, 'partial.ndjson');
    const r = decaylab(['run', join(dir, 'spec.json'), '--fields', 'step,loss,norms']);
    expect(r.code).toBe(0);
    writeFileSync(partial, r.stdout);
  });

  it('replay as ndjson gives it back as it is', () => {
    const r = decaylab(['replay', partial]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(partial, 'utf8'));
  });

  it('replay --format summary works on loss and norms', () => {
    const r = decaylab(['replay', partial, '--format', 'summary']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^run {9}inputs: completed after 8 steps/);
  });

  it('replay --format csv says which fields it needs', () => {
    const r = decaylab(['replay', partial, '--format', 'csv']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    oneLine(
      r.stderr,
      /partial\.ndjson:2: epoch: missing \(replay --format csv needs step, epoch, lr, loss, norms; this event has only step, loss, norms: the recording was made with --fields\)\n$/,
    );
    expect(decaylab(['replay', partial, '--format', 'csv', '--fields', 'step,loss']).code).toBe(0);
  });

  it('compare and plot use what is there', () => {
    const c = decaylab(['compare', good, partial]);
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(/#2 partial: parameters not comparable/);
    expect(decaylab(['plot', partial, '-o', join(dir, 'partial.svg')]).code).toBe(0);
  });

  it('a recording without norms cannot be compared: one line naming the field', () => {
    const f = join(dir, 'lossonly.ndjson');
    writeFileSync(f, decaylab(['run', join(dir, 'spec.json'), '--fields', 'step,loss']).stdout);
    const r = decaylab(['compare', good, f]);
    expect(r.code).toBe(1);
    oneLine(r.stderr, /lossonly\.ndjson:2: norms: missing \(compare needs step, loss, norms;/);
  });
});

describe('closed pipes and full disks', () => {
  for (const args of [
    `compare "$F" "$F"`,
    'plot "$F" -o -',
    'replay "$F"',
    'replay "$F" --format table',
  ]) {
    it(`${args} into a reader that closes early: exit 0, nothing on stderr`, () => {
      const r = spawnSync(
        'bash',
        ['-c', `set -o pipefail; "$NODE" "$D" ${args} | head -c 1 >/dev/null`],
        {
          env: { ...process.env, D: bin, NODE: process.execPath, F: good },
          encoding: 'utf8',
        },
      );
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    });
  }

  for (const args of [
    (f: string) => ['replay', f],
    (f: string) => ['replay', f, '--format', 'summary'],
    (f: string) => ['compare', f, f],
    (f: string) => ['plot', f, '-o', '-'],
  ]) {
    it(`${args('r').join(' ')} > /dev/full: exit 1, cannot write (ENOSPC)`, () => {
      const r = sh(
        `"$NODE" "$D" ${args(good)
          .map((a) => `"${a}"`)
          .join(' ')} > /dev/full`,
      );
      expect(r.status).toBe(1);
      oneLine(r.stderr, /^decaylab: <stdout>: cannot write \(ENOSPC\)\n$/);
    });
  }

  it('plot -o into a missing folder fails before reading, and leaves nothing', () => {
    const r = decaylab(['plot', good, '-o', join(dir, 'no', 'such', 'x.svg')]);
    expect(r.code).toBe(1);
    oneLine(r.stderr, /no\/such\/x\.svg: /);
    expect(r.stdout).toBe('');
  });
});

const hasScript = spawnSync('script', ['--version']).status === 0;

describe.runIf(hasScript)('quitting a TTY replay (through script(1))', () => {
  it('q stops the replay: the summary says "stopped (q)", not "incomplete", exit 0', async () => {
    const file = join(dir, 'long.ndjson');
    expect(
      decaylab(['run', 'line', '--steps', '3000', '--out', file, '--format', 'summary']).code,
    ).toBe(0);
    const cmd = `stty cols 80 rows 30; NO_COLOR= "${process.execPath}" "${bin}" replay "${file}" --speed 1; echo "[exit $?]"`;
    const child = spawn('script', ['-qec', cmd, '/dev/null']);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    await new Promise((r) => setTimeout(r, 1500));
    child.stdin.write('q');
    await new Promise((r) => child.on('close', r));
    const text = out.replace(/\r/g, '');
    expect(text).toMatch(/run {9}line: stopped \(q\) at step \d+ of 3000/);
    expect(text).not.toMatch(/incomplete/);
    expect(text).toContain('[exit 0]');
  });
});

describe.runIf(hasScript)('a bad line during a TTY replay', () => {
  it('leaves the cursor visible and says file:line (exit 1)', () => {
    const lines = text.trim().split('\n');
    const file = join(dir, 'midbad.ndjson');
    writeFileSync(file, `${[...lines.slice(0, 5), 'garbage', ...lines.slice(5)].join('\n')}\n`);
    const cmd = `stty cols 80 rows 30; NO_COLOR= "${process.execPath}" "${bin}" replay "${file}" --speed max; echo "[exit $?]"`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', input: '' });
    const out = r.stdout.replace(/\r/g, '');
    expect(out.lastIndexOf('\u001b[?25h')).toBeGreaterThan(out.lastIndexOf('\u001b[?25l'));
    expect(out).toMatch(/decaylab: .*midbad\.ndjson:6: not valid JSON: "garbage"\n\[exit 1\]/);
  });
});

describe.runIf(hasScript)('a --fields recording on the TTY dashboard', () => {
  it('replays on what is there (loss and norms), exit 0', () => {
    const file = join(dir, 'tty-partial.ndjson');
    writeFileSync(
      file,
      decaylab(['run', join(dir, 'spec.json'), '--fields', 'step,loss,norms']).stdout,
    );
    const cmd = `stty cols 80 rows 30; NO_COLOR= "${process.execPath}" "${bin}" replay "${file}" --speed max; echo "[exit $?]"`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', input: '' });
    const out = r.stdout.replace(/\r/g, '');
    expect(out).toContain('run         inputs: completed after 8 steps');
    expect(out).not.toMatch(/undefined|NaN/);
    expect(out).toContain('[exit 0]');
  });
});
