import { linePlot } from './internal/linePlot.js';
import { rows } from './internal/rows.js';
import { type Chart, type ChartOptions, defaultLabels, type LossSeries } from './types.js';

/**
 * Training loss (solid) and validation loss (dashed) against the step, on a log scale by default.
 *
 * @example
 * const svg = lossChart({ train: [{ step: 1, value: 0.9 }], val: [{ step: 1, value: 1.1 }] }, { document });
 * container.append(svg);
 */
export function lossChart(series: LossSeries, options: ChartOptions = {}): Chart {
  const { yScale = 'log' } = options;
  const labels = { ...defaultLabels, ...options.labels };
  const log = yScale === 'log';
  const data = [
    ...rows(series.train, labels.train, false, log),
    ...rows(series.val ?? [], labels.val, true, log),
  ];
  return linePlot(data, { yLabel: labels.loss, yScale, options });
}
