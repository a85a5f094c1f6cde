import { train } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { stepDomain } from './chartTypes';
import { RunTrace } from './RunTrace';

const traced = (steps: number) => {
  const trace = new RunTrace();
  train({
    data: { kind: 'line' },
    model: { kind: 'linear' },
    optimizer: { kind: 'sgd', lr: 0.1 },
    steps,
  }).subscribe((e) => trace.add(e));
  return trace;
};

describe('stepDomain', () => {
  it('spans the longest of the current and the pinned runs', () => {
    const [short, long] = [traced(100), traced(500)];
    expect(stepDomain(short, [])).toEqual([0, 100]);
    // A pinned 500-step run behind a 100-step one: the axis goes to 500 (it overflowed the frame).
    expect(stepDomain(short, [long])).toEqual([0, 500]);
    expect(stepDomain(long, [short])).toEqual([0, 500]);
    expect(stepDomain(new RunTrace(), [])).toEqual([0, 1]);
  });
});
