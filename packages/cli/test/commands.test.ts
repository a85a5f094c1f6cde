import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSpec, SpecError } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { clean, decaylab, tmp } from './helpers.js';

const REQUIRED_EXAMPLES = [
  'overfitting',
  'overfitting-decay',
  'line',
  'highdim',
  'highdim-l2',
  'adam-l2',
  'adamw',
  'l1',
  'l2',
  'bias-decay',
  'no-bias-decay',
  'cars',
  'penguins',
];

/** The keys parseSpec allows somewhere, read from its own "unknown key" message. */
function allowedKeys(spec: unknown): string[] {
  try {
    parseSpec(spec);
  } catch (e) {
    if (!(e instanceof SpecError)) throw e;
    const issue = e.issues.find((i) => i.message.startsWith('unknown key'));
    if (issue) return (/expected one of (.*)\)/.exec(issue.message)?.[1] ?? '').split(', ');
  }
  throw new Error('no unknown-key issue');
}

describe('decaylab examples', () => {
  it('lists the built-in examples', () => {
    const r = decaylab(['examples']);
    expect(r.code).toBe(0);
    for (const name of REQUIRED_EXAMPLES) expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(r.stdout).toMatchSnapshot();
  });

  it('--json lists them as data, each with the docs page it mirrors in English and Chinese', () => {
    const list = JSON.parse(decaylab(['examples', '--json']).stdout) as {
      name: string;
      chapter: { en: string; 'zh-CN': string } | null;
      page: { en: string; 'zh-CN': string };
    }[];
    expect(list.map((e) => e.name)).toEqual(REQUIRED_EXAMPLES);
    const docs = fileURLToPath(new URL('../../../docs/', import.meta.url));
    for (const { name, chapter, page, ...rest } of list) {
      // Every entry keeps the keys of version 1 (name, about, chapter) and adds page.
      expect(Object.keys(rest), name).toEqual(['about']);
      expect(page['zh-CN'], name).toBe(
        page.en.replace('https://decaylab.dev/', 'https://decaylab.dev/zh-cn/'),
      );
      const path = /^https:\/\/decaylab\.dev\/(.+)\/$/.exec(page.en)?.[1] ?? '';
      expect(existsSync(`${docs}${path}.mdx`), `${name}: ${path} is a docs page`).toBe(true);
      expect(existsSync(`${docs}zh-cn/${path}.mdx`), `${name}: ${path} is translated`).toBe(true);
      if (path.startsWith('chapters/')) expect(chapter, name).toEqual(page);
      else expect(chapter, name).toBeNull();
    }
    // The chapter examples are the eleven of version 1; the real-data ones mirror the playground.
    expect(list.filter((e) => e.chapter !== null)).toHaveLength(11);
    expect(
      list.filter((e) => e.page.en === 'https://decaylab.dev/playground/').map((e) => e.name),
    ).toEqual(['cars', 'penguins']);
  });

  it.each(REQUIRED_EXAMPLES)('--show %s prints a valid spec that runs', (name) => {
    const r = decaylab(['examples', '--show', name]);
    expect(r.code).toBe(0);
    const spec = JSON.parse(r.stdout);
    expect(() => parseSpec(spec)).not.toThrow();
    const run = decaylab(['run', '-', '--steps', '5', '--format', 'summary'], { input: r.stdout });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`run         ${name}: completed after 5 steps`);
  });

  it('--show of an unknown name exits 2', () => {
    const r = decaylab(['examples', '--show', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no example named "nope"');
  });

  it('the overfitting pair shows what the docs say: decay lowers validation loss', () => {
    const plain = decaylab([
      'run',
      'overfitting',
      '--format',
      'csv',
      '--fields',
      'val',
      '--every',
      '3000',
    ])
      .stdout.trim()
      .split('\n');
    const decay = decaylab([
      'run',
      'overfitting-decay',
      '--format',
      'csv',
      '--fields',
      'val',
      '--every',
      '3000',
    ])
      .stdout.trim()
      .split('\n');
    expect(Number(decay[1])).toBeLessThan(Number(plain[1]) / 5);
  });
});

describe('decaylab schema', () => {
  const schema = JSON.parse(decaylab(['schema']).stdout);

  it('prints a JSON Schema of the RunSpec', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['data', 'model', 'optimizer', 'steps']);
  });

  it('has exactly the top-level keys parseSpec accepts', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(allowedKeys({ bogus: 1 }).sort());
  });

  it('has the optimizer keys parseSpec accepts for sgd and adam', () => {
    const base = { data: { kind: 'line' }, model: { kind: 'linear' }, steps: 1 };
    const [sgd, adam] = schema.properties.optimizer.oneOf;
    expect(Object.keys(sgd.properties).sort()).toEqual(
      allowedKeys({ ...base, optimizer: { kind: 'sgd', lr: 1, bogus: 1 } }).sort(),
    );
    expect(Object.keys(adam.properties).sort()).toEqual(
      allowedKeys({ ...base, optimizer: { kind: 'adam', lr: 1, bogus: 1 } }).sort(),
    );
  });

  it('has the data generator keys parseSpec accepts', () => {
    const base = { model: { kind: 'linear' }, optimizer: { kind: 'sgd', lr: 1 }, steps: 1 };
    for (const variant of schema.properties.data.oneOf.slice(1)) {
      const kind = variant.properties.kind.const;
      expect(Object.keys(variant.properties).sort(), kind).toEqual(
        allowedKeys({ ...base, data: { kind, bogus: 1 } }).sort(),
      );
    }
  });

  it('--help', () =>
    expect(decaylab(['schema', '--help']).stdout).toContain(
      'decaylab schema > runspec.schema.json',
    ));
});

