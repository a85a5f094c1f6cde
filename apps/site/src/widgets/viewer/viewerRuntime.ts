// Everything heavy the run viewer needs (engine, RxJS, Plot, @decaylab/charts), loaded on first use.
import { type ChartLabels, downsample, lossChart, normChart } from '@decaylab/charts';
import type { Recording } from './readRecording';

export { exampleRecording } from './exampleRecording';
export { readInWorker } from './readInWorker';
export { readRecording } from './readRecording';
export { chunksOf, splitLines } from './splitLines';

/**
 * Draws a recording's loss and norm charts (the same @decaylab/charts functions the CLI's
 * `decaylab plot` uses) at the given size; the curves, thinned while reading, are downsampled
 * to 800 points per line.
 *
 * @example
 * const { loss, norms } = recordingCharts(rec, { width: 640, height: 320 });
 */
export function recordingCharts(
  rec: Recording,
  { width, height, labels }: { width: number; height: number; labels?: Partial<ChartLabels> },
) {
  const { series } = rec;
  const thin = <T extends { step: number; value: number }>(points: readonly T[]) =>
    downsample(points, { max: 800 });
  const norms = Object.fromEntries(Object.entries(series.norms).map(([k, v]) => [k, thin(v)]));
  return {
    loss: lossChart(
      { train: thin(series.train), ...(series.val ? { val: thin(series.val) } : {}) },
      { width, height, ...(labels ? { labels } : {}) },
    ),
    norms: normChart(norms, { width, height, ...(labels ? { labels } : {}) }),
  };
}
