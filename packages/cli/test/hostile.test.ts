/**
 * Hostile input, table-driven: specs via --set/--grid, flags, outputs (full disks, inputs as
 * outputs, bad paths), broken pipes and signals. Each case runs the built binary and asserts the
 * exit code, a one-line `decaylab: …` message naming the file, flag or spec path, no stack trace,
 * and what became of the files: a written one is valid NDJSON ending in an `end` event, an
 * earlier one is untouched.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFully } from '../src/io/openOutput.js';
import { bin, clean, cliDir, tmp } from './helpers.js';

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** One hostile case: what to run in a fresh folder and what must come of it. */
interface Case {
  readonly name: string;
  /** Arguments; relative paths resolve in the case's own folder. */
  readonly args: readonly string[];
  readonly setup?: (dir: string) => void;
  readonly input?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Where stdout goes: a pipe (default) or /dev/full. */
  readonly stdout?: 'pipe' | 'full';
  readonly code: number;
  /** The one line on stderr (after `decaylab: `); null: stderr must be empty. */
  readonly stderr: RegExp | null;
  readonly check?: (dir: string, r: Outcome) => void;
}

const GOOD = '{"good":"recording"}\n';

/** Each line is JSON, the first a `run` event and the last an `end` event. */
function validRecording(file: string, reason?: string): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  expect(lines.pop(), `${file} ends with a newline`).toBe('');
  const events = lines.map((l) => JSON.parse(l) as { type: string; reason?: string });
  expect(events[0]?.type).toBe('run');
  expect(events.at(-1)?.type).toBe('end');
  if (reason) expect(events.at(-1)?.reason).toBe(reason);
}

const untouched =
  (name: string, text = GOOD) =>
  (dir: string) =>
    expect(readFileSync(join(dir, name), 'utf8')).toBe(text);
const nothingIn = (dir: string) =>
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.ndjson'))).toEqual([]);
const writeGood = (name: string) => (dir: string) => writeFileSync(join(dir, name), GOOD);

function execute(c: Case, dir: string): Outcome {
  const fd = c.stdout === 'full' ? openSync('/dev/full', 'w') : null;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, ...c.args], {
    cwd: dir,
    input: c.input,
    env: { ...process.env, NO_COLOR: '', COLUMNS: '100', ...c.env },
    encoding: 'utf8',
    stdio: ['pipe', fd ?? 'pipe', 'pipe'],
    maxBuffer: 1 << 26,
    timeout: 60_000,
  });
  if (fd !== null) closeSync(fd);
  return {
    code: r.status,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    ms: performance.now() - t0,
  };
}

function runCases(cases: readonly Case[]): void {
  for (const c of cases) {
    it(c.name, () => {
      const dir = tmp();
      c.setup?.(dir);
      const r = execute(c, dir);
      expect(r.code, r.stderr).toBe(c.code);
      expect(clean(r.stderr), r.stderr).toBe(true);
      if (c.stderr === null) expect(r.stderr).toBe('');
      else {
        const lines = r.stderr.trimEnd().split('\n');
        const last = lines.at(-1) as string;
        expect(
          lines.filter((l) => l.startsWith('decaylab: ')),
          r.stderr,
        ).toHaveLength(1);
        expect(last.startsWith('decaylab: '), r.stderr).toBe(true);
        expect(last).toMatch(c.stderr);
      }
      c.check?.(dir, r);
    });
  }
}

const deepJson = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
const deepSpec = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const lineSpec = JSON.stringify({
  version: 1,
  name: 'line',
  seed: 1,
  data: { kind: 'line', n: 20, nVal: 100, noise: 0.3 },
  model: { kind: 'linear' },
  optimizer: { kind: 'sgd', lr: 0.1, weightDecay: 0.1 },
  steps: 20,
});

