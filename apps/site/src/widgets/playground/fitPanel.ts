import { downsample } from '@decaylab/charts/data';
import type { Dataset, InlineData } from '@decaylab/core';
import { axisNames } from './axisNames';
import { GHOST_OPACITY, MAX_POINTS, type PanelInput } from './chartTypes';
import { paddedExtent } from './paddedExtent';
import { predictor } from './predict';
import type { RunTrace } from './RunTrace';

/** The rows of a set as points (at most `MAX_POINTS`: 100 k SVG dots froze the page). */
const rowsOf = (set: Dataset | undefined) =>
  set
    ? downsample(
        set.x.map((row, i) => ({ x: row[0] as number, y: set.y[i] as number })),
        { max: MAX_POINTS },
      )
    : [];

/** The curve of a run's current model over `xs`. */
function curve(trace: RunTrace, xs: readonly number[]) {
  if (!trace.spec || !trace.params) return [];
  const f = predictor(trace.spec.model, trace.params);
  return xs.map((x) => ({ x, y: f([x]) }));
}

/**
 * The fit on one-input regression data: training points, validation points (faint), the
 * current model's curve redrawn as it trains and the pinned runs' curves (faint, dashed).
 *
 * @example
 * slot.render(fitPanel({ ...input, data }));
 */
export function fitPanel({
  Plot,
  theme,
  t,
  run,
  ghosts,
  data,
  divergences: _d,
  ...frame
}: PanelInput & { data: InlineData }) {
  const train = rowsOf(data.train);
  const val = rowsOf(data.val);
  const points = [...train, ...val];
  const [x0, x1] = paddedExtent(
    points.map((p) => p.x),
    { pad: 0.05 },
  );
  const [y0, y1] = paddedExtent(
    points.map((p) => p.y),
    { pad: 0.25 },
  );
  const xs = Array.from({ length: 241 }, (_, i) => x0 + ((x1 - x0) * i) / 240);
  const sameData = (g: RunTrace) => JSON.stringify(g.spec?.data) === JSON.stringify(run.spec?.data);
  return Plot.plot({
    ...frame,
    marginLeft: 48,
    x: { label: run.spec ? axisNames(run.spec, t, 1)[0] : '', domain: [x0, x1] },
    y: {
      label:
        (run.spec?.data as { kind?: string } | undefined)?.kind === 'cars'
          ? t('playground.axisStandardized', { name: t('playground.mpg') })
          : t('playground.axisTarget'),
      domain: [y0, y1],
      grid: true,
    },
    marks: [
      Plot.dot(val, { x: 'x', y: 'y', r: 2, fill: theme.muted, fillOpacity: 0.6 }),
      Plot.dot(train, { x: 'x', y: 'y', r: 2.5, fill: theme.fg, fillOpacity: 0.85 }),
      ...ghosts.filter(sameData).map((g) =>
        // A pinned fit in the model's colour, faint and dashed, as pins are on every chart.
        Plot.line(curve(g, xs), {
          x: 'x',
          y: 'y',
          stroke: theme.c1,
          strokeWidth: 2,
          strokeOpacity: GHOST_OPACITY + 0.15,
          strokeDasharray: '5,3',
          clip: true,
        }),
      ),
      Plot.line(curve(run, xs), { x: 'x', y: 'y', stroke: theme.c1, strokeWidth: 2.5, clip: true }),
    ],
  });
}

/**
 * The model's prediction against the truth on the validation rows (training rows without
 * validation data), for data the fit and boundary charts cannot draw (more inputs): points on
 * the dashed diagonal are predicted exactly; for classes, x is the predicted probability.
 *
 * @example
 * slot.render(scatterPanel({ ...input, data, classes: false }));
 */
export function scatterPanel({
  Plot,
  theme,
  t,
  run,
  data,
  classes,
  ghosts: _g,
  divergences: _d,
  ...frame
}: PanelInput & { data: InlineData; classes: boolean }) {
  const all = data.val ?? data.train;
  const set = {
    x: downsample(all.x, { max: MAX_POINTS }),
    y: downsample(all.y, { max: MAX_POINTS }),
  };
  const f = run.spec && run.params ? predictor(run.spec.model, run.params) : () => Number.NaN;
  const rows = set.x.map((x, i) => {
    const out = f(x);
    return { truth: set.y[i] as number, predicted: classes ? 1 / (1 + Math.exp(-out)) : out };
  });
  const [lo, hi] = paddedExtent([...rows.map((r) => r.truth), ...(classes ? [0, 1] : [])], {
    pad: 0.05,
  });
  return Plot.plot({
    ...frame,
    marginLeft: 48,
    x: {
      label: t(classes ? 'playground.axisProbability' : 'playground.axisPredicted'),
      domain: classes ? [0, 1] : [lo, hi],
    },
    y: { label: t('playground.axisTruth'), domain: [lo, hi], grid: true },
    marks: [
      ...(classes
        ? [Plot.ruleX([0.5], { stroke: theme.muted, strokeDasharray: '2,3' })]
        : [
            Plot.line([{ v: lo }, { v: hi }], {
              x: 'v',
              y: 'v',
              stroke: theme.muted,
              strokeDasharray: '2,3',
            }),
          ]),
      Plot.dot(rows, {
        x: 'predicted',
        y: 'truth',
        r: 2.5,
        fill: classes ? (d: { truth: number }) => (d.truth > 0.5 ? theme.c1 : theme.c2) : theme.c1,
        fillOpacity: 0.7,
        clip: true,
      }),
    ],
  });
}
