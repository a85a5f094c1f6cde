import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../spec/parseSpec.js';
import { SpecError } from '../spec/specError.js';
import type { RunSpec } from '../spec/types.js';
import { train } from '../train.js';
import { checkExportable } from './checkExportable.js';
import { epochOrders } from './epochOrders.js';
import { ExportError } from './exportError.js';
import { pyNumber, pythonLiteral } from './pythonLiteral.js';
import { pytorchScript } from './pytorchScript.js';

const base = {
  seed: 3,
  data: { kind: 'line', n: 10, nVal: 4, noise: 0.1 },
  model: { kind: 'mlp', hidden: [3, 2], activation: 'relu' },
  optimizer: { kind: 'adamw', lr: 0.01, weightDecay: 0.1 },
  paramGroups: [{ params: ['0.bias', '1.bias', '2.bias'], weightDecay: 0 }],
  steps: 5,
};

describe('epochOrders', () => {
  // The engine does not expose its batch order, so read it back from the gradients: with
  // y = 2^row, x = 0 and parameters kept near 0 by a tiny lr, the bias gradient of the mse on
  // a batch of n rows is −2/n·Σ 2^row, whose bits are exactly the rows of the batch.
  for (const [rows, size, seed] of [
    [20, 6, 0],
    [13, 4, 7],
    [9, 8, 99],
    [16, 1, 3],
  ] as const) {
    it(`matches the rows the engine trains on (${rows} rows, batches of ${size}, seed ${seed})`, () => {
      const perEpoch = Math.ceil(rows / size);
      const steps = perEpoch * 3;
      const spec = {
        seed,
        data: {
          train: {
            x: Array.from({ length: rows }, () => [0]),
            y: Array.from({ length: rows }, (_, i) => 2 ** i),
          },
        },
        model: { kind: 'linear' },
        init: { kind: 'zeros' },
        optimizer: { kind: 'sgd', lr: 1e-300 },
        batchSize: size,
        steps,
      };
      const orders = epochOrders(seed, rows, 3);
      const seen: number[][] = [];
      train(spec).subscribe((e) => {
        if (e.type !== 'step') return;
        const k = (e.step - 1) % perEpoch;
        const n = Math.min(size, rows - k * size);
        const sum = Math.round((-(e.grad.bias?.[0] ?? 0) * n) / 2);
        const set: number[] = [];
        for (let r = 0; r < rows; r++) if (Math.floor(sum / 2 ** r) % 2 === 1) set.push(r);
        seen.push(set);
      });
      const expected = Array.from({ length: steps }, (_, s) => {
        const epoch = Math.floor(s / perEpoch);
        const k = s % perEpoch;
        return [...(orders[epoch] as number[]).slice(k * size, (k + 1) * size)].sort(
          (a, b) => a - b,
        );
      });
      expect(seen).toEqual(expected);
      // and the order really is shuffled, differently each epoch
      if (rows > 2 && size < rows) expect(orders[0]).not.toEqual(orders[1]);
    });
  }
});

