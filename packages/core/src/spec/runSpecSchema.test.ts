import { describe, expect, it } from 'vitest';
import { CARS_COLUMNS, PENGUIN_SPECIES, PENGUINS_COLUMNS } from '../data/realTableFacts.js';
import { GENERATED_KINDS, REAL_KINDS } from './defaults.js';
import { parseSpec } from './parseSpec.js';
import { runSpecSchema } from './runSpecSchema.js';

// Every `default` in the JSON Schema must be what parseSpec fills in when the key is omitted.
// The walk below visits each place a default can be and counts them, so a default added to the
// schema without a check here fails the last test.

type Node = { [key: string]: unknown };
const base = {
  data: { kind: 'line' },
  model: { kind: 'linear' },
  optimizer: { kind: 'sgd', lr: 0.1 },
  steps: 1,
};
const props = (n: unknown) => ((n as Node).properties ?? {}) as Record<string, Node>;
const variants = (n: unknown) => ((n as Node).oneOf ?? []) as Node[];
const kindOf = (v: Node) => {
  const k = props(v).kind as Node | undefined;
  return (k?.const ?? (k?.enum as string[] | undefined)) as string | string[] | undefined;
};
const enumOf = (n: unknown) => (n as Node | undefined)?.enum;
const top = props(runSpecSchema);
let checked = 0;

/** Checks each defaulted property of `variant` against `read(parseSpec(spec))[key]`. */
function checkVariant(variant: Node, spec: object, read: (s: Record<string, unknown>) => unknown) {
  for (const [key, p] of Object.entries(props(variant))) {
    if (!('default' in p)) continue;
    const normalized = read(parseSpec(spec) as unknown as Record<string, unknown>) as Node;
    expect(normalized[key], key).toEqual(p.default);
    checked++;
  }
}

describe('runSpecSchema defaults equal what parseSpec fills in', () => {
  it('top-level keys', () => {
    const spec = parseSpec(base) as unknown as Record<string, unknown>;
    for (const [key, p] of Object.entries(top)) {
      if (!('default' in p)) continue;
      expect(spec[key], key).toEqual(p.default);
      checked++;
    }
  });

  it('each data generator', () => {
    for (const v of variants(top.data).slice(1)) {
      const kind = kindOf(v) as string;
      checkVariant(v, { ...base, data: { kind } }, (s) => s.data);
    }
  });

  it('every data kind parseSpec reads, with the real tables’ choices and nVal bounds', () => {
    const kinds = variants(top.data).slice(1).map(kindOf);
    expect(kinds).toEqual([...GENERATED_KINDS, ...REAL_KINDS]);
    const [cars, penguins] = variants(top.data).slice(-2) as [Node, Node];
    expect(enumOf(props(cars).columns?.items)).toEqual([...CARS_COLUMNS]);
    expect(enumOf(props(penguins).columns?.items)).toEqual([...PENGUINS_COLUMNS]);
    expect(props(penguins).positive?.enum).toEqual([...PENGUIN_SPECIES]);
    expect(props(penguins).negative?.enum).toEqual(['rest', ...PENGUIN_SPECIES]);
    // the largest nVal the schema allows is the largest parseSpec accepts, and one more is refused
    for (const [kind, v] of [
      ['cars', cars],
      ['penguins', penguins],
    ] as const) {
      const max = props(v).nVal?.maximum as number;
      expect(parseSpec({ ...base, data: { kind, nVal: max } }).data).toMatchObject({ nVal: max });
      expect(() => parseSpec({ ...base, data: { kind, nVal: max + 1 } })).toThrow(/data\.nVal/);
    }
  });

  it('each model', () => {
    for (const v of variants(top.model)) {
      const kind = kindOf(v);
      if (kind !== 'mlp') continue;
      checkVariant(v, { ...base, model: { kind, hidden: [2] } }, (s) => s.model);
    }
  });

  it('each init', () => {
    for (const v of variants(top.init)) {
      const kind = kindOf(v);
      if (typeof kind !== 'string') continue;
      checkVariant(v, { ...base, init: { kind } }, (s) => s.init);
    }
  });

  it('each optimizer, and each kind of an enum', () => {
    for (const v of variants(top.optimizer)) {
      const kinds = kindOf(v);
      for (const kind of Array.isArray(kinds) ? kinds : [kinds]) {
        checkVariant(v, { ...base, optimizer: { kind, lr: 0.1 } }, (s) => s.optimizer);
      }
    }
  });

  it('adam and adamw: the weightDecay defaults the description names', () => {
    const [, adam] = variants(top.optimizer) as [Node, Node];
    const about = props(adam).weightDecay?.description as string;
    for (const kind of ['adam', 'adamw']) {
      const wd = parseSpec({ ...base, optimizer: { kind, lr: 0.1 } }).optimizer.weightDecay;
      expect(about).toContain(`${kind}: ${kind === 'adam' ? 'coupled' : 'decoupled'}`);
      expect(about).toMatch(new RegExp(`${kind}:[^;]*default ${wd}\\)`));
    }
  });

  it('no default in the schema was left unchecked', () => {
    let all = 0;
    const walk = (n: unknown) => {
      if (Array.isArray(n)) for (const x of n) walk(x);
      else if (n && typeof n === 'object') {
        if ('default' in n) all++;
        for (const [k, v] of Object.entries(n)) if (k !== 'default') walk(v);
      }
    };
    walk(runSpecSchema);
    // adam's variant holds adamw too, so its 4 defaults were checked twice.
    expect(checked - 4).toBe(all);
  });

  it("param groups: omitted hyperparameters are the optimizer's, so the schema gives no default", () => {
    const spec = parseSpec({
      ...base,
      optimizer: { kind: 'sgd', lr: 0.1, momentum: 0.9 },
      paramGroups: [{ params: ['bias'], lr: 0.2 }],
    });
    expect(spec.paramGroups[0]?.momentum).toBe(0.9);
  });
});
