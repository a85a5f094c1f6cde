import type { Translate } from '../../i18n/t';
import type { ChartFrame } from '../_shared/ChartSlot';
import type { Divergence } from '../_shared/runBound';
import type { ChartTheme } from '../_shared/theme';
import type { RunTrace } from './RunTrace';

/** The Plot subset the playground's charts use (playgroundPlot.ts, loaded lazily). */
export type PlaygroundPlot = typeof import('./playgroundPlot');

/** What every playground chart is drawn from: the current run and the pinned runs (ghosts). */
export interface PanelInput extends ChartFrame {
  readonly Plot: PlaygroundPlot;
  readonly theme: ChartTheme;
  readonly t: Translate;
  readonly run: RunTrace;
  /** Pinned runs, drawn faintly behind the current one. */
  readonly ghosts: readonly RunTrace[];
  readonly divergences: readonly Divergence[];
}

/** The most rows of a set a chart draws as dots (evenly spaced among them). */
export const MAX_POINTS = 2000;

/** Opacity of a pinned run's marks. */
export const GHOST_OPACITY = 0.35;

/** The series colours of parameter groups, in group order. */
export const groupColors = (theme: ChartTheme) => [theme.c1, theme.c3, theme.c4, theme.c2];

/**
 * The step axis of the charts over steps: long enough for the current run and every pinned one
 * (a pinned 500-step run stays inside the frame when the current run has 100 steps).
 *
 * @example
 * x: { domain: stepDomain(run, ghosts) } // [0, 500]
 */
export const stepDomain = (run: RunTrace, ghosts: readonly RunTrace[]): [number, number] => [
  0,
  Math.max(1, ...[run, ...ghosts].map((trace) => trace.spec?.steps ?? 1)),
];
