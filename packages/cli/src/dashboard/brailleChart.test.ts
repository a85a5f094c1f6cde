import { describe, expect, it } from 'vitest';
import { brailleChart } from './brailleChart.js';

describe('brailleChart', () => {
  it('draws a rising line bottom-left to top-right with axis labels', () => {
    const points = Array.from({ length: 10 }, (_, i) => ({ step: i + 1, value: i }));
    const lines = brailleChart([{ points, color: 'cyan' }], { width: 20, height: 4 });
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^ +9 ┤ +[\u2800-\u28ff]+$/);
    expect(lines[3]).toMatch(/^ +0 ┤[\u2800-\u28ff]/);
    expect(lines[4]).toMatch(/└1 +10$/);
    for (const l of lines) expect([...l].length).toBe(20);
  });

  it('log scale skips non-positive values; an empty chart is blank', () => {
    const lines = brailleChart(
      [
        {
          points: [
            { step: 1, value: 0 },
            { step: 2, value: 1 },
            { step: 3, value: 10 },
          ],
          color: 'cyan',
        },
      ],
      { width: 20, height: 3, log: true },
    );
    expect(lines[0]).toContain('10 ┤');
    expect(
      brailleChart([{ points: [], color: 'cyan' }], { width: 20, height: 3 }).join(''),
    ).not.toMatch(/[\u2801-\u28ff]/);
  });
});
