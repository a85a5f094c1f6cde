import { divergedMarks } from '../_shared/divergedMarks';
import { formatValue } from '../_shared/format';
import { logAxisOf } from '../_shared/logAxisOf';
import { GHOST_OPACITY, type PanelInput, stepDomain } from './chartTypes';
import type { RunTrace } from './RunTrace';

const positive = (v: number | undefined) =>
  v !== undefined && v > 0 && Number.isFinite(v) ? v : Number.NaN;

/**
 * Training (total) and validation loss per step on a log axis; pinned runs faint and dashed.
 *
 * @example
 * slot.render(lossPanel({ Plot, theme, t, run, ghosts, divergences, ...slot.frame(theme) }));
 */
export function lossPanel({ Plot, theme, t, run, ghosts, divergences, ...frame }: PanelInput) {
  const lines = (trace: RunTrace, opacity: number, dashed: boolean) => [
    Plot.line(trace.loss, {
      x: 'step',
      y: (d) => positive(d.train),
      stroke: theme.c1,
      strokeWidth: 2,
      strokeOpacity: opacity,
      ...(dashed ? { strokeDasharray: '5,3' } : {}),
    }),
    Plot.line(
      trace.loss.filter((d) => d.val !== undefined),
      {
        x: 'step',
        y: (d) => positive(d.val),
        stroke: theme.c2,
        strokeWidth: 2,
        strokeOpacity: opacity,
        ...(dashed ? { strokeDasharray: '5,3' } : {}),
      },
    ),
  ];
  const steps = stepDomain(run, ghosts);
  return Plot.plot({
    ...frame,
    marginLeft: 56,
    x: { label: t('playground.axisStep'), domain: steps },
    y: {
      label: t('playground.axisLoss'),
      type: 'log',
      grid: true,
      ...logAxisOf(
        [run, ...ghosts].flatMap((trace) => trace.loss.flatMap((d) => [d.train, d.val])),
        { scaleLog: Plot.scaleLog },
      ),
      tickFormat: (v: number) => formatValue(v, 'sig'),
    },
    marks: [
      ...ghosts.flatMap((g) => lines(g, GHOST_OPACITY, true)),
      ...lines(run, 1, false),
      ...divergedMarks(Plot, divergences, {
        color: theme.c3,
        label: (d) => t('playground.divergedAt', { step: d.step }),
        xDomain: steps,
      }),
    ],
  });
}