describe('hostile specs via --set, spec files and stdin (exit 2, naming the path)', () => {
  const run = ['run', 'line', '--format', 'summary'];
  runCases([
    {
      name: '--set __proto__.steps',
      args: [...run, '--set', '__proto__.steps=7'],
      code: 2,
      stderr: /--set __proto__\.steps: "__proto__" is not a spec field/,
    },
    {
      name: '--set __proto__.weightDecay',
      args: [...run, '--set', '__proto__.weightDecay=5'],
      code: 2,
      stderr: /"__proto__" is not a spec field/,
    },
    {
      name: '--set constructor.prototype.x',
      args: [...run, '--set', 'constructor.prototype.x=1'],
      code: 2,
      stderr: /"constructor" is not a spec field/,
    },
    {
      name: '--set optimizer.__proto__.lr',
      args: [...run, '--set', 'optimizer.__proto__.lr=1'],
      code: 2,
      stderr: /optimizer\.__proto__\.lr: "__proto__"/,
    },
    {
      name: '--set prototype',
      args: [...run, '--set', 'prototype=1'],
      code: 2,
      stderr: /"prototype" is not a spec field/,
    },
    {
      name: '--set model.constructor',
      args: [...run, '--set', 'model.constructor=1'],
      code: 2,
      stderr: /"constructor" is not a spec field/,
    },
    {
      name: '--set a value holding __proto__',
      args: [...run, '--set', 'optimizer={"__proto__":{"lr":9}}'],
      code: 2,
      stderr: /--set optimizer: invalid spec: __proto__ is not a spec field/,
    },
    {
      name: '--set a..b',
      args: [...run, '--set', 'a..b=1'],
      code: 2,
      stderr: /--set: bad path "a\.\.b"/,
    },
    {
      name: '--set =1',
      args: [...run, '--set', '=1'],
      code: 2,
      stderr: /--set: expected path=value, got "=1"/,
    },
    {
      name: '--set without =',
      args: [...run, '--set', 'steps'],
      code: 2,
      stderr: /--set: expected path=value, got "steps"/,
    },
    {
      name: '--set steps=-1',
      args: [...run, '--set', 'steps=-1'],
      code: 2,
      stderr: /example:line: invalid spec.*steps/,
    },
    { name: '--set steps="ten"', args: [...run, '--set', 'steps="ten"'], code: 2, stderr: /steps/ },
    {
      name: '--set optimizer.lr=abc',
      args: [...run, '--set', 'optimizer.lr=abc'],
      code: 2,
      stderr: /optimizer\.lr/,
    },
    {
      name: '--set penalty lambda -1',
      args: [...run, '--set', 'penalty={"kind":"l2","lambda":-1}'],
      code: 2,
      stderr: /penalty\.lambda/,
    },
    {
      name: '--set a 50000-part path (as long as an argument may be)',
      args: [...run, '--set', `${Array(50_000).fill('a').join('.')}=1`],
      code: 2,
      stderr: /--set: path "a\.a.*has 50000 parts \(at most 64\)/,
    },
    {
      name: '--set a 60000-deep value',
      args: [...run, '--set', `model.hidden=${deepJson(60_000)}`],
      code: 2,
      stderr: /--set model\.hidden: invalid spec: .*nests deeper than 64 levels/,
    },
    {
      name: 'a 100000-deep spec file',
      setup: (d) => writeFileSync(join(d, 'deep.json'), deepSpec(100_000)),
      args: ['run', 'deep.json', '--set', 'steps=3'],
      code: 2,
      stderr: /deep\.json: invalid spec: a\.a\.a.*nests deeper than 64 levels/,
    },
    {
      name: 'a 100000-deep spec on stdin',
      input: deepJson(100_000),
      args: ['run', '-'],
      code: 2,
      stderr: /<stdin>: invalid spec: .*nests deeper than 64 levels/,
    },
    {
      name: 'a spec file with a __proto__ key',
      setup: (d) =>
        writeFileSync(
          join(d, 's.json'),
          lineSpec.replace('"steps":20', '"steps":20,"__proto__":{"x":1}'),
        ),
      args: ['run', 's.json'],
      code: 2,
      stderr: /s\.json: invalid spec: __proto__ is not a spec field/,
    },
    {
      name: 'a spec file with optimizer.constructor',
      setup: (d) =>
        writeFileSync(
          join(d, 's.json'),
          lineSpec.replace('"kind":"sgd"', '"constructor":1,"kind":"sgd"'),
        ),
      args: ['run', 's.json'],
      code: 2,
      stderr: /s\.json: invalid spec: optimizer\.constructor is not a spec field/,
    },
    {
      name: 'a spec on stdin with __proto__',
      input: lineSpec.replace('"seed":1', '"__proto__":{"steps":7},"seed":1'),
      args: ['run', '-'],
      code: 2,
      stderr: /<stdin>: invalid spec: __proto__ is not a spec field/,
    },
    {
      name: 'a spec file that is not JSON',
      setup: (d) => writeFileSync(join(d, 's.json'), '{steps: 3'),
      args: ['run', 's.json'],
      code: 2,
      stderr: /s\.json: not valid JSON/,
    },
    {
      name: 'an empty spec file',
      setup: (d) => writeFileSync(join(d, 's.json'), ''),
      args: ['run', 's.json'],
      code: 2,
      stderr: /s\.json: not valid JSON/,
    },
    {
      name: 'a spec that is an array',
      setup: (d) => writeFileSync(join(d, 's.json'), '[1,2]'),
      args: ['run', 's.json'],
      code: 2,
      stderr: /s\.json: invalid spec/,
    },
    {
      name: 'a spec name that is neither file nor example',
      args: ['run', 'nosuch'],
      code: 2,
      stderr: /nosuch: no such spec file or example/,
    },
  ]);
});

