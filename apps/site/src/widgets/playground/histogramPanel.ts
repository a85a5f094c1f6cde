import { GHOST_OPACITY, type PanelInput } from './chartTypes';
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
  // 30 equal bins over the padded range (Plot's default "nice" thresholds may drop the ends).
  const edges = Array.from({ length: 29 }, (_, i) => lo + ((hi - lo) * (i + 1)) / 30);
  const bins = { domain: [lo, hi] as [number, number], thresholds: edges };
  return Plot.plot({
    ...frame,
    marginLeft: 48,
    x: { label: t('playground.axisWeight'), domain: [lo, hi] },
    y: { label: t('playground.axisCount'), grid: true },
    marks: [
      Plot.rectY(weights, {
        ...Plot.binX({ y: 'count' }, { x: (d: number) => d, ...bins }),
        fill: theme.c1,
        fillOpacity: 0.8,
        inset: 0.5,
      }),
      ...ghostWeights.map((ws) =>
        Plot.lineY(ws, {
          // Empty bins kept (filter: null): the step line drops to 0 between the bars.
          ...Plot.binX({ y: 'count', filter: null }, { x: (d: number) => d, ...bins }),
          curve: 'step',
          stroke: theme.fg,
          strokeOpacity: GHOST_OPACITY,
          strokeWidth: 2,
          strokeDasharray: '5,3',
        }),
      ),
      Plot.ruleX([0], { stroke: theme.muted }),
      Plot.ruleY([0]),
    ],
  });
}
