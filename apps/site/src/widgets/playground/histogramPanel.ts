import { binCounts } from './binCounts';
import { GHOST_OPACITY, type PanelInput } from './chartTypes';
import { integerTicks } from './integerTicks';
import { paddedExtent } from './paddedExtent';

/**
 * A histogram of the current weights (biases left out), 30 equal bins over the range of the
 * current and pinned runs' weights (and 0); a pinned run's histogram as a faint step line.
 *
 * @example
 * slot.render(histogramPanel(input));
 */
export function histogramPanel({
  Plot,
  theme,
  t,
  run,
  ghosts,
  divergences: _d,
  ...frame
}: PanelInput) {
  const weights = run.weights().filter(Number.isFinite);
  const ghostWeights = ghosts.map((g) => g.weights().filter(Number.isFinite));
  const [lo, hi] = paddedExtent([weights, ...ghostWeights].flat(), { pad: 0.04, include: 0 });
  // 30 equal bins over the padded range, counted here (Plot's "nice" thresholds may drop the
  // ends), so that the count axis can be labelled with whole numbers up to the tallest bar.
  const edges = Array.from({ length: 31 }, (_, i) => (i === 30 ? hi : lo + ((hi - lo) * i) / 30));
  const bars = (ws: readonly number[]) =>
    binCounts(ws, edges).map((count, i) => ({
      x1: edges[i] as number,
      x2: edges[i + 1] as number,
      count,
    }));
  const mine = bars(weights);
  const theirs = ghostWeights.map(bars);
  const tallest = Math.max(1, ...[mine, ...theirs].flat().map((b) => b.count));
  return Plot.plot({
    ...frame,
    marginLeft: 48,
    x: { label: t('playground.axisWeight'), domain: [lo, hi] },
    y: {
      label: t('playground.axisCount'),
      grid: true,
      domain: [0, tallest],
      ticks: integerTicks(tallest),
      tickFormat: 'd',
    },
    marks: [
      Plot.rectY(
        mine.filter((b) => b.count > 0),
        { x1: 'x1', x2: 'x2', y: 'count', fill: theme.c1, fillOpacity: 0.8, inset: 0.5 },
      ),
      ...theirs.map((ghost) =>
        // Empty bins kept: the step line drops to 0 between the bars.
        Plot.lineY(
          ghost.flatMap((b) => [
            { x: b.x1, count: b.count },
            { x: b.x2, count: b.count },
          ]),
          {
            x: 'x',
            y: 'count',
            stroke: theme.fg,
            strokeOpacity: GHOST_OPACITY,
            strokeWidth: 2,
            strokeDasharray: '5,3',
          },
        ),
      ),
      Plot.ruleX([0], { stroke: theme.muted }),
      Plot.ruleY([0]),
    ],
  });
}
