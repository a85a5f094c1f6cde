import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeEvent, train } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { clean, decaylab, decaylabAsync, tmp } from './helpers.js';

const lineSpec = {
  name: 'tiny',
  seed: 7,
  data: { kind: 'line', n: 8, nVal: 8, noise: 0.3 },
  model: { kind: 'linear' },
  optimizer: { kind: 'sgd', lr: 0.1, weightDecay: 0.01 },
  steps: 6,
};

function specFile(spec: unknown = lineSpec): string {
  const file = join(tmp(), 'spec.json');
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

function direct(spec: unknown, every = 1): string {
  let out = '';
  train(spec, { every }).subscribe((e) => {
    out += `${encodeEvent(e)}\n`;
  });
  return out;
}

describe('decaylab run', () => {
  it('writes NDJSON when stdout is not a TTY, byte-identical to encodeEvent over train()', () => {
    const r = decaylab(['run', specFile()]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(direct(lineSpec));
    expect(decaylab(['run', specFile(), '--format', 'ndjson']).stdout).toBe(r.stdout);
  });

  it('runs the real tables as data kinds (cars → polynomial, penguins → logistic), as train() does', () => {
    const specs = [
      {
        seed: 3,
        data: { kind: 'cars' },
        model: { kind: 'polynomial', degree: 4 },
        init: { kind: 'zeros' },
        optimizer: { kind: 'adam', lr: 0.02 },
        steps: 60,
      },
      {
        seed: 3,
        data: { kind: 'penguins', positive: 'Gentoo', columns: ['flipperLength'] },
        model: { kind: 'logistic' },
        optimizer: { kind: 'sgd', lr: 0.5 },
        batchSize: 50,
        steps: 40,
      },
    ];
    for (const spec of specs) {
      const r = decaylab(['run', specFile(spec), '--format', 'ndjson']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(direct(spec));
      const events = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(events[0].spec.data.nVal).toBe(spec.data.kind === 'cars' ? 92 : 100);
      expect(events.at(-1)).toEqual({ type: 'end', reason: 'completed', steps: spec.steps });
      const vals = events.filter((e) => e.type === 'step').map((e) => e.val.loss as number);
      expect(vals.at(-1)).toBeLessThan(vals[0] as number);
    }
  });

  it('is byte-identical for the same spec across runs, also for a long run', () => {
    const a = decaylab(['run', 'overfitting', '--steps', '3000']);
    const b = decaylab(['run', 'overfitting', '--steps', '3000']);
    expect(a.stdout.length).toBeGreaterThan(1_000_000);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toBe(
      direct({
        ...JSON.parse(decaylab(['examples', '--show', 'overfitting']).stdout),
        steps: 3000,
      }),
    );
  });

  it('reads a spec from stdin with -', () => {
    const r = decaylab(['run', '-'], { input: JSON.stringify(lineSpec) });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(direct(lineSpec));
  });

  it('runs a built-in example by name', () => {
    const r = decaylab(['run', 'line', '--steps', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(5);
  });

  it('--format csv', () => {
    const r = decaylab(['run', specFile(), '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchSnapshot();
    expect(r.stdout.split('\n')[0]).toBe(
      'step,epoch,lr,loss.data,loss.penalty,loss.total,val.loss,norms.weight,norms.bias',
    );
  });

  it('--format table', () => {
    const r = decaylab(['run', specFile(), '--format', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchSnapshot();
  });

  it('--format summary', () => {
    const r = decaylab(['run', specFile(), '--format', 'summary']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchSnapshot();
    expect(r.stdout).toContain('best val');
  });

  it('--every N keeps every N-th step and the last', () => {
    const r = decaylab(['run', specFile(), '--every', '4']);
    const steps = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((e) => e.type === 'step')
      .map((e) => e.step);
    expect(steps).toEqual([4, 6]);
    expect(r.stdout).toBe(direct(lineSpec, 4));
  });

  it('--steps, --seed and --set override the spec', () => {
    const r = decaylab([
      'run',
      specFile(),
      '--steps',
      '2',
      '--seed',
      '3',
      '--set',
      'optimizer.weightDecay=0.5',
      '--set',
      'name="renamed"',
    ]);
    expect(r.code).toBe(0);
    const header = JSON.parse(r.stdout.split('\n')[0] as string);
    expect(header.spec.steps).toBe(2);
    expect(header.spec.seed).toBe(3);
    expect(header.spec.optimizer.weightDecay).toBe(0.5);
    expect(header.spec.name).toBe('renamed');
    expect(r.stdout).toBe(
      direct({
        ...lineSpec,
        steps: 2,
        seed: 3,
        name: 'renamed',
        optimizer: { ...lineSpec.optimizer, weightDecay: 0.5 },
      }),
    );
  });

  it('--set creates nested paths and reads JSON values', () => {
    const r = decaylab([
      'run',
      specFile(),
      '--set',
      'penalty={"kind":"l2","lambda":0.1}',
      '--set',
      'model.kind=linear',
      '--steps',
      '1',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.split('\n')[0] as string).spec.penalty).toEqual({
      kind: 'l2',
      lambda: 0.1,
      params: ['weight', 'bias'],
    });
  });

  it('--fields keeps only some step fields (dropping gradients)', () => {
    const r = decaylab(['run', specFile(), '--fields', 'step,loss.total,norms']);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0].type).toBe('run');
    expect(lines[1]).toEqual({
      type: 'step',
      step: 1,
      loss: { total: expect.any(Number) },
      norms: { weight: expect.any(Number), bias: expect.any(Number) },
    });
    expect(lines.at(-1).type).toBe('end');
    const csv = decaylab(['run', specFile(), '--format', 'csv', '--fields', 'step,loss']);
    expect(csv.stdout.split('\n')[0]).toBe('step,loss.data,loss.penalty,loss.total');
  });

  it('--out records NDJSON while writing another format', () => {
    const out = join(tmp(), 'rec.ndjson');
    const r = decaylab(['run', specFile(), '--format', 'summary', '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(direct(lineSpec));
  });

  it('a spec error exits 2 with one line naming the path', () => {
    const r = decaylab(['run', specFile({ ...lineSpec, optimizer: { kind: 'sgd', lr: -1 } })]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^decaylab: .*spec\.json: invalid spec: optimizer\.lr: expected a positive finite number, got -1\n$/,
    );
  });

  it('a --set that breaks the spec is a spec error', () => {
    const r = decaylab(['run', 'line', '--set', 'optimizer.momentum=-2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('optimizer.momentum');
  });

  it('a file that is not JSON, and a name that is neither file nor example, exit 2', () => {
    const bad = join(tmp(), 'bad.json');
    writeFileSync(bad, '{ nope');
    const r = decaylab(['run', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.json: not valid JSON');
    const missing = decaylab(['run', 'no-such-thing']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-thing: no such spec file or example');
    expect(decaylab(['run']).code).toBe(2);
  });

  it('a fixture wrapper {name, spec, expected} is not a spec (exit 2), its .spec is', () => {
    const fixture = join(
      import.meta.dirname,
      '..',
      '..',
      'core',
      'test',
      'fixtures',
      'linear-sgd-plain.json',
    );
    const r = decaylab(['run', fixture]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('spec: unknown key');
    const spec = JSON.parse(readFileSync(fixture, 'utf8')).spec;
    const ok = decaylab(['run', specFile(spec), '--format', 'ndjson']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(direct(spec));
  });

  it('a diverging run exits 3 and still ends with an end event', () => {
    const r = decaylab([
      'run',
      specFile({ ...lineSpec, optimizer: { kind: 'sgd', lr: 1e6 }, steps: 200 }),
    ]);
    expect(r.code).toBe(3);
    const end = JSON.parse(r.stdout.trim().split('\n').at(-1) as string);
    expect(end).toMatchObject({ type: 'end', reason: 'diverged' });
    expect(r.stderr).toMatch(/diverged at step \d+/);
  });

  it('EPIPE: run x | head -1 exits 0 with nothing on stderr', async () => {
    const { spawnSync } = await import('node:child_process');
    const { bin } = await import('./helpers.js');
    const r = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${bin}" run overfitting --steps 5000000 | head -1 >/dev/null; echo "status=\${PIPESTATUS[0]}"`,
      ],
      {
        encoding: 'utf8',
        timeout: 60000,
      },
    );
    expect(r.stdout.trim()).toBe('status=0');
    expect(r.stderr).toBe('');
  });

  it('Ctrl-C during run --out leaves valid NDJSON ending with a cancelled end event', async () => {
    const out = join(tmp(), 'cancel.ndjson');
    const { child, done } = decaylabAsync([
      'run',
      'overfitting',
      '--steps',
      '50000000',
      '--out',
      out,
      '--format',
      'summary',
    ]);
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGINT');
    const r = await done;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/^cancelled after \d+ steps/);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    const end = JSON.parse(lines.at(-1) as string);
    expect(end.type).toBe('end');
    expect(end.reason).toBe('cancelled');
    expect(end.steps).toBe(JSON.parse(lines.at(-2) as string).step);
    const replay = decaylab(['replay', out, '--format', 'summary']);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toContain('cancelled after');
    expect(clean(replay.stderr)).toBe(true);
  });
});
