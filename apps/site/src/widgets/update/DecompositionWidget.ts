import { DecayWidget } from '../_shared/DecayWidget';
import { formatValue } from '../_shared/format';
import { decompositionSpec } from './updateSpecs';

type RunEvent = import('../_shared/engine').RunEvent;
type Point = { w: number; b: number };
interface StepRow {
  step: number;
  before: Point;
  /** −γ·∂L0/∂θ */
  grad: Point;
  /** −γ·λθ (the event's decayGrad times −γ) */
  decay: Point;
  after: Point;
}

const LR = 0.1;
const f = (v: number) => formatValue(v, 'fixed3').replace(/^-(0\.000)$/, '$1');
const vec = (p: Point) => `(${f(p.w)}, ${f(p.b)})`;

/**
 * Chapter 6: one SGD step with weightDecay λ split into its gradient part −γ·∂L0/∂θ and its
 * decay part −γλθ, both read from the engine's events (`grad`, `decayGrad`), drawn as two arrows
 * in the (weight, bias) plane, with the parts of the weight's update over time.
 */
export class DecompositionWidget extends DecayWidget {
  protected override stepsPerFrame = 1;
  protected override stepSize = 1;
  private start0: Point = { w: 0, b: 0 };
  private rows: StepRow[] = [];
  private optima: { decay: Point; none: Point } | null = null;

  private spec() {
    return decompositionSpec({ lambda: this.value('lambda'), lr: LR, seed: this.seed });
  }

  protected start(): void {
    this.rows = [];
    const spec = this.spec();
    const ridge = this.engine.ridgeSolution(spec);
    const plain = this.engine.ridgeSolution({
      ...spec,
      optimizer: { ...spec.optimizer, weightDecay: 0 },
    });
    this.optima = {
      decay: { w: ridge.weight[0] as number, b: ridge.bias[0] as number },
      none: { w: plain.weight[0] as number, b: plain.bias[0] as number },
    };
    this.run([spec]);
  }

  protected onEvent(e: RunEvent): void {
    if (e.type === 'run') {
      this.start0 = { w: e.params.weight?.[0] as number, b: e.params.bias?.[0] as number };
      return;
    }
    if (e.type !== 'step') return;
    const before = this.rows.at(-1)?.after ?? this.start0;
    const g = (name: string) => e.grad[name]?.[0] ?? 0;
    const d = (name: string) => e.decayGrad[name]?.[0] ?? 0;
    this.rows.push({
      step: e.step,
      before,
      grad: { w: -LR * g('weight'), b: -LR * g('bias') },
      decay: { w: -LR * d('weight'), b: -LR * d('bias') },
      after: { w: e.params.weight?.[0] as number, b: e.params.bias?.[0] as number },
    });
  }

