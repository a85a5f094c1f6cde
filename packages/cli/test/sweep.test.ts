import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, clean, decaylab, tmp } from './helpers.js';

const grid = ['--grid', 'optimizer.weightDecay=0,0.001,0.01,0.1'];
const recordings = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.ndjson'))
    .sort();

describe('decaylab sweep', () => {
  it('prints final losses and norms per combination and marks the best validation loss', () => {
    const r = decaylab(['sweep', 'overfitting', ...grid, '--steps', '300']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(
      /#\s+optimizer\.weightDecay\s+end\s+steps\s+train\s+val\s+best val @ step\s+‖weight‖\s+‖bias‖/,
    );
    expect(lines.filter((l) => /^\s*\d+\*/.test(l))).toHaveLength(1);
    expect(r.stdout).toContain('* lowest final validation loss');
    // Timing goes to stderr, so the table itself is the same on every machine (and for merge).
    expect(r.stderr).toMatch(/4 runs on \d+ workers? in [\d.]+s/);
    expect(r.stdout).toMatchSnapshot();
  });

  it('--format csv is data: full precision, one value per column, a best column, ASCII headers', () => {
    const r = decaylab(['sweep', 'overfitting', ...grid, '--steps', '300', '--format', 'csv']);
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trim().split('\n');
    expect(header).toBe(
      'index,optimizer.weightDecay,end,steps,train,val,best_val,best_val_step,norm_weight,norm_bias,best,error',
    );
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(rows).toHaveLength(4);
    const cells = rows.map((l) => l.split(','));
    expect(cells.map((c) => c[10])).toEqual(['false', 'false', 'true', 'false']);
    for (const c of cells) {
      expect(Number(c[4])).toBeGreaterThan(0);
      // full precision: the shortest round-trip form, not 4 digits
      expect((c[4] as string).length).toBeGreaterThan(8);
      expect(Number.isInteger(Number(c[7]))).toBe(true);
    }
    // the text table's rounded numbers are the CSV's numbers rounded
    const text = decaylab(['sweep', 'overfitting', ...grid, '--steps', '300']).stdout;
    expect(text).toContain(String(Number(Number(cells[2]?.[4]).toPrecision(4))));
  });

  it('with --workers 1 gives the same table; --workers past the cores is capped', () => {
    const a = decaylab(['sweep', 'line', ...grid, '--steps', '50', '--format', 'csv']);
    const b = decaylab([
      'sweep',
      'line',
      ...grid,
      '--steps',
      '50',
      '--format',
      'csv',
      '--workers',
      '1',
    ]);
    const c = decaylab(['sweep', 'line', ...grid, '--steps', '50', '--workers', '1500']);
    expect(a.stdout).toBe(b.stdout);
    expect(c.code).toBe(0);
    const cores = Number(spawnSync('nproc', { encoding: 'utf8' }).stdout.trim()) || 1;
    expect(c.stderr).toMatch(new RegExp(`on ${Math.min(cores, 4)} workers?`));
  });

  it('two axes make every combination', () => {
    const r = decaylab([
      'sweep',
      'line',
      '--grid',
      'optimizer.weightDecay=0,0.1',
      '--grid',
      'optimizer.lr=0.01,0.1,0.2',
      '--steps',
      '20',
      '--format',
      'csv',
    ]);
    expect(r.stdout.trim().split('\n')).toHaveLength(7);
  });

  it('arrays in --grid values: JSON values separated by ;', () => {
    const r = decaylab([
      'sweep',
      'overfitting',
      '--set',
      'model={"kind":"mlp","hidden":[4],"activation":"tanh"}',
      '--grid',
      'model.hidden=[4];[4,4];[8]',
      '--steps',
      '20',
      '--format',
      'csv',
    ]);
    expect(r.stderr).toBe(r.stderr.replace(/\n\s+at /, ''));
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.trim().split('\n').slice(1);
    expect(rows.map((l) => l.split(',')[0])).toEqual(['1', '2', '3']);
    expect(rows[1]).toContain('"[4,4]"');
  });

  it('--out DIR records each run (equal to a plain run) and a sweep.json for merge', () => {
    const dir = join(tmp(), 'sweep');
    const r = decaylab(['sweep', 'line', ...grid, '--steps', '30', '--out', dir]);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      '1-optimizer.weightDecay=0.ndjson',
      '2-optimizer.weightDecay=0.001.ndjson',
      '3-optimizer.weightDecay=0.01.ndjson',
      '4-optimizer.weightDecay=0.1.ndjson',
      'sweep.json',
    ]);
    const single = decaylab([
      'run',
      'line',
      '--steps',
      '30',
      '--set',
      'optimizer.weightDecay=0.01',
    ]);
    expect(readFileSync(join(dir, '3-optimizer.weightDecay=0.01.ndjson'), 'utf8')).toBe(
      single.stdout,
    );
    expect(decaylab(['merge', dir]).stdout).toBe(r.stdout);
  });

  it('--out DIR refuses a non-empty folder unless --force', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'old.ndjson'), 'stale\n');
    const r = decaylab(['sweep', 'line', ...grid, '--steps', '10', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not empty \(1 entry; .*--force/);
    expect(recordings(dir)).toEqual(['old.ndjson']);
    const f = decaylab(['sweep', 'line', ...grid, '--steps', '10', '--out', dir, '--force']);
    expect(f.code).toBe(0);
    expect(recordings(dir)).toHaveLength(5);
  });

  it('long values in file names are shortened (with a hash), not ENAMETOOLONG', () => {
    const dir = join(tmp(), 'long');
    const long = 'x'.repeat(400);
    const r = decaylab([
      'sweep',
      'line',
      '--grid',
      `name=${long}a,${long}b`,
      '--steps',
      '5',
      '--out',
      dir,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const files = recordings(dir);
    expect(files).toHaveLength(2);
    for (const f of files) expect(f.length).toBeLessThan(100);
    expect(files[0]).not.toBe(files[1]);
  });

  it('a grid past the documented size is refused unless sharded; a shard of it runs lazily', () => {
    const values: Record<string, (j: number) => number> = {
      seed: (j) => j,
      steps: (j) => j + 1,
      'optimizer.lr': (j) => 0.01 * (j + 1),
      'optimizer.momentum': (j) => 0.05 * j,
      'optimizer.dampening': (j) => 0.05 * j,
      'optimizer.weightDecay': (j) => 0.01 * j,
      'data.noise': (j) => 0.1 * (j + 1),
      'data.n': (j) => 5 + j,
      'data.nVal': (j) => 10 + j,
    };
    const big = Object.entries(values).flatMap(([p, f]) => [
      '--grid',
      `${p}=${Array.from({ length: 10 }, (_, j) => f(j)).join(',')}`,
    ]);
    const r = decaylab(['sweep', 'line', ...big]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /1,000,000,000 combinations is more than 10,000 runs per process; split it with --shard/,
    );
    expect(clean(r.stderr)).toBe(true);
    const s = decaylab(['sweep', 'line', ...big, '--shard', '1/10000000', '--format', 'csv']);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stderr).toMatch(/shard 1\/10000000: 100 of 1000000000 runs/);
    expect(s.stdout.trim().split('\n')).toHaveLength(101);
  }, 120_000);
});

