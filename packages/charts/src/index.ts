export type { Chart, ChartOptions, LossSeries, NormSeries, Point, RunSeries } from './types.js';
export { lossChart } from './lossChart.js';
export { normChart } from './normChart.js';
export { compareChart, type CompareChartOptions } from './compareChart.js';
export { seriesFromSteps, type StepLike } from './seriesFromSteps.js';
export { downsample } from './downsample.js';
