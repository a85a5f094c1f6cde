import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { divergedMarks } from './divergedMarks';
import type { Divergence } from './runBound';

const at = (step: number): Divergence => ({
  run: 0,
  step,
  why: 'loss',
  loss: 1e4,
  initialLoss: 1,
  maxWeight: 3,
});

/** The steps each label mark shows, by the side of the rule its text goes. */
function sides(marks: ReturnType<typeof divergedMarks>) {
  const out: Record<string, number[]> = {};
  for (const mark of marks) {
    if (!(mark instanceof Plot.Text)) continue;
    const side = (mark as unknown as { textAnchor: string }).textAnchor;
    const data = (mark as unknown as { data: Divergence[] }).data;
    out[side] = [...(out[side] ?? []), ...data.map((d) => d.step)];
  }
  return out;
}

describe('divergedMarks', () => {
  it('puts the label right of the rule in the left 40 % of the step domain, left of it elsewhere', () => {
    const marks = divergedMarks(Plot, [at(2), at(47), at(49), at(110)], { xDomain: [0, 120] });
    expect(sides(marks)).toEqual({ start: [2, 47], end: [49, 110] });
  });

  it('measures the 40 % on a log axis with xLog (chapter 4: steps 1 to 400, log scale)', () => {
    // 400^0.4 ≈ 11: step 6 is early on the log axis, though only 1.5 % of the way in linear steps.
    const marks = divergedMarks(Plot, [at(6), at(10), at(12), at(200)], {
      xDomain: [1, 400],
      xLog: true,
    });
    expect(sides(marks)).toEqual({ start: [6, 10], end: [12, 200] });
    const linear = divergedMarks(Plot, [at(6), at(200)], { xDomain: [1, 400] });
    expect(sides(linear)).toEqual({ start: [6], end: [200] });
  });

  it('keeps every label left of its rule without a domain (the chapters: their runs stop the x axis)', () => {
    expect(sides(divergedMarks(Plot, [at(2), at(73)]))).toEqual({ end: [2, 73], start: [] });
  });

  it('draws nothing without a divergence', () => {
    expect(divergedMarks(Plot, [], { xDomain: [0, 10] })).toEqual([]);
  });
});
