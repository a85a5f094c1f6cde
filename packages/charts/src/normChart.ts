import { linePlot } from './internal/linePlot.js';
import { rows } from './internal/rows.js';
import type { Chart, ChartOptions, NormSeries } from './types.js';

/**
 * ‖θ‖₂ of each parameter against the step: where weight decay shows, as norms that shrink or stop growing.
 *
 * @example
 * normChart({ weight: [{ step: 1, value: 2.3 }], bias: [{ step: 1, value: 0.1 }] }, { document });
 */
export function normChart(norms: NormSeries, options: ChartOptions = {}): Chart {
  const { yScale = 'linear' } = options;
  const log = yScale === 'log';
  const data = Object.entries(norms).flatMap(([name, points]) =>
    rows(points, `‖${name}‖`, false, log),
  );
  return linePlot(data, { yLabel: '‖θ‖₂', yScale, options });
}
