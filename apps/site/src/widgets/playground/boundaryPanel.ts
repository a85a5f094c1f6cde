import { downsample } from '@decaylab/charts/data';
import type { Dataset, InlineData } from '@decaylab/core';
import { axisNames } from './axisNames';
import { GHOST_OPACITY, MAX_POINTS, type PanelInput } from './chartTypes';
import { levelSegments } from './levelSegments';
import { paddedExtent } from './paddedExtent';
import { predictor } from './predict';

/** Padded extent of column `c` of every row. */
const extent = (sets: readonly Dataset[], c: number) =>
  paddedExtent(
    sets.flatMap((s) => s.x.map((row) => row[c] as number)),
    { pad: 0.08 },
  );

/**
 * The decision boundary on two-input classification data: the model's probability of class 1
 * as a faint colour map, its 0.5 line (logit 0) redrawn as it trains, the pinned runs' lines
 * (faint, dashed), and the points coloured by class (validation points hollow).
 *
 * @example
 * slot.render(boundaryPanel({ ...input, data }));
 */
export function boundaryPanel({
  Plot,
  theme,
  t,
  run,
  ghosts,
  data,
  divergences: _d,
  ...frame
}: PanelInput & { data: InlineData }) {
  const sets = [data.train, ...(data.val ? [data.val] : [])];
  const [x1, x2] = extent(sets, 0);
  const [y1, y2] = extent(sets, 1);
  const bounds = { x1, x2, y1, y2 };
  const names = run.spec ? axisNames(run.spec, t, 2) : [];
  // At most MAX_POINTS per set (100 k SVG dots froze the page).
  const rows = (set: Dataset) =>
    downsample(
      set.x.map((row, i) => ({
        a: row[0] as number,
        b: row[1] as number,
        cls: (set.y[i] as number) > 0.5,
      })),
      { max: MAX_POINTS },
    );
  const logit = (trace: typeof run) =>
    trace.spec && trace.params ? predictor(trace.spec.model, trace.params) : null;
  // With bce-logits the model gives a logit (p = σ(z), boundary at z = 0); with mse it predicts
  // the 0/1 label itself (boundary at 0.5).
  const bce = run.spec?.loss === 'bce-logits';
  const probability = (z: number) => (bce ? 1 / (1 + Math.exp(-z)) : Math.min(1, Math.max(0, z)));
  const current = logit(run);
  const sameData = (g: typeof run) =>
    JSON.stringify(g.spec?.data) === JSON.stringify(run.spec?.data);
  const threshold = (trace: typeof run) => (trace.spec?.loss === 'bce-logits' ? 0 : 0.5);
  const boundary = (
    f: (x: readonly number[]) => number,
    level: number,
    stroke: string,
    opacity: number,
    dashed: boolean,
  ) =>
    Plot.link(
      levelSegments((a, b) => f([a, b]), { x: [x1, x2], y: [y1, y2], level, cells: 60 }),
      {
        x1: 'x1',
        y1: 'y1',
        x2: 'x2',
        y2: 'y2',
        stroke,
        strokeWidth: 2,
        strokeOpacity: opacity,
        ...(dashed ? { strokeDasharray: '5,3' } : {}),
      },
    );
  const colorOf = (d: { cls: boolean }) => (d.cls ? theme.c1 : theme.c2);
  return Plot.plot({
    ...frame,
    marginLeft: 48,
    x: { label: names[0], domain: [x1, x2] },
    y: { label: names[1], domain: [y1, y2] },
    color: { type: 'linear', domain: [0, 1], range: [theme.c2, theme.c1] },
    marks: [
      ...(current
        ? [
            Plot.raster({
              ...bounds,
              fill: (a: number, b: number) => probability(current([a, b])),
              pixelSize: 6,
              fillOpacity: 0.22,
            }),
          ]
        : []),
      Plot.dot(rows(data.val ?? { x: [], y: [] }), {
        x: 'a',
        y: 'b',
        r: 2.5,
        stroke: colorOf,
        strokeOpacity: 0.7,
      }),
      Plot.dot(rows(data.train), {
        x: 'a',
        y: 'b',
        r: 3,
        fill: colorOf,
        stroke: 'var(--sl-color-bg-nav)',
        strokeWidth: 0.5,
      }),
      ...ghosts.filter(sameData).flatMap((g) => {
        const f = logit(g);
        return f ? [boundary(f, threshold(g), theme.fg, GHOST_OPACITY + 0.15, true)] : [];
      }),
      ...(current ? [boundary(current, threshold(run), theme.fg, 1, false)] : []),
    ],
  });
}
