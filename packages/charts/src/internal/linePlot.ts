import * as Plot from '@observablehq/plot';
import { logTicks } from '../logTicks.js';
import { type Chart, type ChartOptions, defaultLabels } from '../types.js';
import type { Row } from './rows.js';

/**
 * The one layout every decaylab chart shares: a line per series, coloured by series, `val`
 * lines dashed, each line labelled at its right end (so the result stays a single SVG, with no
 * HTML legend), a grid, and `step` on x.
 */
export function linePlot(
  data: readonly Row[],
  { yLabel, yScale, options }: { yLabel: string; yScale: 'log' | 'linear'; options: ChartOptions },
): Chart {
  const { document, width = 640, height = 300, title } = options;
  const longest = data.reduce((n, r) => Math.max(n, r.series.length), 0);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const { value } of data) {
    if (value < lo) lo = value;
    if (value > hi) hi = value;
  }
  return Plot.plot({
    ...(document ? { document } : {}),
    ...(title ? { title } : {}),
    width,
    height,
    marginRight: Math.min(200, 12 + longest * 6),
    x: { label: options.labels?.step ?? defaultLabels.step, grid: true },
    // Log ticks as plain numbers (0.4, 1e-5), not d3's SI prefixes ("400m" reads as 400 metres),
    // and every one labelled (Plot's own leave most blank on a range under a decade or so).
    y: {
      label: yLabel,
      type: yScale,
      grid: true,
      ...(yScale === 'log'
        ? {
            tickFormat: '~g',
            ticks: logTicks(lo, hi, { count: Math.max(3, Math.round(height / 60)) }),
          }
        : {}),
    },
    color: { type: 'categorical' },
    marks: [
      Plot.lineY(
        data.filter((r) => !r.dashed),
        { x: 'step', y: 'value', z: 'series', stroke: 'series', strokeWidth: 1.5 },
      ),
      Plot.lineY(
        data.filter((r) => r.dashed),
        {
          x: 'step',
          y: 'value',
          z: 'series',
          stroke: 'series',
          strokeWidth: 1.5,
          strokeDasharray: '4,3',
        },
      ),
      Plot.text(
        data,
        Plot.selectLast({
          x: 'step',
          y: 'value',
          z: 'series',
          text: 'series',
          fill: 'series',
          dx: 4,
          textAnchor: 'start',
        }),
      ),
    ],
  }) as Chart;
}
