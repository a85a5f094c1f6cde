import { describe, expect, it } from 'vitest';
import { collectSeries } from './collectSeries.js';

const step = (i: number) => ({
  type: 'step',
  step: i,
  loss: { total: 1 / i },
  val: { loss: 2 / i },
  norms: { weight: i, bias: -i },
});

describe('collectSeries', () => {
  it('keeps at most 2·max points while reading, max after, the last step always', () => {
    const c = collectSeries({ name: 'r', max: 100 });
    let peak = 0;
    for (let i = 1; i <= 100_003; i++) {
      c.add(step(i));
      if (i % 1000 === 0) peak = Math.max(peak, c.series().train.length);
    }
    const s = c.series();
    expect(s.train.length).toBeLessThanOrEqual(100);
    expect(s.train.at(-1)).toEqual({ step: 100_003, value: 1 / 100_003 });
    expect(s.val?.at(-1)?.step).toBe(100_003);
    expect(s.norms.weight?.at(-1)?.value).toBe(100_003);
    expect(s.train[0]?.step).toBe(1);
    expect(peak).toBeLessThanOrEqual(100);
  });

  it('reads partial steps and keeps any parameter name as a name', () => {
    const c = collectSeries({ name: 'p' });
    const norms = JSON.parse('{"__proto__": 3, "constructor": 4}');
    c.add({ step: 1, norms });
    c.add({ type: 'end', step: 9 });
    const s = c.series();
    expect(s.train).toEqual([]);
    expect(Object.keys(s.norms)).toEqual(['__proto__', 'constructor']);
    expect(s.norms.constructor).toEqual([{ step: 1, value: 4 }]);
  });
});
