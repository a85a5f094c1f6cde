import { encodeEvent, type StepEvent, train } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { findExample } from '../src/examples/examples.js';
import { decaylab } from './helpers.js';

// The built-in examples on the real tables (cars, penguins): they run by name through every
// command that takes a spec, the same bytes every time, and show what docs/reference/cli.md says
// they show, on every seed 0–19 (the split and the initial weights are drawn from the seed).

const SEEDS = Array.from({ length: 20 }, (_, seed) => seed);

function spec(name: string): Record<string, unknown> {
  const example = findExample(name);
  if (!example) throw new Error(`no example ${name}`);
  return structuredClone(example.spec) as Record<string, unknown>;
}

/** The example's spec with another seed, number of steps or optimizer.weightDecay. */
function variant(
  name: string,
  { seed, steps, weightDecay }: { seed?: number; steps?: number; weightDecay?: number },
): Record<string, unknown> {
  const s = spec(name);
  const optimizer = s.optimizer as Record<string, unknown>;
  return {
    ...s,
    ...(seed === undefined ? {} : { seed }),
    ...(steps === undefined ? {} : { steps }),
    optimizer: weightDecay === undefined ? optimizer : { ...optimizer, weightDecay },
  };
}

function lastStep(s: unknown): StepEvent {
  let last: StepEvent | undefined;
  train(s).subscribe((e) => {
    if (e.type === 'step') last = e;
  });
  if (!last) throw new Error('no step');
  return last;
}

/** ‖weight‖ at the last step. */
function weightNorm(s: unknown): number {
  return lastStep(s).norms.weight as number;
}

function direct(s: unknown): string {
  let out = '';
  train(s).subscribe((e) => {
    out += `${encodeEvent(e)}\n`;
  });
  return out;
}

describe.each(['cars', 'penguins'])('the real-data example %s', (name) => {
  it('runs by name: the same NDJSON bytes twice, those of train() over its spec', () => {
    const a = decaylab(['run', name, '--format', 'ndjson']);
    const b = decaylab(['run', name, '--format', 'ndjson']);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toBe(direct(spec(name)));
    expect(a.stdout.trimEnd().split('\n').at(-1)).toBe(
      '{"type":"end","reason":"completed","steps":1000}',
    );
  });

  it('sweeps by name', () => {
    const r = decaylab(['sweep', name, '--grid', 'optimizer.weightDecay=0,0.01', '--steps', '20']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ ?1\*? +0 +completed +20 /m);
    expect(r.stdout).toMatch(/^ ?2\*? +0\.01 +completed +20 /m);
  });

  it('exports by name to a PyTorch script over its real rows', () => {
    const r = decaylab(['export', name, '--to', 'pytorch']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`"""${name}, reproduced in PyTorch.`);
    expect(r.stdout).toContain(`data kind "${name}"`);
  });
});

describe('decaylab run cars', () => {
  it('the summary: a converged linear fit of mpg on six columns, weights shrunk by decay', () => {
    const r = decaylab(['run', 'cars', '--format', 'summary']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('run         cars: completed after 1000 steps');
    expect(r.stdout).toContain(
      'model       linear on cars[cylinders,displacement,horsepower,weight,acceleration,year → mpg](nVal=92)',
    );
    expect(r.stdout).toContain('decay       sgd lr=0.1 · λ weightDecay=0.1 (coupled)');
    expect(r.stdout).toContain(
      'final loss  train 0.1898 (data 0.1898 + penalty 0)   val 0.226   at step 1000',
    );
    expect(r.stdout).toMatch(/^ {2}weight {4}0\.1241 → 0\.618 /m);
  });

  it('the numbers docs/reference/cli.md quotes, with and without decay (seed 0)', () => {
    const decayed = lastStep(spec('cars'));
    const plain = lastStep(variant('cars', { weightDecay: 0 }));
    const round = (ws: readonly number[]) => ws.map((w) => w.toFixed(2));
    expect(round(plain.params.weight as number[])).toEqual([
      '-0.06',
      '0.13',
      '-0.05',
      '-0.72',
      '0.03',
      '0.38',
    ]);
    expect(round(decayed.params.weight as number[])).toEqual([
      '-0.07',
      '-0.04',
      '-0.11',
      '-0.49',
      '-0.01',
      '0.34',
    ]);
    expect((plain.norms.weight as number).toPrecision(4)).toBe('0.8257');
    expect(plain.loss.total.toPrecision(4)).toBe('0.1845');
    expect(plain.val?.loss.toPrecision(4)).toBe('0.2214');
  });

  it.each(SEEDS)(
    'seed %i: without decay displacement gets a positive weight, with it the four size columns are all negative and ‖w‖ is smaller',
    (seed) => {
      const decayed = lastStep(variant('cars', { seed }));
      const plain = lastStep(variant('cars', { seed, weightDecay: 0 }));
      const [, displacement] = plain.params.weight as number[];
      expect(displacement).toBeGreaterThan(0);
      for (const w of (decayed.params.weight as number[]).slice(0, 4)) expect(w).toBeLessThan(0);
      expect(decayed.norms.weight as number).toBeLessThan(0.8 * (plain.norms.weight as number));
      // Both converged: 500 more steps move the loss by less than 1e-6.
      const longer = lastStep(variant('cars', { seed, steps: 1500 }));
      expect(Math.abs(longer.loss.total - decayed.loss.total)).toBeLessThan(1e-6);
    },
  );
});

describe('decaylab run penguins', () => {
  it('the summary: logistic on beak length and depth, bce-logits, ‖w‖ held by decay', () => {
    const r = decaylab(['run', 'penguins', '--format', 'summary']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('run         penguins: completed after 1000 steps');
    expect(r.stdout).toContain(
      'model       logistic on penguins[beakLength,beakDepth → Adelie vs rest](nVal=100)',
    );
    expect(r.stdout).toContain('decay       sgd lr=0.5 · λ weightDecay=0.01 (coupled)');
    expect(r.stdout).toContain(
      'final loss  train 0.07474 (data 0.07474 + penalty 0)   val 0.1144   at step 1000',
    );
    expect(r.stdout).toMatch(/^ {2}weight {4}0\.07514 → 3\.412 /m);
    const { loss } = JSON.parse(decaylab(['examples', '--show', 'penguins']).stdout);
    expect(loss).toBe('bce-logits');
  });

  it('the numbers docs/reference/cli.md quotes without decay (seed 0)', () => {
    expect(weightNorm(variant('penguins', { steps: 500, weightDecay: 0 })).toPrecision(4)).toBe(
      '6.128',
    );
    const plain = lastStep(variant('penguins', { weightDecay: 0 }));
    expect((plain.norms.weight as number).toPrecision(4)).toBe('7.329');
    expect(plain.val?.loss.toPrecision(4)).toBe('0.06843');
    expect(weightNorm(variant('penguins', { steps: 500 })).toPrecision(4)).toBe('3.411');
  });

  it.each(SEEDS)(
    'seed %i: with decay ‖w‖ settles by step 500; without, it is still growing at step 1000',
    (seed) => {
      const at500 = weightNorm(variant('penguins', { seed, steps: 500 }));
      const at1000 = weightNorm(variant('penguins', { seed }));
      expect(Math.abs(at1000 - at500)).toBeLessThan(1e-3 * at1000);
      const plain500 = weightNorm(variant('penguins', { seed, steps: 500, weightDecay: 0 }));
      const plain1000 = weightNorm(variant('penguins', { seed, weightDecay: 0 }));
      expect(plain1000).toBeGreaterThan(1.1 * plain500);
      expect(plain500).toBeGreaterThan(1.5 * at1000);
    },
  );
});
