import { describe, expect, it } from 'vitest';
import { paramShapes, sizeOf } from '../models/paramShapes.js';
import { MAX_HIDDEN_LAYERS } from './limits.js';
import { MAX_LINE_CHARS, MEMORY_BUDGET, memoryEstimate } from './memoryEstimate.js';
import { parseSpec } from './parseSpec.js';
import { SpecError } from './specError.js';

const sgd = { kind: 'sgd', lr: 0.01 };
const base = { data: { kind: 'line' }, model: { kind: 'linear' }, optimizer: sgd, steps: 1 };
const refusal = (spec: unknown): SpecError => {
  try {
    parseSpec(spec);
  } catch (e) {
    if (e instanceof SpecError) return e;
    throw e;
  }
  throw new Error('expected a SpecError');
};

describe('parseSpec: the memory budget (issue 8, item 6)', () => {
  it('refuses an mlp of 24 hidden layers of 1024, naming the model and the numbers', () => {
    const spec = {
      data: { kind: 'line' },
      model: { kind: 'mlp', hidden: Array(24).fill(1024) },
      optimizer: sgd,
      steps: 5,
    };
    const e = refusal(spec);
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]?.path).toBe('model');
    const m = e.message;
    expect(m).toMatch(
      /^invalid spec: model: state 24\.1 M parameters × 8 B per value × 5 buffers \(θ, 2 gradients, 2 decay traces\) = 921 MiB; /,
    );
    expect(m).toContain('step events 24.1 M parameters × 3 arrays × 66 B per value');
    expect(m).toMatch(
      /; data 120 rows × 3 values .*: ≈ 5\.41 GiB in all exceeds the 1 GiB memory budget$/,
    );
    expect(m).not.toContain('\n');
  });

  it('refuses highdim with dims 4096 and n = 1e6, naming the data and the numbers', () => {
    const e = refusal({
      data: { kind: 'highdim', dims: 4096, n: 1e6 },
      model: { kind: 'linear' },
      optimizer: sgd,
      steps: 5,
    });
    expect(e.issues[0]?.path).toBe('data');
    expect(e.message).toMatch(
      /^invalid spec: data: 1\.00 M rows × 8193 values \(inputs, target, features\) × 8 B = 61 GiB/,
    );
    expect(e.message).toContain('exceeds the 1 GiB memory budget');
  });

  it('no longer caps features at 4,096: wide data within the budget is accepted', () => {
    const spec = parseSpec({
      data: { kind: 'highdim', dims: 20_000, n: 20 },
      model: { kind: 'linear' },
      optimizer: sgd,
      steps: 1,
    });
    expect(memoryEstimate(spec).total).toBeLessThan(MEMORY_BUDGET);
    const inline = parseSpec({
      data: { train: { x: [Array(5000).fill(1)], y: [1] } },
      model: { kind: 'linear' },
      optimizer: sgd,
      steps: 1,
    });
    expect(memoryEstimate(inline).parameters).toBe(5001);
  });

  it('the boundary: AdamW over 4 hidden layers of 1024 is accepted (≈ 0.94 GiB), 5 are refused', () => {
    const spec = (layers: number) => ({
      data: { kind: 'line', nVal: 0 },
      model: { kind: 'mlp', hidden: Array(layers).fill(1024) },
      optimizer: { kind: 'adamw', lr: 0.01 },
      steps: 1,
    });
    expect(memoryEstimate(parseSpec(spec(4))).total).toBeLessThan(MEMORY_BUDGET);
    expect(memoryEstimate(parseSpec(spec(4))).total).toBeGreaterThan(0.9 * MEMORY_BUDGET);
    expect(refusal(spec(5)).message).toContain('memory budget');
  });

  it('within the budget, a step event always fits in one JavaScript string', () => {
    // An event as long as the longest string is past the budget on its own, so parseSpec's line
    // check only guards a raised budget: this pins that.
    const e = memoryEstimate(parseSpec(base));
    const events = e.parts.find((p) => p.label === 'step events')?.bytes as number;
    expect(MAX_LINE_CHARS * (events / e.eventChars)).toBeGreaterThan(MEMORY_BUDGET);
  });

  it('bounds the number of hidden layers', () => {
    const e = refusal({
      data: { kind: 'line' },
      model: { kind: 'mlp', hidden: Array(MAX_HIDDEN_LAYERS + 1).fill(1) },
      optimizer: sgd,
      steps: 1,
    });
    expect(e.message).toBe(
      `invalid spec: model.hidden: expected at most ${MAX_HIDDEN_LAYERS} hidden layers, got ${MAX_HIDDEN_LAYERS + 1}`,
    );
  });

  it('counts parameters as the model has them, and optimizer state by kind and groups', () => {
    const blobs = {
      data: { kind: 'blobs', dims: 3 },
      model: { kind: 'mlp', hidden: [5, 4], activation: 'tanh' },
      steps: 1,
    } as const;
    const want = paramShapes(blobs.model, 3).reduce((s, [, d]) => s + sizeOf(d), 0);
    const state = (optimizer: object, paramGroups: object[] = []) => {
      const e = memoryEstimate(parseSpec({ ...blobs, optimizer, paramGroups }));
      expect(e.parameters).toBe(want);
      return e.parts.find((p) => p.label === 'state')?.bytes;
    };
    expect(state(sgd)).toBe(want * 8 * 5);
    expect(state({ ...sgd, momentum: 0.9 })).toBe(want * 8 * 6);
    expect(state({ kind: 'adam', lr: 0.1 })).toBe(want * 8 * 7);
    expect(state({ kind: 'adam', lr: 0.1, amsgrad: true }, [{ params: ['0.bias'] }])).toBe(
      want * 8 * (5 + 2 * 3),
    );
  });
});

describe('memoryEstimate on the real tables', () => {
  it('counts the rows the table keeps and the chosen columns', () => {
    const data = (spec: object) =>
      memoryEstimate(parseSpec({ ...base, ...spec })).parts.find((p) => p.section === 'data');
    // 392 cars × (1 input + 1 target + 5 polynomial features) × 8 B
    expect(data({ data: { kind: 'cars' }, model: { kind: 'polynomial', degree: 5 } })?.bytes).toBe(
      392 * 7 * 8,
    );
    // Chinstrap and Gentoo: 191 penguins × (3 inputs + 1 target + 3 features) × 8 B
    expect(
      data({
        data: {
          kind: 'penguins',
          columns: ['beakLength', 'beakDepth', 'bodyMass'],
          positive: 'Chinstrap',
          negative: 'Gentoo',
        },
      })?.bytes,
    ).toBe(191 * 7 * 8);
  });

  it('bounds batchSize by the training rows the split leaves', () => {
    expect(parseSpec({ ...base, data: { kind: 'cars' }, batchSize: 300 }).batchSize).toBe(300);
    expect(refusal({ ...base, data: { kind: 'cars' }, batchSize: 301 }).message).toContain(
      'batchSize: expected an integer from 1 to 300',
    );
    expect(
      refusal({
        ...base,
        data: { kind: 'penguins', negative: 'Chinstrap', nVal: 19 },
        batchSize: 201,
      }).message,
    ).toContain('batchSize: expected an integer from 1 to 200');
  });
});
