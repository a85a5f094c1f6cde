import type { ChartFrame } from './ChartSlot';
import { grid, polyEval } from './polyEval';
import type { ChartTheme } from './theme';

type PlotModule = typeof import('./plot');
type Params = { readonly [name: string]: readonly number[] };

/** One curve of a fit chart: a polynomial model's parameters, or y values on the chart's grid. */
export interface FitCurve {
  readonly params?: Params;
  /** y at each x of `fitGrid` (instead of `params`). */
  readonly ys?: readonly number[];
  readonly color: string;
  /** Default 2. */
  readonly width?: number;
  /** Default false. */
  readonly dashed?: boolean;
  /** Default 1; ghost traces use about 0.2. */
  readonly opacity?: number;
}

/** Options of `fitChart`: the curves, the points and the frame from `DecayWidget.frame`. */
export interface FitChartOptions extends ChartFrame {
  readonly theme: ChartTheme;
  /** Drawn in order (ghosts first, the current fit last). */
  readonly curves: readonly FitCurve[];
  /** Training points, solid dots. */
  readonly points?: readonly { x: number; y: number }[];
  /** Validation points, small faint dots. */
  readonly valPoints?: readonly { x: number; y: number }[];
  /** Draw the true line y = x (dashed). Default true. */
  readonly truth?: boolean;
  /** Default [−2, 2]. */
  readonly yDomain?: readonly [number, number];
}

/** The x grid every fit chart draws curves on (161 points over [−1, 1]). */
export const fitGrid: readonly number[] = grid(-1, 1, 161);

/**
 * The chapters' fit chart: fitted polynomials over the points of y = x on [−1, 1], clipped to
 * the frame (a wild fit leaves the chart instead of rescaling it).
 *
 * @example
 * this.render('fit', fitChart(Plot, { ...this.frame('fit'), theme,
 *   curves: [{ params, color: theme.c1 }], points }));
 */
export function fitChart(
  Plot: PlotModule,
  {
    theme,
    curves,
    points = [],
    valPoints = [],
    truth = true,
    yDomain = [-2, 2],
    ...frame
  }: FitChartOptions,
) {
  const lines = curves.map(({ params, ys, color, width = 2, dashed = false, opacity = 1 }) => {
    const data = fitGrid.map((x, i) => ({
      x,
      y: ys ? (ys[i] ?? Number.NaN) : params ? polyEval(params, x) : Number.NaN,
    }));
    return Plot.line(params || ys ? data : [], {
      x: 'x',
      y: 'y',
      stroke: color,
      strokeWidth: width,
      strokeOpacity: opacity,
      ...(dashed ? { strokeDasharray: '5,3' } : {}),
      clip: true,
    });
  });
  return Plot.plot({
    ...frame,
    x: { label: 'x', domain: [-1, 1] },
    y: { label: 'y', domain: [...yDomain], grid: true },
    marks: [
      // Points past the y domain (noisy data) are clipped like the fits, not drawn over the legend.
      Plot.dot(valPoints, {
        x: 'x',
        y: 'y',
        r: 1.5,
        fill: theme.muted,
        fillOpacity: 0.5,
        clip: true,
      }),
      ...(truth
        ? [
            Plot.line(
              [
                { x: -1, y: -1 },
                { x: 1, y: 1 },
              ],
              { x: 'x', y: 'y', stroke: theme.muted, strokeDasharray: '2,3' },
            ),
          ]
        : []),
      ...lines,
      Plot.dot(points, { x: 'x', y: 'y', r: 3.5, fill: theme.fg, clip: true }),
    ],
  });
}