describe('hostile flags (exit 2, naming the flag)', () => {
  const run = ['run', 'line', '--format', 'summary'];
  runCases([
    {
      name: '--steps 0',
      args: [...run, '--steps', '0'],
      code: 2,
      stderr: /--steps: expected an integer ≥ 1, got "0"/,
    },
    {
      name: '--steps 1e3',
      args: [...run, '--steps', '1e3'],
      code: 2,
      stderr: /--steps: expected an integer/,
    },
    {
      name: '--steps unsafe',
      args: [...run, '--steps', '9007199254740993'],
      code: 2,
      stderr: /--steps: expected an integer/,
    },
    {
      name: '--seed abc',
      args: [...run, '--seed', 'abc'],
      code: 2,
      stderr: /--seed: expected an integer ≥ 0/,
    },
    {
      name: "--seed -1 keeps Node's hint",
      args: [...run, '--seed', '-1'],
      code: 2,
      stderr: /--seed' argument is ambiguous.*use '--seed=-XYZ'/,
    },
    {
      name: "--every -1 keeps Node's hint",
      args: [...run, '--every', '-1'],
      code: 2,
      stderr: /--every' argument is ambiguous.*use '--every=-XYZ'/,
    },
    {
      name: '--every=-1',
      args: [...run, '--every=-1'],
      code: 2,
      stderr: /--every: expected an integer ≥ 1, got "-1"/,
    },
    {
      name: '--every 0',
      args: [...run, '--every', '0'],
      code: 2,
      stderr: /--every: expected an integer ≥ 1/,
    },
    {
      name: '--every 1.5',
      args: [...run, '--every', '1.5'],
      code: 2,
      stderr: /--every: expected an integer/,
    },
    {
      name: '--steps twice',
      args: [...run, '--steps', '3', '--steps', '4'],
      code: 2,
      stderr: /run: --steps given more than once/,
    },
    {
      name: '--format twice',
      args: ['run', 'line', '--format', 'csv', '--format', 'table'],
      code: 2,
      stderr: /run: --format given more than once/,
    },
    {
      name: '--out twice',
      args: [...run, '--out', 'a.ndjson', '--out', 'b.ndjson'],
      code: 2,
      stderr: /run: --out given more than once/,
      check: nothingIn,
    },
    {
      name: '--seed twice',
      args: [...run, '--seed', '1', '--seed', '2'],
      code: 2,
      stderr: /--seed given more than once/,
    },
    {
      name: '--format xml',
      args: ['run', 'line', '--format', 'xml'],
      code: 2,
      stderr: /--format: expected one of ndjson, csv, table, summary, got "xml"/,
    },
    {
      name: '--fields grad --format csv',
      args: ['run', 'line', '--format', 'csv', '--fields', 'grad'],
      code: 2,
      stderr: /--fields: the csv format has no column for grad/,
    },
    {
      name: '--fields step,grad --format csv',
      args: ['run', 'line', '--format', 'csv', '--fields', 'step,grad'],
      code: 2,
      stderr: /--fields: the csv format has no column for grad \(/,
    },
    {
      name: '--fields step,params --format table',
      args: ['run', 'line', '--format', 'table', '--fields', 'step,params'],
      code: 2,
      stderr: /--fields: the table format has no column for params/,
    },
    {
      name: '--fields bogus',
      args: ['run', 'line', '--fields', 'bogus'],
      code: 2,
      stderr: /--fields: unknown field "bogus"/,
    },
    {
      name: '--fields empty',
      args: ['run', 'line', '--fields', ','],
      code: 2,
      stderr: /--fields: expected a comma-separated list/,
    },
    {
      name: 'an unknown flag',
      args: [...run, '--bogus'],
      code: 2,
      stderr: /run: Unknown option '--bogus'/,
    },
    {
      name: 'two specs',
      args: ['run', 'line', 'line'],
      code: 2,
      stderr: /run: expected one spec, got 2 arguments/,
    },
    { name: 'no spec', args: ['run'], code: 2, stderr: /run: missing <spec\.json/ },
    { name: 'an unknown command', args: ['rnu'], code: 2, stderr: /unknown command "rnu"/ },
    {
      name: 'plot --height 0',
      args: ['plot', 'r.ndjson', '-o', 'c.svg', '--height', '0'],
      code: 2,
      stderr: /--height: expected an integer from 50 to 10000, got "0"/,
    },
    {
      name: 'plot --height 1000000',
      args: ['plot', 'r.ndjson', '-o', 'c.svg', '--height', '1000000'],
      code: 2,
      stderr: /--height: expected an integer from 50 to 10000/,
    },
    {
      name: 'plot --width huge',
      args: ['plot', 'r.ndjson', '-o', 'c.svg', '--width', '99999999999999999999'],
      code: 2,
      stderr: /--width: expected an integer from 100 to 10000/,
    },
    {
      name: 'plot --height twice',
      args: ['plot', 'r.ndjson', '-o', 'c.svg', '--height', '100', '--height', '200'],
      code: 2,
      stderr: /plot: --height given more than once/,
    },
    {
      name: 'compare --rows -1',
      args: ['compare', 'a', 'b', '--rows=-1'],
      code: 2,
      stderr: /--rows: expected an integer ≥ 0/,
    },
    {
      name: 'compare --format twice',
      args: ['compare', 'a', 'b', '--format', 'csv', '--format', 'text'],
      code: 2,
      stderr: /compare: --format given more than once/,
    },
    {
      name: 'replay --speed twice',
      args: ['replay', 'r.ndjson', '--speed', '1', '--speed', '2'],
      code: 2,
      stderr: /replay: --speed given more than once/,
    },
    {
      name: 'merge --format xml',
      args: ['merge', '.', '--format', 'xml'],
      code: 2,
      stderr: /--format: expected table or csv, got "xml"/,
    },
    {
      name: 'merge with no folder',
      args: ['merge'],
      code: 2,
      stderr: /merge: expected the --out folders of a sweep/,
    },
  ]);
});

describe('hostile grids, shards and workers (sweep)', () => {
  const sweep = ['sweep', 'line', '--steps', '5'];
  const g = ['--grid', 'optimizer.lr=0.1,0.2'];
  runCases([
    {
      name: '--grid __proto__.x',
      args: [...sweep, '--grid', '__proto__.x=1,2'],
      code: 2,
      stderr: /--grid __proto__\.x: "__proto__" is not a spec field/,
    },
    {
      name: '--grid constructor',
      args: [...sweep, '--grid', 'constructor=1,2'],
      code: 2,
      stderr: /--grid constructor: "constructor" is not a spec field/,
    },
    {
      name: '--grid a.prototype',
      args: [...sweep, '--grid', 'optimizer.prototype=1'],
      code: 2,
      stderr: /"prototype" is not a spec field/,
    },
    {
      name: '--grid value holding __proto__',
      args: [...sweep, '--grid', 'optimizer={"__proto__":1};{"kind":"sgd"}'],
      code: 2,
      stderr: /--grid optimizer: invalid spec: __proto__ is not a spec field/,
    },
    {
      name: '--grid the same path twice',
      args: [...sweep, ...g, '--grid', 'optimizer.lr=0.3'],
      code: 2,
      stderr: /--grid optimizer\.lr: given twice/,
    },
    {
      name: '--grid the same path spelled twice',
      args: [...sweep, '--grid', 'model.hidden[0]=4', '--grid', 'model.hidden.0=8'],
      code: 2,
      stderr: /--grid model\.hidden\.0: given twice/,
    },
    {
      name: '--grid with no values',
      args: [...sweep, '--grid', 'optimizer.lr='],
      code: 2,
      stderr: /--grid optimizer\.lr: no values/,
    },
    {
      name: '--grid with no path',
      args: [...sweep, '--grid', '=1,2'],
      code: 2,
      stderr: /--grid: expected path=v1,v2/,
    },
    {
      name: '--grid without =',
      args: [...sweep, '--grid', 'optimizer.lr'],
      code: 2,
      stderr: /--grid: expected path=v1,v2/,
    },
    { name: 'no --grid', args: sweep, code: 2, stderr: /sweep: expected at least one --grid/ },
    {
      name: 'a grid value that breaks the spec',
      args: [...sweep, '--grid', 'optimizer.lr=0.1,-1'],
      code: 2,
      stderr: /example:line with 2-optimizer\.lr=-1: invalid spec: optimizer\.lr/,
    },
    {
      name: 'an array value that breaks the spec',
      args: [...sweep, '--grid', 'model.hidden=[0];[4]'],
      code: 2,
      stderr: /with 1-model\.hidden=_0_: invalid spec/,
    },
    {
      name: 'a 10^9 grid unsharded',
      args: [
        ...sweep,
        ...Array.from({ length: 9 }, (_, k) => [
          '--grid',
          `${['seed', 'steps', 'optimizer.lr', 'optimizer.momentum', 'optimizer.dampening', 'data.noise', 'data.n', 'data.nVal', 'optimizer.weightDecay'][k]}=${Array.from({ length: 10 }, (_, j) => j + 1).join(',')}`,
        ]).flat(),
      ],
      code: 2,
      stderr:
        /1,000,000,000 combinations is more than 10,000 runs per process; split it with --shard/,
    },
    {
      name: '--shard 0/4',
      args: [...sweep, ...g, '--shard', '0/4'],
      code: 2,
      stderr: /--shard i: expected an integer ≥ 1, got "0"/,
    },
    {
      name: '--shard 5/4',
      args: [...sweep, ...g, '--shard', '5/4'],
      code: 2,
      stderr: /--shard: shard 5 of 4 is out of range/,
    },
    {
      name: '--shard with an unsafe n',
      args: [...sweep, ...g, '--shard', '1/9007199254740993'],
      code: 2,
      stderr: /--shard n: expected an integer ≥ 1, got "9007199254740993"/,
    },
    {
      name: '--shard with an unsafe i',
      args: [...sweep, ...g, '--shard', '9007199254740993/9007199254740994'],
      code: 2,
      stderr: /--shard i: expected an integer/,
    },
    {
      name: '--shard a/b',
      args: [...sweep, ...g, '--shard', 'a/b'],
      code: 2,
      stderr: /--shard: expected i\/n/,
    },
    {
      name: '--shard twice',
      args: [...sweep, ...g, '--shard', '1/2', '--shard', '2/2'],
      code: 2,
      stderr: /sweep: --shard given more than once/,
    },
    {
      name: '--shard auto with no job array',
      args: [...sweep, ...g, '--shard', 'auto'],
      env: {
        SLURM_ARRAY_TASK_ID: undefined,
        JOB_COMPLETION_INDEX: undefined,
        AWS_BATCH_JOB_ARRAY_INDEX: undefined,
      },
      code: 2,
      stderr:
        /--shard auto: no job-array index in the environment \(expected SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX\)/,
    },
    {
      name: '--shard auto on Kubernetes without --shards',
      args: [...sweep, ...g, '--shard', 'auto'],
      env: { JOB_COMPLETION_INDEX: '2' },
      code: 2,
      stderr: /Kubernetes gives JOB_COMPLETION_INDEX=2 but not the count; add --shards N/,
    },
    {
      name: '--shard auto on AWS Batch past --shards',
      args: [...sweep, ...g, '--shard', 'auto', '--shards', '2'],
      env: { AWS_BATCH_JOB_ARRAY_INDEX: '2' },
      code: 2,
      stderr: /--shard auto \(AWS Batch\): shard 3 of 2 is out of range/,
    },
    {
      name: '--shard auto with a bad Slurm id',
      args: [...sweep, ...g, '--shard', 'auto'],
      env: { SLURM_ARRAY_TASK_ID: 'x', SLURM_ARRAY_TASK_COUNT: '4' },
      code: 2,
      stderr: /SLURM_ARRAY_TASK_ID: expected an integer ≥ 0, got "x"/,
    },
    {
      name: '--shard auto with a Slurm id past the count',
      args: [...sweep, ...g, '--shard', 'auto'],
      env: { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_MIN: '0' },
      code: 2,
      stderr: /--shard auto \(Slurm\): shard 5 of 4 is out of range/,
    },
    {
      name: '--shards without auto',
      args: [...sweep, ...g, '--shards', '4'],
      code: 2,
      stderr: /--shards: only with --shard auto/,
    },
    {
      name: '--workers 0',
      args: [...sweep, ...g, '--workers', '0'],
      code: 2,
      stderr: /--workers: expected an integer ≥ 1/,
    },
    {
      name: '--workers -1',
      args: [...sweep, ...g, '--workers', '-1'],
      code: 2,
      stderr: /--workers' argument is ambiguous/,
    },
    {
      name: 'sweep --every -1',
      args: [...sweep, ...g, '--every', '-1'],
      code: 2,
      stderr: /--every=-XYZ/,
    },
    {
      name: 'sweep --format json',
      args: [...sweep, ...g, '--format', 'json'],
      code: 2,
      stderr: /--format: expected table or csv, got "json"/,
    },
    {
      name: 'sweep --out a non-empty folder',
      setup: (d) => {
        mkdirSync(join(d, 'out'));
        writeFileSync(join(d, 'out', 'old.ndjson'), GOOD);
      },
      args: [...sweep, ...g, '--out', 'out'],
      code: 2,
      stderr: /out: not empty \(1 entry; use an empty folder, or --force/,
      check: (d) => {
        untouched('out/old.ndjson')(d);
        expect(readdirSync(join(d, 'out'))).toEqual(['old.ndjson']);
      },
    },
    {
      name: 'sweep --out -',
      args: [...sweep, ...g, '--out', '-'],
      code: 2,
      stderr: /sweep: --out takes a folder for the recordings, got "-"/,
      check: (d) => expect(existsSync(join(d, '-'))).toBe(false),
    },
    {
      name: 'sweep --force over a folder named like a recording stops at once',
      setup: (d) => mkdirSync(join(d, 'out', '1-optimizer.lr=0.1.ndjson'), { recursive: true }),
      args: [
        'sweep',
        'line',
        '--steps',
        '2000000',
        ...g,
        '--out',
        'out',
        '--force',
        '--workers',
        '1',
      ],
      code: 1,
      stderr: /out\/1-optimizer\.lr=0\.1\.ndjson: cannot write \(EISDIR\) \(the sweep stopped\)$/,
      check: (d, r) => {
        expect(r.ms).toBeLessThan(15_000);
        expect(readdirSync(join(d, 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      },
    },
    {
      name: 'sweep --out a file',
      setup: writeGood('out'),
      args: [...sweep, ...g, '--out', 'out'],
      code: 1,
      stderr: /out: not a directory/,
      check: untouched('out'),
    },
    {
      name: 'sweep --out under a file',
      setup: writeGood('f'),
      args: [...sweep, ...g, '--out', 'f/out'],
      code: 1,
      stderr: /f\/out: cannot create the directory \(ENOTDIR\)/,
      check: untouched('f'),
    },
    {
      name: 'merge a file',
      setup: writeGood('f'),
      args: ['merge', 'f'],
      code: 1,
      stderr: /f: cannot read the folder \(ENOTDIR\)/,
    },
    {
      name: 'merge a missing folder',
      args: ['merge', 'nope'],
      code: 1,
      stderr: /nope: cannot read the folder \(ENOENT\)/,
    },
    {
      name: 'merge an empty folder',
      setup: (d) => mkdirSync(join(d, 'e')),
      args: ['merge', 'e'],
      code: 1,
      stderr: /e: no sweep\.json/,
    },
    {
      name: 'merge a corrupt sweep.json',
      setup: (d) => {
        mkdirSync(join(d, 'e'));
        writeFileSync(
          join(d, 'e', 'sweep.json'),
          '{"decaylabSweep":1,"axes":[],"total":1,"runs":[{"index":5}]}',
        );
      },
      args: ['merge', 'e'],
      code: 1,
      stderr: /e\/sweep\.json: not a decaylab sweep manifest/,
    },
    {
      name: 'merge a sweep.json that is not JSON',
      setup: (d) => {
        mkdirSync(join(d, 'e'));
        writeFileSync(join(d, 'e', 'sweep.json'), '{');
      },
      args: ['merge', 'e'],
      code: 1,
      stderr: /e\/sweep\.json: not valid JSON/,
    },
  ]);
});

describe('hostile outputs: bad paths, inputs as outputs, full disks (nothing lost)', () => {
  const run = ['run', 'line', '--steps', '30', '--format', 'summary'];
  const long = ['run', 'line', '--steps', '20000000', '--format', 'summary'];
  const fast = (_: string, r: Outcome) => expect(r.ms).toBeLessThan(15_000);
  runCases([
    {
      name: '--out in a missing folder fails before training',
      args: [...long, '--out', 'nope/r.ndjson'],
      code: 1,
      stderr: /nope\/r\.ndjson: cannot write \(ENOENT\)/,
      check: fast,
    },
    {
      name: '--out under a file fails before training',
      setup: writeGood('f'),
      args: [...long, '--out', 'f/r.ndjson'],
      code: 1,
      stderr: /f\/r\.ndjson: cannot write \(ENOTDIR\)/,
      check: (d, r) => {
        fast(d, r);
        untouched('f')(d);
      },
    },
    {
      name: '--out a directory fails before training',
      setup: (d) => mkdirSync(join(d, 'r.ndjson')),
      args: [...long, '--out', 'r.ndjson'],
      code: 1,
      stderr: /r\.ndjson: is a directory/,
      check: fast,
    },
    {
      name: '--out the spec file',
      setup: (d) => writeFileSync(join(d, 's.json'), lineSpec),
      args: ['run', 's.json', '--out', 's.json'],
      code: 2,
      stderr: /s\.json: is also an input \(refusing to overwrite it/,
      check: untouched('s.json', lineSpec),
    },
    {
      name: '--out the spec file spelled ./',
      setup: (d) => writeFileSync(join(d, 's.json'), lineSpec),
      args: ['run', 's.json', '--out', './s.json'],
      code: 2,
      stderr: /\.\/s\.json: is also an input/,
      check: untouched('s.json', lineSpec),
    },
    {
      name: '--out a symlink to the spec',
      setup: (d) => {
        writeFileSync(join(d, 's.json'), lineSpec);
        symlinkSync(join(d, 's.json'), join(d, 'link.json'));
      },
      args: ['run', 's.json', '--out', 'link.json'],
      code: 2,
      stderr: /link\.json: is also an input/,
      check: untouched('s.json', lineSpec),
    },
    {
      name: '--out /dev/full',
      args: [...run, '--out', '/dev/full'],
      code: 1,
      stderr: /\/dev\/full: cannot write \(ENOSPC\)/,
    },
    {
      name: '--out "" ',
      args: [...run, '--out', ''],
      code: 2,
      stderr: /--out: expected a file name or - for stdout/,
    },
    {
      name: '--out - with --format table',
      args: ['run', 'line', '--out', '-', '--format', 'table'],
      code: 2,
      stderr: /--out - records NDJSON on stdout; it cannot also show --format table/,
    },
    {
      name: '--out - with --fields',
      args: ['run', 'line', '--out', '-', '--fields', 'step'],
      code: 2,
      stderr: /--out - records every field on stdout/,
    },
    {
      name: '--out - writes NDJSON to stdout, no file named -',
      args: ['run', 'line', '--steps', '5', '--out', '-'],
      code: 0,
      stderr: null,
      check: (d, r) => {
        expect(existsSync(join(d, '-'))).toBe(false);
        expect(r.stdout.trim().split('\n').at(-1)).toContain('"type":"end"');
      },
    },
    {
      name: 'run > /dev/full',
      stdout: 'full',
      args: ['run', 'line', '--steps', '300'],
      code: 1,
      stderr: /<stdout>: cannot write \(ENOSPC\)/,
    },
    {
      name: 'run --format csv > /dev/full',
      stdout: 'full',
      args: ['run', 'line', '--format', 'csv'],
      code: 1,
      stderr: /<stdout>: cannot write \(ENOSPC\)/,
    },
    {
      name: 'run > /dev/full keeps its --out recording whole',
      stdout: 'full',
      args: ['run', 'line', '--steps', '30', '--out', 'r.ndjson'],
      code: 1,
      stderr: /<stdout>: cannot write \(ENOSPC\)/,
      check: (d) => validRecording(join(d, 'r.ndjson')),
    },
    {
      name: 'schema > /dev/full',
      stdout: 'full',
      args: ['schema'],
      code: 1,
      stderr: /<stdout>: cannot write \(ENOSPC\)/,
    },
    {
      name: 'examples > /dev/full',
      stdout: 'full',
      args: ['examples'],
      code: 1,
      stderr: /<stdout>: cannot write \(ENOSPC\)/,
    },
    {
      name: 'examples --show > /dev/full',
      stdout: 'full',
      args: ['examples', '--show', 'line'],
      code: 1,
      stderr: /<stdout>: cannot write \(ENOSPC\)/,
    },
    {
      name: '--help > /dev/full',
      stdout: 'full',
      args: ['--help'],
      code: 1,
      stderr: /<stdout>: cannot write \(ENOSPC\)/,
    },
    {
      name: '--version > /dev/full',
      stdout: 'full',
      args: ['--version'],
      code: 1,
      stderr: /<stdout>: cannot write \(ENOSPC\)/,
    },
    {
      name: 'sweep > /dev/full',
      stdout: 'full',
      args: ['sweep', 'line', '--steps', '5', '--grid', 'optimizer.lr=0.1,0.2'],
      code: 1,
      stderr: /<stdout>: cannot write \(ENOSPC\)/,
    },
    {
      name: 'sweep --out into /dev/full',
      args: [
        'sweep',
        'line',
        '--steps',
        '5',
        '--grid',
        'optimizer.lr=0.1,0.2',
        '--out',
        '/dev/full',
      ],
      code: 1,
      stderr: /\/dev\/full: not a directory/,
    },
    {
      name: 'a failed run leaves no temporary file',
      args: [...run, '--out', '/dev/full'],
      code: 1,
      stderr: /cannot write/,
      check: nothingIn,
    },
  ]);

  it('--fields applies to what is shown: --out records the full events', () => {
    const dir = tmp();
    const file = join(dir, 'r.ndjson');
    const r = execute(
      {
        name: '',
        args: ['run', 'line', '--steps', '5', '--fields', 'step,loss', '--out', file],
        code: 0,
        stderr: null,
      },
      dir,
    );
    expect(r.code).toBe(0);
    const shown = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(Object.keys(shown[1])).toEqual(['type', 'step', 'loss']);
    const full = spawnSync(process.execPath, [bin, 'run', 'line', '--steps', '5'], {
      encoding: 'utf8',
    }).stdout;
    expect(readFileSync(file, 'utf8')).toBe(full);
    validRecording(file, 'completed');
  });

  it('two runs writing the same --out at once never interleave: the file is one whole recording', async () => {
    const dir = tmp();
    const file = join(dir, 'same.ndjson');
    const start = (wd: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [
          bin,
          'run',
          'overfitting',
          '--steps',
          '3000',
          '--set',
          `optimizer.weightDecay=${wd}`,
          '--out',
          file,
          '--format',
          'summary',
        ]);
        child.on('close', resolve);
      });
    expect(await Promise.all([start('0'), start('0.1')])).toEqual([0, 0]);
    validRecording(file, 'completed');
    const text = readFileSync(file, 'utf8');
    const alone = (wd: string) =>
      spawnSync(
        process.execPath,
        [bin, 'run', 'overfitting', '--steps', '3000', '--set', `optimizer.weightDecay=${wd}`],
        { encoding: 'utf8', maxBuffer: 1 << 28 },
      ).stdout;
    expect([alone('0'), alone('0.1')]).toContain(text);
    expect(readdirSync(dir)).toEqual(['same.ndjson']);
  }, 60_000);

  it('a good recording is never replaced by a broken one; an interrupted run replaces it by a valid one', () => {
    const dir = tmp();
    const file = join(dir, 'r.ndjson');
    expect(
      execute(
        {
          name: '',
          args: ['run', 'line', '--steps', '20', '--out', file, '--format', 'summary'],
          code: 0,
          stderr: null,
        },
        dir,
      ).code,
    ).toBe(0);
    const before = readFileSync(file, 'utf8');
    const r = execute(
      {
        name: '',
        args: ['run', 'line', '--steps', '20', '--out', file, '--set', 'optimizer.lr=-1'],
        code: 2,
        stderr: null,
      },
      dir,
    );
    expect(r.code).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('full disk: a 64 KiB tmpfs (root only)', () => {
  let mnt: string | null = null;
  let why = '';
  beforeAll(() => {
    const dir = tmp();
    const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], {
      encoding: 'utf8',
    });
    if (m.status === 0) mnt = dir;
    else why = (m.stderr || m.error?.message || 'mount failed').trim();
  });
  afterAll(() => {
    if (mnt) spawnSync('umount', [mnt]);
  });
  const guard = () => {
    if (!mnt)
      console.warn(
        `skipping the tmpfs full-disk cases: cannot mount a tmpfs (${why}); run the tests as root to include them`,
      );
    return mnt;
  };

  it('run --out on a full disk: exit 1 ENOSPC, the earlier recording untouched, no temporary file left', () => {
    const m = guard();
    if (!m) return;
    const file = join(m, 'good.ndjson');
    const ok = execute(
      {
        name: '',
        args: ['run', 'line', '--steps', '20', '--out', file, '--format', 'summary'],
        code: 0,
        stderr: null,
      },
      m,
    );
    expect(ok.code).toBe(0);
    const before = readFileSync(file, 'utf8');
    const r = execute(
      {
        name: '',
        args: ['run', 'overfitting', '--steps', '3000', '--out', file, '--format', 'summary'],
        code: 1,
        stderr: null,
      },
      m,
    );
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`decaylab: ${file}: cannot write (ENOSPC)`);
    expect(readFileSync(file, 'utf8')).toBe(before);
    validRecording(file, 'completed');
    expect(readdirSync(m).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a synchronous writer that fills the disk throws ENOSPC (no silent short write)', () => {
    const m = guard();
    if (!m) return;
    // 100 KiB into a 64 KiB tmpfs: writeSync writes what fits and returns a short count; the
    // sweep's recorder took that as done and renamed a file cut mid-line into place.
    const file = join(m, 'short.ndjson');
    const fd = openSync(file, 'w');
    try {
      expect(() => writeFully(fd, `${'x'.repeat(99)}\n`.repeat(1024))).toThrow(
        expect.objectContaining({ code: 'ENOSPC' }),
      );
    } finally {
      closeSync(fd);
      rmSync(file, { force: true });
    }
  });

  it('sweep --out on a full disk stops the whole sweep at once with ENOSPC', () => {
    const m = guard();
    if (!m) return;
    const out = join(m, 'sweep');
    const t0 = performance.now();
    const r = execute(
      {
        name: '',
        args: [
          'sweep',
          'overfitting',
          '--grid',
          'optimizer.weightDecay=0,0.1,0.2,0.3,0.4,0.5,0.6,0.7',
          '--steps',
          '20000',
          '--out',
          out,
        ],
        code: 1,
        stderr: null,
      },
      m,
    );
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(
      /^decaylab: .*\.ndjson: cannot write \(ENOSPC\) \(the sweep stopped\)$/,
    );
    expect(performance.now() - t0).toBeLessThan(20_000);
    // A run cut short by the stop keeps what it had, ending in a cancelled end event; none is broken.
    for (const f of readdirSync(out).filter((f) => f.endsWith('.ndjson')))
      validRecording(join(out, f), 'cancelled');
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('broken pipes: every command exits 0 quietly when its reader goes away', () => {
  const dir = tmp();
  const rec = join(dir, 'r.ndjson');
  beforeAll(() => {
    spawnSync(process.execPath, [
      bin,
      'run',
      'line',
      '--steps',
      '2000',
      '--out',
      rec,
      '--format',
      'summary',
    ]);
    spawnSync(process.execPath, [
      bin,
      'run',
      'line',
      '--steps',
      '2000',
      '--set',
      'optimizer.weightDecay=0',
      '--out',
      join(dir, 'r2.ndjson'),
      '--format',
      'summary',
    ]);
    spawnSync(process.execPath, [
      bin,
      'sweep',
      'line',
      '--steps',
      '20',
      '--grid',
      'optimizer.lr=0.01,0.02,0.03,0.04',
      '--out',
      join(dir, 'sw'),
    ]);
  });
  const cases: [string, string[]][] = [
    ['schema', ['schema']],
    ['examples', ['examples']],
    ['examples --show', ['examples', '--show', 'overfitting']],
    ['--help', ['--help']],
    ['run --help', ['run', '--help']],
    ['--version', ['--version']],
    ['run (ndjson)', ['run', 'overfitting', '--steps', '5000']],
    ['run --format csv', ['run', 'overfitting', '--steps', '5000', '--format', 'csv']],
    ['run --format table', ['run', 'overfitting', '--steps', '5000', '--format', 'table']],
    ['run --out -', ['run', 'overfitting', '--steps', '5000', '--out', '-']],
    ['replay', ['replay', rec]],
    [
      'sweep',
      [
        'sweep',
        'line',
        '--steps',
        '20',
        '--grid',
        `optimizer.lr=${Array.from({ length: 40 }, (_, k) => (k + 1) / 100).join(',')}`,
      ],
    ],
    [
      'sweep --format csv',
      [
        'sweep',
        'line',
        '--steps',
        '20',
        '--grid',
        `optimizer.lr=${Array.from({ length: 40 }, (_, k) => (k + 1) / 100).join(',')}`,
        '--format',
        'csv',
      ],
    ],
    ['merge', ['merge', join(dir, 'sw')]],
    ['compare', ['compare', rec, join(dir, 'r2.ndjson'), '--rows', '200']],
    ['plot -o -', ['plot', rec, '-o', '-']],
  ];
  for (const [name, args] of cases) {
    it(`${name} | head -c 1`, () => {
      const r = spawnSync(
        'bash',
        [
          '-c',
          `"$0" "$@" | head -c 1 > /dev/null; exit \${PIPESTATUS[0]}`,
          process.execPath,
          bin,
          ...args,
        ],
        { cwd: cliDir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } },
      );
      // no error and no stack trace (sweep and merge still say on stderr what they ran)
      expect(r.stderr).not.toMatch(/decaylab:|Error|\n\s+at /);
      expect(r.status).toBe(0);
    });
  }
});

describe('signals: SIGTERM and SIGHUP behave like Ctrl-C (exit 130, recordings end with "cancelled")', () => {
  function signalled(
    args: string[],
    signal: NodeJS.Signals,
    { afterMs = 500, cwd }: { afterMs?: number; cwd: string },
  ) {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    // Signal once the work has started (a temporary recording exists), however slow the machine.
    const started = () => {
      const dirs = [cwd, join(cwd, 'sw')].filter((d) => existsSync(d));
      return dirs.some((d) => readdirSync(d).some((f) => f.endsWith('.tmp')));
    };
    let timer: ReturnType<typeof setTimeout>;
    const poll = () => {
      timer = setTimeout(() => {
        if (started()) timer = setTimeout(() => child.kill(signal), afterMs);
        else poll();
      }, 100);
    };
    poll();
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      }),
    );
  }
  for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
    it(`run --out, ${signal}`, async () => {
      const dir = tmp();
      const file = join(dir, 'r.ndjson');
      const r = await signalled(
        ['run', 'overfitting', '--steps', '10000000', '--out', file, '--format', 'summary'],
        signal,
        { cwd: dir },
      );
      expect(r.code).toBe(130);
      expect(clean(r.stderr)).toBe(true);
      expect(r.stderr).toMatch(
        /cancelled after \d+ steps \(.*r\.ndjson ends with a "cancelled" end event\)/,
      );
      validRecording(file, 'cancelled');
      expect(r.stdout).toContain('cancelled after');
      expect(readdirSync(dir)).toEqual(['r.ndjson']);
    });
  }
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.runIf(hasScript)(
    'run on a TTY, SIGTERM: the cursor is shown again and the recording ends',
    () => {
      const dir = tmp();
      const cmd = `stty cols 80 rows 30; "${process.execPath}" "${bin}" run overfitting --steps 100000000 --out r.ndjson & p=$!; while ! ls -a | grep -q tmp; do sleep 0.1; done; sleep 1; kill -TERM $p; wait $p; echo "[exit $?]"`;
      const r = spawnSync('script', ['-qec', cmd, '/dev/null'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 60_000,
        input: '',
      });
      const out = r.stdout.replace(/\r/g, '');
      expect(out).toContain('[exit 130]');
      const hidden = out.lastIndexOf('\x1b[?25l');
      expect(hidden).toBeGreaterThanOrEqual(0);
      expect(out.indexOf('\x1b[?25h', hidden)).toBeGreaterThan(hidden);
      expect(out).toMatch(/cancelled after \d+ steps/);
      validRecording(join(dir, 'r.ndjson'), 'cancelled');
    },
  );

  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`sweep --out, ${signal}: the table of the runs so far, every recording ends`, async () => {
      const dir = tmp();
      const out = join(dir, 'sw');
      const r = await signalled(
        [
          'sweep',
          'overfitting',
          '--grid',
          'optimizer.weightDecay=0,0.1,0.2,0.3,0.4,0.5,0.6,0.7',
          '--steps',
          '3000000',
          '--every',
          '1000',
          '--out',
          out,
        ],
        signal,
        { cwd: dir, afterMs: 1000 },
      );
      expect(r.code).toBe(130);
      expect(clean(r.stderr)).toBe(true);
      expect(r.stderr).toMatch(/cancelled: \d+ of 8 runs finished, \d+ stopped/);
      expect(r.stdout).toMatch(/^\s*#\s+optimizer\.weightDecay\s+end/);
      expect(r.stdout).toContain('cancelled');
      const files = readdirSync(out).filter((f) => f.endsWith('.ndjson'));
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) validRecording(join(out, f));
      expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  }
});