describe('pythonLiteral', () => {
  it('writes every finite double so that it reads back as the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = pyNumber(x);
        expect(/^-?(\d+(\.\d+)?(e[+-]\d+)?|\d+\.\d*|\.\d+)$/.test(s) || s === '-0.0').toBe(true);
        expect(Object.is(Number(s), x)).toBe(true);
        const f = pyNumber(x, { float: true });
        expect(/[.e]/.test(f)).toBe(true);
        expect(Object.is(Number(f), x)).toBe(true);
      }),
    );
  });

  it('refuses non-finite numbers, which Python literals cannot hold', () => {
    expect(() => pyNumber(Number.NaN)).toThrow(RangeError);
    expect(() => pyNumber(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('writes Python booleans, None, dicts and escaped strings', () => {
    expect(pythonLiteral({ a: true, b: false, c: null, d: 'x"\\\n', e: [1, 2.5] })).toBe(
      '{"a": True, "b": False, "c": None, "d": "x\\"\\\\\\n", "e": [1, 2.5]}',
    );
    expect(pythonLiteral([[1, 2]], { floats: true })).toBe('[[1.0, 2.0]]');
  });

  it('wraps long lists at about 96 columns', () => {
    const text = pythonLiteral(Array.from({ length: 200 }, (_, i) => i / 7));
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(96);
    expect(JSON.parse(text.replace(/,(\s*)\]/, '$1]')).map((v: number) => v * 7)).toHaveLength(200);
  });
});

describe('pytorchScript', () => {
  it('is deterministic and names every parameter, the groups and the decay', () => {
    const script = pytorchScript(base);
    expect(pytorchScript(base)).toBe(script);
    for (const name of ['0.weight', '0.bias', '1.weight', '1.bias', '2.weight', '2.bias'])
      expect(script).toContain(`"${name}": [`);
    expect(script).toContain('model = MLP([1, 3, 2, 1])');
    expect(script).toContain('x = torch.relu(layer(x))');
    expect(script).toContain(
      '{"params": [params["0.bias"], params["1.bias"], params["2.bias"]], "weight_decay": 0},',
    );
    expect(script).toContain('optimizer = torch.optim.AdamW(');
    expect(script).toContain('"decoupledDecay": values_of(decoupled)');
    expect(script).toContain('"0.weight": 0.01 * 0.1 * before["0.weight"],  # lr·weight_decay·θ');
    expect(script).not.toContain('"0.bias": 0.01 * 0');
  });

  it('embeds exactly the engine’s initial parameters', () => {
    let params: Record<string, readonly number[]> = {};
    train(base).subscribe((e) => {
      if (e.type === 'run') params = e.params;
    });
    const script = pytorchScript(base);
    for (const values of Object.values(params))
      for (const v of values) expect(script).toContain(pyNumber(v, { float: true }));
  });

  it('writes the penalty into the loss and its gradient into decayGrad', () => {
    const script = pytorchScript({
      ...base,
      model: { kind: 'linear' },
      paramGroups: [],
      penalty: { kind: 'l1', lambda: 0.25, params: ['weight'] },
      optimizer: { kind: 'sgd', lr: 0.1, weightDecay: 0.5 },
    });
    expect(script).toContain('LAMBDA = 0.25');
    expect(script).toContain('return LAMBDA * sum(params[name].abs().sum() for name in PENALIZED)');
    expect(script).toContain(
      '"weight": LAMBDA * torch.sign(before["weight"]) + 0.5 * before["weight"],',
    );
    expect(script).toContain('reg.backward()');
  });

  it('embeds the batch order for minibatches', () => {
    const script = pytorchScript({ ...base, batchSize: 3, steps: 9 });
    const orders = epochOrders(3, 10, 3);
    expect(script).toContain(`BATCHES_PER_EPOCH = 4`);
    for (const o of orders) expect(script).toContain(`[${o.join(', ')}]`);
  });

  it('throws the SpecError of an invalid spec', () => {
    expect(() => pytorchScript({ ...base, steps: 0 })).toThrow(SpecError);
  });

  it('refuses a run too large to embed, before drawing its data', () => {
    const huge = {
      ...base,
      data: { kind: 'highdim', n: 20_000, dims: 200 },
      model: { kind: 'linear' },
      paramGroups: [],
    };
    expect(() => pytorchScript(huge)).toThrow(/would embed \d+ numbers/);
    expect(() =>
      pytorchScript({ ...base, batchSize: 1, steps: 5000 }, { maxValues: 1000 }),
    ).toThrow(ExportError);
  });
});

describe('checkExportable', () => {
  const spec = parseSpec(base);
  it('accepts every option parseSpec normalizes', () => {
    expect(() => checkExportable(spec)).not.toThrow();
  });
  const cases: [string, RunSpec, RegExp][] = [
    [
      'an unknown top-level option',
      { ...spec, schedule: 'cosine' } as unknown as RunSpec,
      /cannot export schedule to PyTorch: the exporter does not know this option/,
    ],
    [
      'an unknown optimizer option',
      { ...spec, optimizer: { ...spec.optimizer, foreach: true } } as unknown as RunSpec,
      /cannot export optimizer\.foreach/,
    ],
    [
      'an unknown group option',
      { ...spec, paramGroups: [{ params: ['0.bias'], clip: 1 }] } as unknown as RunSpec,
      /cannot export paramGroups\[0\]\.clip/,
    ],
    [
      'an unknown model kind',
      { ...spec, model: { kind: 'conv' } } as unknown as RunSpec,
      /cannot export model\.kind to PyTorch: the exporter does not know this kind/,
    ],
    [
      'an unknown activation',
      { ...spec, model: { kind: 'mlp', hidden: [2], activation: 'gelu' } } as unknown as RunSpec,
      /cannot export model\.activation to PyTorch: "gelu"/,
    ],
    [
      'an unknown loss',
      { ...spec, loss: 'huber' } as unknown as RunSpec,
      /cannot export loss to PyTorch/,
    ],
    [
      'an unknown penalty',
      { ...spec, penalty: { kind: 'elastic', lambda: 1, params: [] } } as unknown as RunSpec,
      /cannot export penalty\.kind/,
    ],
  ];
  for (const [what, bad, message] of cases) {
    it(`refuses ${what}, naming it`, () => {
      expect(() => checkExportable(bad)).toThrow(ExportError);
      expect(() => checkExportable(bad)).toThrow(message);
    });
  }
});
