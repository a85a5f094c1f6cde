import { describe, expect, it } from 'vitest';
import { type ResultRow, resultsCsv, resultsText } from './resultsTable.js';
import type { RunReport } from './runStats.js';

const report = (val: number, loss: number, norms: Record<string, number>): RunReport =>
  ({
    summary: {
      reason: 'completed',
      steps: 10,
      final: { step: 10, loss: { data: loss, penalty: 0, total: loss }, val, norms },
      best: { metric: 'val', value: val, step: 3 },
    },
  }) as unknown as RunReport;

const rows: ResultRow[] = [
  { index: 1, keys: [0.1], report: report(0.123456789, 0.5, { w: 1.25, b: 2 }) },
  { index: 2, keys: [[8, 8]], report: report(0.1, 1 / 3, { w: 3, 'é\u001b': 4 }) },
  { index: 3, keys: ['x'], report: null, error: 'boom' },
];

describe('resultsTable', () => {
  it('text: one row per run, the best marked once, control characters escaped', () => {
    const lines = resultsText(rows, { keyHeaders: ['lr'] });
    expect(lines[0]).toMatch(
      /^\s#\s+lr\s+end\s+steps\s+train\s+val\s+best val @ step\s+‖w‖\s+‖b‖\s+‖é\\u001b‖$/,
    );
    expect(lines.filter((l) => /^\s*\d+\*/.test(l))).toEqual([expect.stringMatching(/^2\*/)]);
    expect(lines.at(-1)).toBe('* lowest final validation loss');
    expect(lines[3]).toContain('error: boom');
    expect(lines.join('\n')).not.toContain('\u001b');
  });

  it('csv: full precision, one value per column, a best column, ASCII headers', () => {
    const [header, ...body] = resultsCsv(rows, { keyHeaders: ['lr'] })
      .trimEnd()
      .split('\n');
    expect(header).toBe(
      'index,lr,end,steps,train,val,best_val,best_val_step,norm_w,norm_b,norm___,best,error',
    );
    expect(body[0]).toBe('1,0.1,completed,10,0.5,0.123456789,0.123456789,3,1.25,2,,false,');
    expect(body[1]).toBe(`2,"[8,8]",completed,10,${1 / 3},0.1,0.1,3,3,,4,true,`);
    expect(body[2]).toBe('3,x,error,,,,,,,,,false,boom');
  });
});
