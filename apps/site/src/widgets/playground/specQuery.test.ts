import { readdirSync, readFileSync } from 'node:fs';
import { parseSpec } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { decodeSpecQuery, encodeSpecQuery } from './specQuery';

const repo = new URL('../../../../../', import.meta.url);
const fixtureDir = new URL('packages/core/test/fixtures/', repo);
const fixtures = readdirSync(fixtureDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    name: f,
    spec: JSON.parse(readFileSync(new URL(f, fixtureDir), 'utf8')).spec as Record<string, unknown>,
  }));
const { EXAMPLES } = (await import(new URL('packages/cli/dist/index.js', repo).href)) as {
  EXAMPLES: readonly { name: string; spec: Record<string, unknown> }[];
};

/** Round-trips a spec and checks values, types and key order are all kept, with no problems. */
function roundTrip(spec: Record<string, unknown>) {
  const query = encodeSpecQuery(spec);
  const back = decodeSpecQuery(query);
  expect(back.problems).toEqual([]);
  expect(back.spec).toStrictEqual(spec);
  expect(JSON.stringify(back.spec)).toBe(JSON.stringify(spec)); // key order too
  expect(decodeSpecQuery(`?${query}`).spec).toStrictEqual(spec);
  expect(decodeSpecQuery(new URLSearchParams(query)).spec).toStrictEqual(spec);
  return query;
}

const line = {
  data: { kind: 'line', n: 20, nVal: 100, noise: 0.3 },
  model: { kind: 'polynomial', degree: 5 },
  optimizer: { kind: 'sgd', lr: 0.05, weightDecay: 0.001 },
  steps: 300,
  seed: 1,
};

