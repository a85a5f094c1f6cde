import { formatValue } from '../_shared/format';
import { GHOST_OPACITY, groupColors, type PanelInput, stepDomain } from './chartTypes';
import type { GroupPoint, RunTrace } from './RunTrace';

/**
 * One line per parameter group over the steps: its weight norm ‖θ_g‖ (`metric: 'norms'`) or
 * its decay pull (`'pulls'`, see `RunTrace`). Pinned runs faint and dashed, same colours.
 *
 * @example
 * slot.render(groupPanel({ ...input, metric: 'norms' }));
 */
export function groupPanel({
  Plot,
  theme,
  t,
  run,
  ghosts,
  metric,
  divergences: _divergences,
  ...frame
}: PanelInput & { metric: 'norms' | 'pulls' }) {
  const colors = groupColors(theme);
  const labels = [
    ...new Set([...run.groups, ...ghosts.flatMap((g) => g.groups)].map((g) => g.label)),
  ];
  const color = (d: GroupPoint) => colors[labels.indexOf(d.group) % colors.length] ?? theme.fg;
  const lines = (trace: RunTrace, opacity: number, dashed: boolean) =>
    Plot.line(trace[metric], {
      x: 'step',
      y: 'value',
      z: 'group',
      stroke: color,
      strokeWidth: 2,
      strokeOpacity: opacity,
      ...(dashed ? { strokeDasharray: '5,3' } : {}),
    });
  return Plot.plot({
    ...frame,
    marginLeft: 56,
    x: { label: t('playground.axisStep'), domain: stepDomain(run, ghosts) },
    y: {
      label: t(metric === 'norms' ? 'playground.axisNorm' : 'playground.axisPull'),
      grid: true,
      // All zero (no decay on any group): a flat line at 0 on a readable axis.
      ...(trace0(run, metric) ? { domain: [0, 1] } : { zero: true }),
      tickFormat: (v: number) => formatValue(v, 'sig'),
    },
    marks: [...ghosts.map((g) => lines(g, GHOST_OPACITY, true)), lines(run, 1, false)],
  });
}

/** True when every value of the metric is 0 (so far). */
const trace0 = (run: RunTrace, metric: 'norms' | 'pulls') =>
  run[metric].every((d) => d.value === 0);
