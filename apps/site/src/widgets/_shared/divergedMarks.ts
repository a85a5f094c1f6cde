import type { Divergence } from './runBound';

/** The two marks it draws, from whichever Plot subset the caller loaded. */
type PlotModule = Pick<typeof import('./plot'), 'ruleX' | 'text'>;

/**
 * Plot marks that show where runs diverged: a vertical rule at the step and a label
 * `✕ diverged (step 37)`, left of the rule, or right of it when `xDomain` (the chart's step
 * domain, on a `log` scale when `xLog`) puts the step in its left 40 %: a run that diverges near
 * the start would push its label over the y axis's ticks. Use on a chart whose x is the step.
 *
 * @example
 * Plot.plot({ marks: [...lines, ...divergedMarks(Plot, this.divergences, { color: theme.c3 })] })
 */
export function divergedMarks(
  Plot: PlotModule,
  divergences: readonly Divergence[],
  {
    color = 'currentColor',
    label = (d: Divergence) => `✕ diverged (step ${d.step})`,
    xDomain,
    xLog = false,
  }: {
    color?: string;
    label?: (d: Divergence) => string;
    xDomain?: readonly [number, number];
    xLog?: boolean;
  } = {},
) {
  if (divergences.length === 0) return [];
  const at = (v: number) => (xLog ? Math.log(v) : v);
  const early = (d: Divergence) =>
    xDomain !== undefined && at(d.step) < at(xDomain[0]) + 0.4 * (at(xDomain[1]) - at(xDomain[0]));
  const text = (list: readonly Divergence[], side: 'left' | 'right') =>
    Plot.text(list, {
      x: 'step',
      frameAnchor: 'top',
      dy: 4,
      dx: side === 'left' ? -4 : 4,
      textAnchor: side === 'left' ? 'end' : 'start',
      text: label,
      fill: color,
      fontWeight: 700,
      stroke: 'var(--sl-color-bg, white)',
      strokeWidth: 3,
      paintOrder: 'stroke',
    });
  return [
    Plot.ruleX(divergences, { x: 'step', stroke: color, strokeWidth: 2, strokeDasharray: '3,2' }),
    text(
      divergences.filter((d) => !early(d)),
      'left',
    ),
    text(divergences.filter(early), 'right'),
  ];
}