  /**
   * The last step again, magnified by a round factor and centred in the empty upper right of
   * the plane, so both parts are visible even when the true step is a few pixels long (the
   * first step at small λ, every step near the end). Labelled with its factor.
   */
  private magnified(last: StepRow) {
    const { Plot, theme: t } = this;
    const sum = { w: last.grad.w + last.decay.w, b: last.grad.b + last.decay.b };
    const length = Math.hypot(last.grad.w, last.grad.b) + Math.hypot(last.decay.w, last.decay.b);
    if (!(length > 0)) return [];
    const factors = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 1e4, 1e5, 1e6];
    const k = factors.find((f) => f * length >= 0.7) ?? 1e6;
    // Centred on an empty spot of the plane, whatever the step's direction.
    const o = { w: 1.15 - (k * sum.w) / 2, b: 0.8 - (k * sum.b) / 2 };
    const mid = { w: o.w + k * last.grad.w, b: o.b + k * last.grad.b };
    const end = { w: mid.w + k * last.decay.w, b: mid.b + k * last.decay.b };
    const arrow = { x: 'w', y: 'b', strokeWidth: 2.5, markerEnd: 'arrow', clip: true } as const;
    return [
      Plot.line([o, { w: o.w + k * sum.w, b: o.b + k * sum.b }], {
        ...arrow,
        stroke: t.fg,
        strokeWidth: 1.5,
        strokeDasharray: '4 3',
      }),
      Plot.line([o, mid], { ...arrow, stroke: t.c1 }),
      Plot.line([mid, end], { ...arrow, stroke: t.c2 }),
      Plot.text([o], {
        x: 'w',
        y: 'b',
        text: () => this.t('decomposition.arrows', { step: last.step, k }),
        dy: -12,
        textAnchor: 'middle',
        fill: t.muted,
        stroke: 'var(--sl-color-bg-nav)',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
    ];
  }

  protected draw(): void {
    const { Plot, theme: t } = this;
    const last = this.rows.at(-1);
    const path = [this.start0, ...this.rows.map((r) => r.after)];
    const marks = [
      Plot.ruleX([0], { stroke: t.grid }),
      Plot.ruleY([0], { stroke: t.grid }),
      Plot.line(path, { x: 'w', y: 'b', stroke: t.muted, strokeWidth: 1 }),
      Plot.dot(path, { x: 'w', y: 'b', r: 1.8, fill: t.muted }),
    ];
    const o = this.optima;
    if (o) {
      const refs = [
        { ...o.none, label: this.t('decomposition.noDecay') },
        { ...o.decay, label: this.t('decomposition.withDecay') },
      ];
      marks.push(
        Plot.dot(refs, { x: 'w', y: 'b', r: 4, stroke: t.fg, fill: 'none', strokeWidth: 1.5 }),
        Plot.text(refs.slice(0, 1), {
          x: 'w',
          y: 'b',
          text: 'label',
          dy: -10,
          dx: 4,
          textAnchor: 'start',
          fill: t.fg,
        }),
        Plot.text(refs.slice(1), { x: 'w', y: 'b', text: 'label', dy: 16, fill: t.fg }),
      );
    }
    const first = this.rows[0];
    if (first && last && last.step > 1) {
      // The first step stays visible (faint): at the end of a run the last step is tiny.
      const mid1 = { w: first.before.w + first.grad.w, b: first.before.b + first.grad.b };
      marks.push(
        Plot.line([first.before, mid1], {
          x: 'w',
          y: 'b',
          stroke: t.c1,
          strokeOpacity: 0.45,
          strokeWidth: 2,
          markerEnd: 'arrow',
        }),
        Plot.line([mid1, first.after], {
          x: 'w',
          y: 'b',
          stroke: t.c2,
          strokeOpacity: 0.45,
          strokeWidth: 2,
          markerEnd: 'arrow',
        }),
        Plot.text([first.before], {
          x: 'w',
          y: 'b',
          text: () => this.t('decomposition.step1'),
          dx: 8,
          dy: -8,
          textAnchor: 'start',
          fill: t.muted,
        }),
      );
    }
    if (last) {
      const mid = { w: last.before.w + last.grad.w, b: last.before.b + last.grad.b };
      marks.push(
        Plot.line([last.before, mid], {
          x: 'w',
          y: 'b',
          stroke: t.c1,
          strokeWidth: 2.5,
          markerEnd: 'arrow',
        }),
        Plot.line([mid, last.after], {
          x: 'w',
          y: 'b',
          stroke: t.c2,
          strokeWidth: 2.5,
          markerEnd: 'arrow',
        }),
        Plot.dot([last.after], { x: 'w', y: 'b', r: 2.5, fill: t.fg }),
        ...this.magnified(last),
      );
    }
    this.legend('plane', [
      { label: this.t('decomposition.grad'), color: t.c1 },
      { label: this.t('decomposition.decay'), color: t.c2 },
      { label: this.t('decomposition.sum'), color: t.fg, dashed: true },
      { label: this.t('decomposition.path'), color: t.muted },
    ]);
    this.render(
      'plane',
      Plot.plot({
        ...this.frame('plane'),
        marginLeft: 44,
        x: { label: this.t('decomposition.axisWeight'), domain: [-1.7, 2] },
        y: { label: this.t('decomposition.axisBias'), domain: [-0.4, 1.4] },
        marks: [...marks],
      }),
    );
    const parts = this.rows.flatMap((r) => [
      { step: r.step, value: r.grad.w, part: 'grad' },
      { step: r.step, value: r.decay.w, part: 'decay' },
      { step: r.step, value: r.grad.w + r.decay.w, part: 'sum' },
    ]);
    this.legend('parts', [
      { label: this.t('decomposition.gradW'), color: t.c1 },
      { label: this.t('decomposition.decayW'), color: t.c2 },
      { label: this.t('decomposition.update'), color: t.fg },
    ]);
    this.render(
      'parts',
      Plot.plot({
        ...this.frame('parts'),
        marginLeft: 44,
        x: { label: this.t('axis.step'), domain: [0, 60] },
        y: { label: this.t('decomposition.axisChange'), grid: true },
        color: {
          domain: ['grad', 'decay', 'sum'],
          range: [t.c1, t.c2, t.fg],
        },
        marks: [
          Plot.ruleY([0], { stroke: t.grid }),
          Plot.line(parts, { x: 'step', y: 'value', z: 'part', stroke: 'part', strokeWidth: 1.5 }),
          // Dots too, so the first step (one point per series) is visible.
          Plot.dot(parts, { x: 'step', y: 'value', fill: 'part', r: 2 }),
        ],
      }),
    );
    if (!last) {
      for (const name of ['step', 'before', 'grad', 'decay', 'after', 'check'])
        this.readout(name, '—');
      this.readout('before', vec(this.start0));
      return;
    }
    this.readout('step', String(last.step));
    this.readout('before', vec(last.before));
    this.readout('grad', vec(last.grad));
    this.readout('decay', vec(last.decay));
    this.readout('after', vec(last.after));
    const err = Math.max(
      Math.abs(last.before.w + last.grad.w + last.decay.w - last.after.w),
      Math.abs(last.before.b + last.grad.b + last.decay.b - last.after.b),
    );
    this.readout('check', formatValue(err, 'exp'));
  }
}

customElements.define('dl-decomposition', DecompositionWidget);
