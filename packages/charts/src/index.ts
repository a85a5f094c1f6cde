export { collectSeries, type PartialStep } from './collectSeries.js';
export { type CompareChartOptions, compareChart } from './compareChart.js';
export { downsample } from './downsample.js';
export { type LogTicksOptions, logTicks } from './logTicks.js';
export { lossChart } from './lossChart.js';
export { normChart } from './normChart.js';
export { type StepLike, seriesFromSteps } from './seriesFromSteps.js';
export type {
  Chart,
  ChartLabels,
  ChartOptions,
  LossSeries,
  NormSeries,
  Point,
  RunSeries,
} from './types.js';
export { defaultLabels } from './types.js';
