import { GHOST_OPACITY, type PanelInput } from './chartTypes';

/**
 * A histogram of the current weights (biases left out), 30 bins over the range of the current
 * and pinned runs' weights; a pinned run's histogram as a faint step line.
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
  const all = [weights, ...ghostWeights].flat();
  let lo = Math.min(...all, 0);
  let hi = Math.max(...all, 0);
  if (!(hi > lo)) [lo, hi] = [lo - 1, hi + 1];
  const bins = { domain: [lo, hi] as [number, number], thresholds: 30 };
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
          ...Plot.binX({ y: 'count' }, { x: (d: number) => d, ...bins }),
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
