import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSpec, train } from '@decaylab/core';
import { lastValueFrom, toArray } from 'rxjs';
import { afterAll, describe, expect, it } from 'vitest';
import { cliCommand, recordingText, specJson } from './exportTexts';

const cli = fileURLToPath(new URL('../../../../../packages/cli/bin/decaylab.js', import.meta.url));
const bin = mkdtempSync(join(tmpdir(), 'decaylab-export-'));
writeFileSync(
  join(bin, 'decaylab'),
  `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} "$@"\n`,
);
chmodSync(join(bin, 'decaylab'), 0o755);
afterAll(() => rmSync(bin, { recursive: true, force: true }));

/** Runs a command line in `sh` with `decaylab` on the PATH, in a folder holding spec.json. */
function shell(command: string, spec: object) {
  writeFileSync(join(bin, 'spec.json'), specJson(spec));
  const r = spawnSync('sh', ['-c', command], {
    cwd: bin,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

const recordingOf = async (spec: object) =>
  recordingText(await lastValueFrom(train(spec).pipe(toArray())));

const line = {
  name: 'it\'s a "line" λ: 1 $HOME `x` \\ ;',
  seed: 1,
  data: { kind: 'line', n: 20, nVal: 30, noise: 0.3 },
  model: { kind: 'polynomial', degree: 5 },
  optimizer: { kind: 'sgd', lr: 0.05, momentum: 0.9, nesterov: true, weightDecay: 0.001 },
  steps: 40,
};
const groups = {
  seed: 4,
  data: { kind: 'blobs', n: 50, nVal: 20, dims: 2, separation: 2, std: 1 },
  model: { kind: 'logistic' },
  optimizer: { kind: 'sgd', lr: 0.5, weightDecay: 0.05 },
  paramGroups: [{ params: ['bias'], weightDecay: 0 }],
  steps: 30,
};
const penalty = {
  name: '12',
  seed: 2,
  data: { kind: 'highdim', n: 40, nVal: 10, dims: 20, noise: 0.01 },
  model: { kind: 'linear' },
  penalty: { kind: 'l1', lambda: 0.01, params: ['weight'] },
  optimizer: { kind: 'adamw', lr: 0.01, betas: [0.8, 0.99], amsgrad: true },
  batchSize: 8,
  steps: 25,
};
const mlp = {
  data: { kind: 'line', n: 12 },
  model: { kind: 'mlp', hidden: [4, 3], activation: 'relu' },
  init: { kind: 'normal', std: 0.5, bias: 'normal' },
  loss: 'mse',
  penalty: null,
  optimizer: { kind: 'adam', lr: 0.02, weightDecay: 0.1 },
  batchSize: null,
  steps: 20,
};
const inline = {
  data: { train: { x: [[0.5], [-1], [2]], y: [1, 0, 1] }, val: { x: [[0.1]], y: [0] } },
  model: { kind: 'logistic' },
  init: { weight: [0.3], bias: [-0.1] },
  optimizer: { kind: 'sgd', lr: 0.1 },
  steps: 10,
};

describe('cliCommand', () => {
  it('writes flags when every field can be one, one per line, quoted for the shell', () => {
    expect(cliCommand(line)).toBe(
      `${[
        "echo '{}' | decaylab run -",
        `--set 'name=it'\\''s a "line" λ: 1 $HOME \`x\` \\ ;'`,
        '--set data.kind=line',
        '--set data.n=20',
        '--set data.nVal=30',
        '--set data.noise=0.3',
        '--set model.kind=polynomial',
        '--set model.degree=5',
        '--set optimizer.kind=sgd',
        '--set optimizer.lr=0.05',
        '--set optimizer.momentum=0.9',
        '--set optimizer.nesterov=true',
        '--set optimizer.weightDecay=0.001',
        '--steps 40',
        '--seed 1',
      ].join(' \\\n  ')}\n`,
    );
    expect(cliCommand(penalty)).toContain(`--set 'name="12"'`);
    expect(cliCommand(penalty)).toContain(`--set 'penalty.params=["weight"]'`);
    expect(cliCommand(penalty)).toContain("--set 'optimizer.betas=[0.8,0.99]'");
  });

  it('writes the JSON on stdin for param groups, inline data and inline init', () => {
    for (const spec of [groups, inline]) {
      expect(cliCommand(spec)).toBe(`decaylab run - <<'EOF'\n${specJson(spec)}EOF\n`);
    }
    expect(cliCommand(line, { form: 'stdin' })).toMatch(/^decaylab run - <<'EOF'\n\{\n/);
    expect(cliCommand(line, { form: 'file' })).toBe('decaylab run spec.json');
    expect(cliCommand(line, { form: 'file', file: "my run's.json" })).toBe(
      `decaylab run 'my run'\\''s.json'`,
    );
  });

  it.each([
    ['a line with flags', line],
    ['param groups (JSON on stdin)', groups],
    ['an L1 penalty, adamw and minibatches', penalty],
    ['an mlp with every default spelled out', mlp],
    ['inline data and init', inline],
  ])('reproduces %s byte for byte in sh', async (_, spec) => {
    const expected = await recordingOf(spec);
    expect(expected.split('\n').length).toBeGreaterThan(10);
    expect(shell(cliCommand(spec), spec)).toBe(expected);
    expect(shell(cliCommand(spec, { form: 'stdin' }), spec)).toBe(expected);
    expect(shell(cliCommand(spec, { form: 'file' }), spec)).toBe(expected);
  });
});

const { EXAMPLES } = (await import(
  new URL('../../../../../packages/cli/dist/index.js', import.meta.url).href
)) as { EXAMPLES: readonly { name: string; spec: Record<string, unknown> }[] };

describe('cliCommand over the CLI examples', () => {
  it.each(EXAMPLES.map((e) => [e.name, { ...e.spec, steps: 30 }] as const))(
    'reproduces %s (30 steps) byte for byte in sh',
    async (_, spec) => {
      const command = cliCommand(spec);
      expect(command.startsWith("echo '{}' | decaylab run -")).toBe(!('paramGroups' in spec));
      expect(shell(command, spec)).toBe(await recordingOf(spec));
    },
  );
});

describe('specJson', () => {
  it('indents objects by 2 spaces and keeps arrays of numbers on one line', () => {
    expect(specJson(inline)).toBe(`{
  "data": {
    "train": {
      "x": [
        [0.5],
        [-1],
        [2]
      ],
      "y": [1, 0, 1]
    },
    "val": {
      "x": [
        [0.1]
      ],
      "y": [0]
    }
  },
  "model": {
    "kind": "logistic"
  },
  "init": {
    "weight": [0.3],
    "bias": [-0.1]
  },
  "optimizer": {
    "kind": "sgd",
    "lr": 0.1
  },
  "steps": 10
}
`);
    const odd = {
      a: [],
      b: {},
      c: [{}, [], [[]]],
      d: undefined,
      e: 'x\n"y"',
      f: [null, true, 'a,b'],
      g: 1e-7,
    };
    expect(JSON.parse(specJson(odd))).toStrictEqual(JSON.parse(JSON.stringify(odd)));
  });

  it('is the spec as given, with a final newline, that parseSpec accepts', () => {
    for (const spec of [line, groups, penalty, mlp, inline]) {
      const text = specJson(spec);
      expect(text.endsWith('}\n')).toBe(true);
      expect(text).toContain('\n  "steps": ');
      expect(JSON.parse(text)).toStrictEqual(spec);
      expect(parseSpec(JSON.parse(text))).toStrictEqual(parseSpec(spec));
    }
  });
});

describe('recordingText', () => {
  it('is one encodeEvent line per event, each ending in a newline', async () => {
    const events = await lastValueFrom(train(line).pipe(toArray()));
    const text = recordingText(events);
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(events.length);
    expect(lines.map((l) => JSON.parse(l))).toStrictEqual(JSON.parse(JSON.stringify(events)));
    expect(recordingText([])).toBe('');
  });
});