describe('decaylab compare', () => {
  const dir = tmp();
  const rec = (name: string, args: string[]) => {
    const file = join(dir, `${name}.ndjson`);
    expect(
      decaylab(['run', 'line', '--steps', '200', '--out', file, '--format', 'summary', ...args])
        .code,
    ).toBe(0);
    return file;
  };

  it('an L2 penalty and SGD weightDecay coincide (difference at rounding level)', () => {
    const l2 = rec('l2', [
      '--set',
      'optimizer.weightDecay=0',
      '--set',
      'penalty={"kind":"l2","lambda":0.1}',
    ]);
    const wd = rec('wd', ['--set', 'optimizer.weightDecay=0.1']);
    const r = decaylab(['compare', l2, wd]);
    expect(r.code).toBe(0);
    const m = /max #2 wd: (\S+) at step/.exec(r.stdout);
    expect(Number(m?.[1])).toBeLessThan(1e-12);
    expect(r.stdout).toMatch(/identical|the same up to rounding/);
  });

  it('Adam+L2 and AdamW do not', () => {
    const adam = rec('adam', ['--set', 'optimizer={"kind":"adam","lr":0.05,"weightDecay":0.1}']);
    const adamw = rec('adamw', ['--set', 'optimizer={"kind":"adamw","lr":0.05,"weightDecay":0.1}']);
    const r = decaylab(['compare', adam, adamw, '--rows', '3']);
    const m = /max #2 adamw: (\S+) at step/.exec(r.stdout);
    expect(Number(m?.[1])).toBeGreaterThan(1e-3);
    expect(r.stdout).toMatchSnapshot();
  });

  it('-o writes the overlaid charts as SVG', () => {
    const out = join(dir, 'cmp.svg');
    const r = decaylab(['compare', join(dir, 'adam.ndjson'), join(dir, 'adamw.ndjson'), '-o', out]);
    expect(r.code).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('#2 val');
  });

  it('different models: parameters not comparable, summary still shown', () => {
    const mlp = join(dir, 'mlp.ndjson');
    decaylab(['run', 'adamw', '--steps', '20', '--out', mlp, '--format', 'summary']);
    const r = decaylab(['compare', join(dir, 'adam.ndjson'), mlp]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('parameters not comparable');
  });

  it('a malformed recording fails with file:line', () => {
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, 'nope\n');
    const r = decaylab(['compare', join(dir, 'adam.ndjson'), bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /bad\.ndjson:1: not a decaylab recording \(line 1 is not a RunEvent: not valid JSON/,
    );
    expect(clean(r.stderr)).toBe(true);
  });
});

describe('decaylab plot', () => {
  it('renders loss and norm charts of a recording to an SVG file', () => {
    const dir = tmp();
    const rec = join(dir, 'r.ndjson');
    decaylab(['run', 'overfitting', '--steps', '500', '--out', rec, '--format', 'summary']);
    const out = join(dir, 'chart.svg');
    const r = decaylab(['plot', rec, '-o', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/wrote .*chart\.svg \(2 charts/);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="720" height="\d+"/);
    expect(svg.match(/<svg /g)?.length).toBe(3);
    for (const label of ['>train<', '>val<', '>‖weight‖<', '>‖bias‖<'])
      expect(svg).toContain(label);
    expect(svg).not.toContain('NaN');
  });

  it('--chart loss, --width, -o - (stdout), several recordings overlaid', () => {
    const dir = tmp();
    const a = join(dir, 'a.ndjson');
    const b = join(dir, 'b.ndjson');
    decaylab(['run', 'line', '--steps', '50', '--out', a, '--format', 'summary']);
    decaylab([
      'run',
      'line',
      '--steps',
      '50',
      '--out',
      b,
      '--format',
      'summary',
      '--set',
      'optimizer.weightDecay=1',
    ]);
    const one = decaylab(['plot', a, '--chart', 'loss', '--width', '400', '-o', '-']);
    expect(one.stdout.match(/<svg /g)?.length).toBe(2);
    expect(one.stdout).toContain('width="400"');
    const both = decaylab(['plot', a, b, '-o', '-']);
    expect(both.stdout).toContain('#1 train');
    expect(both.stdout).toContain('#2 ‖weight‖');
    expect(both.stdout).toContain('a.ndjson');
    expect(existsSync(join(dir, 'x.svg'))).toBe(false);
  });

  it('a bad recording and a bad --chart fail cleanly', () => {
    expect(decaylab(['plot', 'missing.ndjson', '-o', '-']).code).toBe(1);
    expect(decaylab(['plot', 'x.ndjson', '-o', '-', '--chart', 'pie']).code).toBe(2);
  });
});
