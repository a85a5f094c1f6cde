import { linePlot } from './internal/linePlot.js';
import { rows } from './internal/rows.js';
import {
  type Chart,
  type ChartOptions,
  defaultLabels,
  type LossSeries,
  type NormSeries,
} from './types.js';

/** Options for `compareChart`. */
export interface CompareChartOptions extends ChartOptions {
  /** What to overlay: `loss` (train solid, val dashed; the default) or `norms` (one line per run and parameter). */
  readonly metric?: 'loss' | 'norms';
}

/**
 * Several runs overlaid, one colour per run and series: how an L2 penalty and `weightDecay`
 * coincide, or how Adam+L2 and AdamW part ways.
 *
 * @example
 * compareChart([
 *   { name: 'l2', train: [...], val: [...] },
 *   { name: 'wd', train: [...], val: [...] },
 * ], { document, metric: 'loss' });
 */
export function compareChart(
  runs: readonly (LossSeries & { readonly name: string; readonly norms?: NormSeries })[],
  options: CompareChartOptions = {},
): Chart {
  const { metric = 'loss' } = options;
  const yScale = options.yScale ?? (metric === 'loss' ? 'log' : 'linear');
  const log = yScale === 'log';
  const data = runs.flatMap((run) =>
    metric === 'loss'
      ? [
          ...rows(run.train, `${run.name} train`, false, log),
          ...rows(run.val ?? [], `${run.name} val`, true, log),
        ]
      : Object.entries(run.norms ?? {}).flatMap(([p, points]) =>
          rows(points, `${run.name} ‖${p}‖`, false, log),
        ),
  );
  return linePlot(data, {
    yLabel: metric === 'loss' ? (options.labels?.loss ?? defaultLabels.loss) : '‖θ‖₂',
    yScale,
    options,
  });
}
