/**
 * The data helpers alone, without Observable Plot: `import { downsample } from '@decaylab/charts/data'`
 * loads no chart code (for servers and CLIs that only prepare series, and for pages that draw
 * with their own Plot: `logTicks`).
 */

export { collectSeries, type PartialStep } from './collectSeries.js';
export { downsample } from './downsample.js';
export { type LogTicksOptions, logTicks } from './logTicks.js';
export { type StepLike, seriesFromSteps } from './seriesFromSteps.js';
export type { LossSeries, NormSeries, Point, RunSeries } from './types.js';