describe('sweeps on job runners: shards, --shard auto and merge', () => {
  const base = [
    'sweep',
    'line',
    '--grid',
    'optimizer.weightDecay=0,0.001,0.01,0.1,0.3',
    '--grid',
    'optimizer.lr=0.05,0.1',
  ];
  const args = [...base, '--steps', '40'];

  it('4 shards through GNU parallel (or xargs -P), then merge: byte-identical to the unsharded table', () => {
    const root = tmp();
    const whole = decaylab(args);
    expect(whole.code).toBe(0);
    const hasParallel = spawnSync('parallel', ['--version'], { encoding: 'utf8' }).status === 0;
    const cmd = hasParallel
      ? `parallel --will-cite -j 4 ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} ${args.join(' ')} --shard {}/4 --out ${root}/shard-{} ::: 1 2 3 4`
      : `printf '1\\n2\\n3\\n4\\n' | xargs -P 4 -I{} ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} ${args.join(' ')} --shard {}/4 --out ${root}/shard-{}`;
    if (!hasParallel)
      console.warn('GNU parallel is not installed: running the shards with xargs -P');
    const run = spawnSync('sh', ['-c', `${cmd} > /dev/null`], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const dirs = [1, 2, 3, 4].map((i) => join(root, `shard-${i}`));
    for (const d of dirs)
      expect(existsSync(join(d, `sweep-shard-${d.slice(-1)}-of-4.json`))).toBe(true);
    const merged = decaylab(['merge', ...dirs]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(whole.stdout);
    expect(merged.stdout.split('\n').filter((l) => /^\s*\d+\*/.test(l))).toHaveLength(1);
    expect(merged.stderr).toContain('merged 10 of 10 runs from 4 folders');
    const csv = decaylab(['merge', ...dirs, '--format', 'csv']);
    expect(csv.stdout).toBe(decaylab([...args, '--format', 'csv']).stdout);
    // a missing shard: the table of what is there, and exit 1 naming the missing runs
    const partial = decaylab(['merge', ...dirs.slice(0, 3)]);
    expect(partial.code).toBe(1);
    expect(partial.stderr).toMatch(/decaylab: merge: 2 of 10 runs missing \(#4, #8\)/);
  }, 120_000);

  it('--shard auto reads Slurm, Kubernetes Indexed Job and AWS Batch array variables', () => {
    const cases: [NodeJS.ProcessEnv, string[], string][] = [
      [
        { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_MIN: '1' },
        [],
        'shard 3/4',
      ],
      [{ SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '2' }, [], 'shard 1/2'],
      [{ JOB_COMPLETION_INDEX: '1' }, ['--shards', '5'], 'shard 2/5'],
      [{ AWS_BATCH_JOB_ARRAY_INDEX: '0' }, ['--shards', '3'], 'shard 1/3'],
    ];
    for (const [env, extra, expected] of cases) {
      const r = decaylab([...base, '--steps', '5', '--shard', 'auto', ...extra], { env });
      expect(r.code, `${JSON.stringify(env)}: ${r.stderr}`).toBe(0);
      expect(r.stderr).toContain(expected);
    }
  });

  it('merge refuses folders of different sweeps and folders that are not a sweep', () => {
    const a = join(tmp(), 'a');
    const b = join(tmp(), 'b');
    expect(
      decaylab(['sweep', 'line', '--grid', 'optimizer.lr=0.1,0.2', '--steps', '5', '--out', a])
        .code,
    ).toBe(0);
    expect(
      decaylab(['sweep', 'line', '--grid', 'optimizer.lr=0.1,0.3', '--steps', '5', '--out', b])
        .code,
    ).toBe(0);
    const r = decaylab(['merge', a, b]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sweep\.json: a different sweep from .*sweep\.json/);
    const empty = tmp();
    mkdirSync(join(empty, 'x'));
    const e = decaylab(['merge', empty]);
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(/no sweep\.json \(not a folder written by decaylab sweep --out\)/);
  });
});
