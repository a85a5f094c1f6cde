import type { MessageKey } from '../../i18n/en';
import type { Translate } from '../../i18n/t';
import { DecayWidget } from '../_shared/DecayWidget';
import { formatValue } from '../_shared/format';
import { contourLevels, ellipse } from './contours';
import {
  BALL_SHAPES,
  type BallShape,
  ballOutline,
  boundaryPoint,
  constrainedOptimum,
  crossings,
  gauge,
} from './lpBall';
import { type PlaneLabel, planeLabels } from './planeLabels';
import { lossAt, quadratic, type Vec2 } from './quadratic';
import { PLANE_LIMIT, planeScale, weightPlane } from './weightPlane';

type RunEvent = import('../_shared/engine').RunEvent;

const LEVELS = contourLevels({ first: 0.04, ratio: 2, count: 9 });
/** The three budgets of the source's picture, as multiples of the slider's budget X2. */
const BUDGETS = [0.55, 1, 1.45] as const;
const fmt = (v: number) => (v === 0 ? '0' : formatValue(v, 'fixed3').replace(/^-0\.000$/, '0.000'));
const pair = (w: Vec2) => `(${fmt(w[0])}, ${fmt(w[1])})`;
const xy = { x: (d: Vec2) => d[0], y: (d: Vec2) => d[1] };

/**
 * Chapter 5: the penalty as a budget. Minimizing L0 subject to ‖w‖ ≤ X puts the optimum where
 * the ball of radius X first touches a contour of L0. A slider picks the ball's shape (Lp for
 * p = 0.5, 1, 2, 4, ∞, and the elastic net between L1 and L2), another the budget; the
 * "three budgets" mode draws the source's picture: a ball X1 that misses the contour, X2 that is
 * tangent to it at A, X3 that crosses it at B and C. Pure geometry of the same quadratic the
 * chapter trains (no training run): for L1 and L2 the readout gives the penalty λ that has the
 * same optimum (the Lagrange multiplier).
 */
export class LpBallWidget extends DecayWidget {
  private get shape(): { shape: BallShape; label: MessageKey } {
    const i = Math.round(this.value('shape'));
    const entry = BALL_SHAPES[Math.min(BALL_SHAPES.length - 1, Math.max(0, i))];
    return entry ?? { shape: { kind: 'p', p: 2 }, label: 'ball.l2' };
  }

  protected start(): void {
    this.invalidate();
  }

  protected onEvent(_e: RunEvent): void {}

