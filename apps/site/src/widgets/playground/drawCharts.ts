import type { InlineData } from '@decaylab/core';
import type { Translate } from '../../i18n/t';
import { ChartSlot, type LegendItem } from '../_shared/ChartSlot';
import type { Divergence } from '../_shared/runBound';
import { type ChartTheme, readTheme } from '../_shared/theme';
import { boundaryPanel } from './boundaryPanel';
import { groupColors, type PanelInput, type PlaygroundPlot } from './chartTypes';
import { fitPanel, scatterPanel } from './fitPanel';
import { groupPanel } from './groupPanel';
import { histogramPanel } from './histogramPanel';
import { lossPanel } from './lossPanel';
import type { RunTrace } from './RunTrace';

/** What the playground's charts are drawn from. */
export interface ChartsInput {
  readonly Plot: PlaygroundPlot;
  readonly t: Translate;
  /** The current run. */
  readonly run: RunTrace;
  /** Its data (materialized when its `run` event came). */
  readonly data: InlineData;
  /** Pinned runs, drawn faintly behind it. */
  readonly ghosts: readonly RunTrace[];
  readonly divergences: readonly Divergence[];
}

/** Draws one named chart slot: its legend, then its figure. */
type DrawPanel = (name: string, legend: LegendItem[], make: (input: PanelInput) => Element) => void;

/**
 * Draws the playground's five charts into their slots in `host` (`[data-chart="<name>"]`):
 * losses, weight norm and decay pull per parameter group, a weight histogram, and the model
 * (the fit, the decision boundary or predicted against true), each with its legend; pinned
 * runs add a faint dashed legend entry.
 *
 * @example
 * drawCharts(element, { Plot, t, run: trace, data, ghosts: [], divergences: [] });
 */
export function drawCharts(host: HTMLElement, input: ChartsInput): void {
  const { Plot, t, run, data, ghosts, divergences } = input;
  const theme = readTheme();
  const faint = ghosts.length > 0;
  const panel: DrawPanel = (name, legend, make) => {
    const el = host.querySelector<HTMLElement>(`[data-chart="${name}"]`);
    if (!el) return;
    const slot = new ChartSlot(el);
    slot.legend(
      faint
        ? [
            ...legend,
            { label: t('playground.legendPinned'), color: theme.fg, dashed: true, faint: true },
          ]
        : legend,
    );
    slot.render(make({ Plot, theme, t, run, ghosts, divergences, ...slot.frame(theme) }));
  };
  panel(
    'loss',
    [
      { label: t('playground.legendTrain'), color: theme.c1 },
      ...(data.val ? [{ label: t('playground.legendVal'), color: theme.c2 }] : []),
    ],
    lossPanel,
  );
  const groupLegend = run.groups.map((g, i) => ({
    label: g.label,
    color: groupColors(theme)[i % 4] ?? theme.fg,
  }));
  panel('norms', groupLegend, (input) => groupPanel({ ...input, metric: 'norms' }));
  panel('pulls', groupLegend, (input) => groupPanel({ ...input, metric: 'pulls' }));
  panel('weights', [{ label: t('playground.legendWeights'), color: theme.c1 }], histogramPanel);
  drawModel(host, { panel, theme, t, run, data });
}

/** The model chart: the fit (one input), the decision boundary (two, classes) or a scatter. */
function drawModel(
  host: HTMLElement,
  {
    panel,
    theme,
    t,
    run,
    data,
  }: { panel: DrawPanel; theme: ChartTheme; t: Translate; run: RunTrace; data: InlineData },
): void {
  const spec = run.spec;
  if (!spec) return;
  const dims = data.train.x[0]?.length ?? 0;
  const labels = [...data.train.y, ...(data.val?.y ?? [])];
  const classes = spec.loss === 'bce-logits' || labels.every((y) => y === 0 || y === 1);
  const chart = host.querySelector<HTMLElement>('[data-chart="model"]');
  const view = !classes && dims === 1 ? 'fit' : classes && dims === 2 ? 'boundary' : 'scatter';
  if (chart) {
    chart.dataset.view = view;
    chart.dataset.label = t(
      view === 'fit'
        ? 'playground.chartFit'
        : view === 'boundary'
          ? 'playground.chartBoundary'
          : 'playground.chartScatter',
    );
  }
  if (view === 'fit')
    panel(
      'model',
      [
        { label: t('playground.legendTrainPoints'), color: theme.fg, dot: true },
        { label: t('playground.legendValPoints'), color: theme.muted, dot: true },
        { label: t('playground.legendModel'), color: theme.c1 },
      ],
      (input) => fitPanel({ ...input, data }),
    );
  else if (view === 'boundary')
    panel(
      'model',
      [
        { label: t('playground.legendClass1'), color: theme.c1, dot: true },
        { label: t('playground.legendClass0'), color: theme.c2, dot: true },
        { label: t('playground.legendBoundary'), color: theme.fg },
      ],
      (input) => boundaryPanel({ ...input, data }),
    );
  else panel('model', [], (input) => scatterPanel({ ...input, data, classes }));
}
