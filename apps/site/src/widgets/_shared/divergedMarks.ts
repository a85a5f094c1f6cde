import type { Divergence } from './runBound';

type PlotModule = typeof import('./plot');

/**
 * Plot marks that show where runs diverged: a vertical rule at the step and a label
 * `✕ diverged (step 37)`. Use on a chart whose x is the step.
 *
 * @example
 * Plot.plot({ marks: [...lines, ...divergedMarks(Plot, this.divergences, { color: theme.c3 })] })
 */
export function divergedMarks(
  Plot: PlotModule,
  divergences: readonly Divergence[],
  { color = 'currentColor', label = (d: Divergence) => `✕ diverged (step ${d.step})` } = {},
) {
  if (divergences.length === 0) return [];
  return [
    Plot.ruleX(divergences, { x: 'step', stroke: color, strokeWidth: 2, strokeDasharray: '3,2' }),
    Plot.text(divergences, {
      x: 'step',
      frameAnchor: 'top',
      dy: 4,
      dx: -4,
      textAnchor: 'end',
      text: label,
      fill: color,
      fontWeight: 700,
      stroke: 'var(--sl-color-bg, white)',
      strokeWidth: 3,
      paintOrder: 'stroke',
    }),
  ];
}
