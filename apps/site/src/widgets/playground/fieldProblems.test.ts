import { cars, parseSpec, penguins, SpecError } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { csvToData } from './csvData';
import { FORM_FIELDS, fieldProblems } from './fieldProblems';

/** What `f` throws (fails the test when it throws nothing). */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

const good = {
  seed: 1,
  data: { kind: 'line', n: 20, nVal: 10 },
  model: { kind: 'polynomial', degree: 3 },
  optimizer: { kind: 'sgd', lr: 0.1, weightDecay: 0.01 },
  steps: 10,
};
const problemsOf = (spec: unknown) => fieldProblems(thrown(() => parseSpec(spec)));

describe('fieldProblems', () => {
  it('puts one bad field under its own key, with parseSpec’s message', () => {
    const error = thrown(() => parseSpec({ ...good, optimizer: { kind: 'sgd', lr: -1 } }));
    expect(error).toBeInstanceOf(SpecError);
    expect(fieldProblems(error)).toEqual(
      new Map([['optimizer.lr', [(error as SpecError).issues[0]?.message]]]),
    );
    expect(fieldProblems(error).get('optimizer.lr')?.[0]).toMatch(/^expected .*, got -1$/);
  });

  it('groups many problems by field, in the order parseSpec found them, none lost', () => {
    const spec = {
      seed: -1,
      data: { kind: 'line', n: 20, nVal: -5 },
      model: { kind: 'mlp', hidden: [4, 0] },
      penalty: { kind: 'l2', lambda: -1, params: ['nope'] },
      optimizer: { kind: 'sgd', lr: 0.1, weightDecay: -0.1, lrr: 2 },
      steps: 0,
      batchSize: 0,
      foo: 1,
    };
    const error = thrown(() => parseSpec(spec)) as SpecError;
    const map = fieldProblems(error);
    expect(new Set(map.keys())).toEqual(
      new Set([
        'spec',
        'seed',
        'steps',
        'model.hidden',
        'data.nVal',
        'penalty.lambda',
        'penalty.params',
        'optimizer.weightDecay',
        'optimizer',
        'batchSize',
      ]),
    );
    expect([...map.values()].flat()).toHaveLength(error.issues.length);
    expect(map.get('spec')).toEqual([expect.stringMatching(/^foo: unknown key/)]);
    expect(map.get('optimizer')).toEqual([expect.stringMatching(/^optimizer\.lrr: unknown key/)]);
    expect(map.get('model.hidden')).toEqual([
      expect.stringMatching(/^model\.hidden\[1\]: expected/),
    ]);
    expect(map.get('penalty.params')?.[0]).toMatch(
      /^penalty\.params\[0\]: expected a parameter name/,
    );
    expect(map.get('steps')?.[0]).toMatch(/^expected/); // its own key: no path in front
    expect([...map.keys()].slice(0, 3)).toEqual(['spec', 'seed', 'steps']); // parseSpec's order
    const groups = problemsOf({ ...good, paramGroups: [{ params: ['bias'], weightDecay: -1 }] });
    expect([...groups.keys()]).toEqual(['paramGroups']);
    expect(groups.get('paramGroups')?.[0]).toMatch(/^paramGroups\[0\]\.weightDecay: expected/);
  });

  it('puts missing sections, the data and inline values under their section', () => {
    expect(problemsOf({ steps: 5 })).toEqual(
      new Map([
        ['model', ['a model (missing)']],
        ['data', ['data (missing)']],
        ['optimizer', ['an optimizer (missing)']],
      ]),
    );
    const inline = problemsOf({
      ...good,
      model: { kind: 'linear' },
      data: { train: { x: [[1], [Number.NaN]], y: [1] } },
    });
    expect([...inline.keys()]).toEqual(['data']);
    expect(inline.get('data')).toEqual([
      expect.stringMatching(/^data\.train\.x\[1\]\[0\]: expected a finite number, got NaN$/),
      expect.stringMatching(/^data\.train\.y: expected 2 values/),
    ]);
    const init = problemsOf({ ...good, init: { weight: [1, 2], bias: [0] } });
    expect([...init.keys()]).toEqual(['init']);
    expect(init.get('init')?.[0]).toMatch(/^init\.weight: expected 3 numbers/);
    expect(
      problemsOf({ ...good, data: { train: { x: [[1]], y: [1] }, val: 2 } }).get('data'),
    ).toEqual(['data.val: expected an object, got 2']);
    expect(
      problemsOf({
        ...good,
        model: { kind: 'polynomial', degree: 3 },
        data: { kind: 'blobs', dims: 2 },
      }),
    ).toEqual(
      new Map([
        [
          'data',
          [
            expect.stringMatching(
              /^expected a single input column for model.kind "polynomial" .*, got 2 columns$/,
            ),
          ],
        ],
      ]),
    );
  });

  it('puts a spec that is not an object under spec', () => {
    for (const spec of [null, 3, 'x', []]) {
      const map = problemsOf(spec);
      expect([...map.keys()]).toEqual(['spec']);
      expect(map.get('spec')?.[0]).toMatch(/^expected an object, got /);
    }
  });

  it('reads the real tables’ option errors under data', () => {
    const columns = thrown(() => cars({ columns: ['mpg' as never] }));
    expect(fieldProblems(columns, { under: 'data' })).toEqual(
      new Map([['data.columns', [expect.stringMatching(/^data\.columns\[0\]: expected one of /)]]]),
    );
    const positive = thrown(() => penguins({ positive: 'Emperor' as never }));
    expect([...fieldProblems(positive, { under: 'data' }).keys()]).toEqual(['data.positive']);
    const nVal = thrown(() => cars({ nVal: 1e6 }));
    expect([...fieldProblems(nVal, { under: 'data' }).keys()]).toEqual(['data.nVal']);
  });

  it('sends issues on fields the page has no control for to spec', () => {
    const map = fieldProblems(
      thrown(() => parseSpec({ ...good, steps: 0, optimizer: { kind: 'sgd', lr: 0 } })),
      { fields: new Set(['steps']) },
    );
    expect([...map.keys()]).toEqual(['steps', 'spec']);
    expect(map.get('spec')?.[0]).toMatch(/^optimizer\.lr: expected/);
  });

  it('takes a CsvError as the data’s, anything else as the spec’s', () => {
    const csv = thrown(() => csvToData('x,y\n1,abc'));
    expect(fieldProblems(csv)).toEqual(
      new Map([['data', ['line 2, column 2: "abc" is not a number']]]),
    );
    expect(fieldProblems(new TypeError('boom'))).toEqual(new Map([['spec', ['boom']]]));
    expect(fieldProblems('odd')).toEqual(new Map([['spec', ['odd']]]));
    expect(fieldProblems(undefined)).toEqual(new Map([['spec', ['undefined']]]));
  });

  it('knows every field of the schema a control may show', () => {
    for (const key of [
      'steps',
      'seed',
      'batchSize',
      'loss',
      'data.kind',
      'data.nVal',
      'data.columns',
      'model.degree',
      'model.hidden',
      'model.activation',
      'optimizer.lr',
      'optimizer.momentum',
      'optimizer.nesterov',
      'optimizer.betas',
      'optimizer.weightDecay',
      'penalty.lambda',
      'penalty.params',
      'init.std',
      'paramGroups',
      'spec',
    ])
      expect(FORM_FIELDS.has(key), key).toBe(true);
    expect(FORM_FIELDS.has('optimizer.lrr')).toBe(false);
  });
});