describe('encodeSpecQuery / decodeSpecQuery', () => {
  it('writes dotted keys in the spec order, numbers short, arrays comma-joined', () => {
    expect(roundTrip(line)).toBe(
      'data.kind=line&data.n=20&data.nVal=100&data.noise=0.3&model.kind=polynomial&model.degree=5' +
        '&optimizer.kind=sgd&optimizer.lr=0.05&optimizer.weightDecay=0.001&steps=300&seed=1',
    );
    const mlp = {
      data: { kind: 'blobs', dims: 2 },
      model: { kind: 'mlp', hidden: [16, 8], activation: 'relu' },
      optimizer: { kind: 'adamw', lr: 1e-3, betas: [0.9, 0.999], amsgrad: true },
      batchSize: null,
      penalty: { kind: 'l1', lambda: 1e-7, params: ['0.weight', '2.weight'] },
      steps: 10,
    };
    expect(roundTrip(mlp)).toBe(
      'data.kind=blobs&data.dims=2&model.kind=mlp&model.hidden=16,8&model.activation=relu' +
        '&optimizer.kind=adamw&optimizer.lr=0.001&optimizer.betas=0.9,0.999&optimizer.amsgrad=true' +
        '&batchSize=null&penalty.kind=l1&penalty.lambda=1e-7&penalty.params=0.weight,2.weight&steps=10',
    );
  });

  it.each(EXAMPLES.map((e) => [e.name, e.spec] as const))('round-trips example %s', (_, spec) => {
    roundTrip(spec);
  });

  it.each(fixtures.map((f) => [f.name, f.spec] as const))('round-trips fixture %s', (_, spec) => {
    const query = roundTrip(spec);
    // The normalized form round-trips too (penalty null, paramGroups [], init inline or normal).
    roundTrip(parseSpec(spec) as unknown as Record<string, unknown>);
    if ('train' in (spec.data as object)) expect(query).toMatch(/(^|&)data=\{%22train%22:/);
  });

  it('writes param groups and inline data as one JSON key each', () => {
    const spec = {
      name: 'no bias decay',
      data: { train: { x: [[1], [2]], y: [0, 1] }, val: { x: [[3]], y: [1] } },
      model: { kind: 'logistic' },
      optimizer: { kind: 'sgd', lr: 0.5, weightDecay: 0.05, nesterov: false },
      paramGroups: [{ params: ['bias'], weightDecay: 0 }],
      steps: 5,
    };
    const query = roundTrip(spec);
    const keys = [...new URLSearchParams(query).keys()];
    expect(keys).toEqual([
      'name',
      'data',
      'model.kind',
      'optimizer.kind',
      'optimizer.lr',
      'optimizer.weightDecay',
      'optimizer.nesterov',
      'paramGroups',
      'steps',
    ]);
    expect(new URLSearchParams(query).get('paramGroups')).toBe(
      '[{"params":["bias"],"weightDecay":0}]',
    );
    expect(query).toContain('name=no%20bias%20decay');
  });

  it('keeps inline init values under their parameter names, dots and all', () => {
    const spec = {
      data: { kind: 'line' },
      model: { kind: 'mlp', hidden: [2] },
      init: { '0.weight': [0.5, -0.25], '0.bias': [0, 0], '2.weight': [1, -0], '2.bias': [0.1] },
      optimizer: { kind: 'adam', lr: 0.01 },
      steps: 3,
    };
    const query = roundTrip(spec);
    expect(query).toContain(
      'init.0.weight=0.5,-0.25&init.0.bias=0,0&init.2.weight=1,-0&init.2.bias=0.1',
    );
    // One value is still an array: the schema says inline init values are arrays.
    expect((decodeSpecQuery(query).spec.init as Record<string, unknown>)['2.bias']).toEqual([0.1]);
  });

  it('writes strings that would read back as something else as JSON', () => {
    for (const name of [
      '12',
      'true',
      'null',
      '[x]',
      '"quoted"',
      '{a}',
      'a,b',
      '',
      '1e5',
      ' spaced ',
    ])
      roundTrip({ name, steps: 1 });
    roundTrip({ penalty: { kind: 'l2', lambda: 0, params: ['a,b', 'c'] } }); // a comma in a name
    roundTrip({ model: { kind: 'mlp', hidden: [] } }); // an empty array
    roundTrip({ init: {} }); // an empty object
    roundTrip({ steps: '300' }); // the wrong type survives, for parseSpec to name
    roundTrip({ steps: Number.MAX_VALUE, seed: 5e-324, data: { kind: 'line', noise: 0.1 + 0.2 } });
    expect(encodeSpecQuery({ name: '12' })).toBe('name=12'); // typed as a string by the schema
    expect(encodeSpecQuery({ steps: '12' })).toBe('steps=%2212%22');
  });

  it('reads hand-written queries with the schema types', () => {
    const { spec, problems } = decodeSpecQuery(
      '?name=7&seed=3&model.kind=mlp&model.hidden=8&optimizer.kind=sgd&optimizer.lr=.5&optimizer.nesterov=true&batchSize=4&loss=mse',
    );
    expect(problems).toEqual([]);
    expect(spec).toStrictEqual({
      name: '7',
      seed: 3,
      model: { kind: 'mlp', hidden: [8] },
      optimizer: { kind: 'sgd', lr: 0.5, nesterov: true },
      batchSize: 4,
      loss: 'mse',
    });
  });

  it('names unknown, malformed, duplicate and conflicting keys, and never throws', () => {
    const { spec, problems } = decodeSpecQuery(
      'optimizer.kind=sgd&optimizer.lrr=0.1&foo=1&data.kind=line&data.x.y=2&paramGroups=[{&steps=1&steps=2&a..b=1&penalty=null&penalty.kind=l2&init.kind=normal&init.weight=1',
    );
    expect(problems).toEqual([
      'unknown key "optimizer.lrr"',
      'unknown key "foo"',
      'unknown key "data.x.y"',
      'malformed key "paramGroups": "[{" is not valid JSON',
      'duplicate key "steps" (the last one counts)',
      'malformed key "a..b"',
      'conflicting key "penalty.kind" (also given as "penalty")',
      'unknown key "init.weight"',
    ]);
    expect(spec).toStrictEqual({
      optimizer: { kind: 'sgd' },
      data: { kind: 'line' },
      steps: 2,
      penalty: null,
      init: { kind: 'normal' },
    });
    for (const junk of ['', '?', '&&&', '=', '%', 'a=%E0%A4%A', '__proto__.x=1', 'constructor=1'])
      expect(() => decodeSpecQuery(junk)).not.toThrow();
    expect(decodeSpecQuery('__proto__.polluted=1').problems).toEqual([
      'unknown key "__proto__.polluted"',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives specs that parseSpec accepts when the query came from a valid spec', () => {
    for (const { spec } of EXAMPLES) {
      expect(parseSpec(decodeSpecQuery(encodeSpecQuery(spec)).spec)).toStrictEqual(parseSpec(spec));
    }
  });
});
