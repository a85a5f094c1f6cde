import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { compareChart, downsample, lossChart, normChart, seriesFromSteps } from './index.js';

const { document } = parseHTML('<!doctype html><html><body></body></html>') as unknown as {
  document: Document;
};

const steps = Array.from({ length: 20 }, (_, i) => ({
  step: i + 1,
  loss: { total: Math.exp(-i / 5) },
  val: { loss: Math.exp(-i / 6) + 0.05 },
  norms: { weight: 1 + i / 10, bias: 0.1 },
}));

describe('charts', () => {
  it('seriesFromSteps collects train, val and norms', () => {
    const s = seriesFromSteps(steps, { name: 'a' });
    expect(s.name).toBe('a');
    expect(s.train).toHaveLength(20);
    expect(s.val?.[19]?.value).toBeCloseTo(Math.exp(-19 / 6) + 0.05);
    expect(Object.keys(s.norms)).toEqual(['weight', 'bias']);
  });

  it('lossChart returns one svg with a train line and a dashed val line', () => {
    const svg = lossChart(seriesFromSteps(steps), { document, width: 500, height: 200 });
    expect(svg.tagName.toLowerCase()).toBe('svg');
    const html = svg.outerHTML;
    expect(html).toContain('width="500"');
    expect(html.match(/<path/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain('stroke-dasharray="4,3"');
    expect(html).toContain('>train<');
    expect(html).toContain('>val<');
  });

  it('log-scale ticks are all labelled, on a loss within a decade or just over one', () => {
    // Plot's own ticks label 0.55 to 0.7 but blank 0.06 to 0.09 on 0.02 to 0.51.
    for (const [floor, drop] of [
      [0.55, 0.15],
      [0.012, 0.5],
    ] as const) {
      const curve = Array.from({ length: 30 }, (_, i) => ({
        step: i + 1,
        loss: { total: floor + drop * Math.exp(-i / 8) },
        norms: { weight: 1 },
      }));
      for (const chart of [
        lossChart(seriesFromSteps(curve), { document, height: 300 }),
        compareChart([{ ...seriesFromSteps(curve), name: 'a' }], { document, height: 300 }),
      ]) {
        const labels = [...chart.querySelectorAll('g[aria-label="y-axis tick label"] text')].map(
          (t) => t.textContent,
        );
        expect(labels.length).toBeGreaterThanOrEqual(3);
        expect(labels).not.toContain('');
      }
    }
  });

  it('log-scale ticks are plain numbers, never SI prefixes ("400m")', () => {
    const html = lossChart(seriesFromSteps(steps), { document, width: 500, height: 300 }).outerHTML;
    const ticks = [...html.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
    expect(ticks).toContain('0.1');
    expect(ticks.filter((t) => /^[\d.]+[mµnk]$/.test(t))).toEqual([]);
  });

  it('log scale drops non-positive values instead of failing', () => {
    const svg = lossChart(
      {
        train: [
          { step: 1, value: 0 },
          { step: 2, value: 1 },
          { step: 3, value: 0.5 },
        ],
      },
      { document },
    );
    expect(svg.outerHTML).not.toContain('NaN');
  });

  it('normChart labels each parameter', () => {
    const html = normChart(seriesFromSteps(steps).norms, { document }).outerHTML;
    expect(html).toContain('‖weight‖');
    expect(html).toContain('‖bias‖');
  });

  it('compareChart overlays runs', () => {
    const a = seriesFromSteps(steps, { name: 'l2' });
    const b = seriesFromSteps(steps, { name: 'wd' });
    const html = compareChart([a, b], { document }).outerHTML;
    expect(html).toContain('l2 train');
    expect(html).toContain('wd val');
    expect(compareChart([a, b], { document, metric: 'norms' }).outerHTML).toContain('wd ‖bias‖');
  });

  it('labels are the English defaults, or the words given (a page in another language)', () => {
    const series = seriesFromSteps(steps);
    const en = lossChart(series, { document }).outerHTML;
    expect(en).toContain('>train<');
    expect(en).toContain('step');
    const zh = lossChart(series, {
      document,
      labels: { step: '步数', loss: '损失', train: '训练', val: '验证' },
    }).outerHTML;
    expect(zh).toContain('>训练<');
    expect(zh).toContain('步数');
    expect(zh).toContain('损失');
    expect(zh).not.toMatch(/>train<|>step|>loss/);
  });

  it('a title wraps the chart in a figure', () => {
    expect(
      lossChart(seriesFromSteps(steps), { document, title: 'Loss' }).tagName.toLowerCase(),
    ).toBe('figure');
  });

  it('downsample keeps first and last and at most max points', () => {
    const pts = Array.from({ length: 10001 }, (_, i) => ({ step: i + 1, value: i }));
    const d = downsample(pts, { max: 100 });
    expect(d).toHaveLength(100);
    expect(d[0]?.step).toBe(1);
    expect(d[99]?.step).toBe(10001);
    expect(downsample(pts.slice(0, 5), { max: 100 })).toHaveLength(5);
  });
});