  protected draw(): void {
    const { Plot, theme: t } = this;
    const { shape, label: key } = this.shape;
    const label = this.t(key);
    const q = quadratic();
    const r = this.value('budget');
    const three = this.flag('budgets');
    const a = constrainedOptimum(q, shape, r);
    const level = lossAt(q, a);
    const output = this.querySelector('output[data-for="shape"]');
    if (output) output.textContent = label;
    this.querySelector('input[data-name="shape"]')?.setAttribute('aria-valuetext', label);
    const contours = LEVELS.flatMap((lv) =>
      ellipse(q, lv, { n: 72 }).map(([x, y]) => ({ x, y, level: lv })),
    );
    const touching = level > 0 ? ellipse(q, level, { n: 160 }) : [];
    const balls = three ? BUDGETS.map((k) => k * r) : [r];
    const cross = three ? crossings(q, shape, BUDGETS[2] * r, level).slice(0, 2) : [];
    const frame = this.frame('plane');
    const pxPerUnit = planeScale(frame);
    // Balls close on screen share one name ("X1 < X2"); one enclosing the plane is named at its edge.
    const names = planeLabels(
      three
        ? balls.map((radius, i) => ({
            p: boundaryPoint(shape, radius, (3 * Math.PI) / 4),
            text: `X${i + 1}`,
          }))
        : [],
      // At the outermost ball of a run, so the joined text runs away from the smaller ones.
      { pxPerUnit, minPx: 24, joiner: ' < ', at: 'last' },
    );
    const atEdge = (d: PlaneLabel) => d.p[0] <= -PLANE_LIMIT;
    // w* first: a label near it (A when the budget does not bind, B or C at large budgets) joins it.
    const points = [
      { p: q.wStar, text: 'w*' },
      { p: a, text: three ? 'A' : this.t('lpball.optimumAt', { w: pair(a) }) },
      ...cross.map((p, i) => ({ p, text: i ? 'C' : 'B' })),
    ];
    // Centred under their points, labels up to "A, B, C" wide: joined when within 40 px.
    const pointLabels = planeLabels(points, { pxPerUnit, minPx: 40 });
    const nameStyle = {
      x: (d: PlaneLabel) => d.p[0],
      y: (d: PlaneLabel) => d.p[1],
      text: 'text',
      fill: t.c2,
      fontWeight: 600,
      stroke: 'var(--sl-color-bg-nav)',
      strokeWidth: 3,
      paintOrder: 'stroke',
    } as const;
    this.render(
      'plane',
      Plot.plot({
        ...frame,
        ...weightPlane(frame),
        marks: [
          Plot.ruleX([0], { stroke: t.grid }),
          Plot.ruleY([0], { stroke: t.grid }),
          Plot.line(contours, {
            x: 'x',
            y: 'y',
            z: 'level',
            stroke: t.muted,
            strokeOpacity: 0.5,
            clip: true,
          }),
          ...balls.map((radius, i) =>
            Plot.line(ballOutline(shape, radius), {
              ...xy,
              stroke: t.c2,
              strokeWidth: 2,
              strokeDasharray: three ? (['5 4', 'none', '2 3'][i] as string) : 'none',
              clip: true,
            }),
          ),
          Plot.line(touching, { ...xy, stroke: t.c1, strokeWidth: 1.5, clip: true }),
          Plot.dot([q.wStar], { ...xy, symbol: 'cross', r: 5, stroke: t.fg, strokeWidth: 2 }),
          Plot.dot(
            points.slice(1).map((d) => d.p),
            { ...xy, r: 4.5, fill: t.c2, stroke: t.fg },
          ),
          Plot.text(pointLabels, { ...nameStyle, dy: 14, fill: t.fg }),
          Plot.text(
            names.filter((d) => !atEdge(d)),
            { ...nameStyle, dx: -6, dy: -6, textAnchor: 'end' },
          ),
          // A ball larger than the plane: its name inside the plane's corner, pointing out.
          Plot.text(names.filter(atEdge), { ...nameStyle, dx: 6, dy: 12, textAnchor: 'start' }),
        ],
      }),
    );
    this.readout('shape', label);
    this.readout('optimum', pair(a));
    this.readout('norm', formatValue(gauge(shape, a), 'fixed3'));
    this.readout('loss', formatValue(level, 'fixed3'));
    this.readout(
      'zero',
      a[0] === 0 || a[1] === 0
        ? this.t('lpball.yes', { w: `w${a[0] === 0 ? '₁' : '₂'}` })
        : this.t('lpball.no'),
    );
    this.readout('lambda', multiplier(q, shape, a, this.t));
    this.dataset.state = 'done';
  }
}

/** The penalty λ with the same optimum (KKT multiplier) for L1 and L2, as text. */
function multiplier(
  q: ReturnType<typeof quadratic>,
  shape: BallShape,
  w: Vec2,
  t: Translate,
): string {
  const g: Vec2 = [
    q.H.a * (w[0] - q.wStar[0]) + q.H.b * (w[1] - q.wStar[1]),
    q.H.b * (w[0] - q.wStar[0]) + q.H.c * (w[1] - q.wStar[1]),
  ];
  if (w === q.wStar) return t('lpball.notBinding');
  if (shape.kind === 'p' && shape.p === 2) {
    const lambda = -(g[0] * w[0] + g[1] * w[1]) / (w[0] * w[0] + w[1] * w[1]);
    return t('lpball.l2', { lambda: formatValue(lambda, 'fixed3') });
  }
  if (shape.kind === 'p' && shape.p === 1) {
    const i = Math.abs(w[0]) >= Math.abs(w[1]) ? 0 : 1;
    const lambda = -(g[i] as number) * Math.sign(w[i] as number);
    return t('lpball.l1', { lambda: formatValue(lambda, 'fixed3') });
  }
  return t('lpball.noPenalty');
}

customElements.define('dl-lp-ball', LpBallWidget);
