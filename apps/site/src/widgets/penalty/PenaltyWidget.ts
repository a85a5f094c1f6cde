import { DecayWidget, type Divergence } from '../_shared/DecayWidget';
import { whatHappened } from '../_shared/describeDivergence';
import { divergedMarks } from '../_shared/divergedMarks';
import type { RunEvent } from '../_shared/engine';
import { fitChart, fitGrid } from '../_shared/fitChart';
import { formatValue } from '../_shared/format';
import { gdStability, maxCurvature } from '../_shared/gdStability';
import { polyEval } from '../_shared/polyEval';
import { PENALTY_LR, penaltyRuns, penaltySpec } from './penaltySpec';

type Params = { readonly [name: string]: readonly number[] };

/** The loss chart's step axis (log scale). */
const LOSS_STEPS = [1, 400] as const;

interface Row {
  readonly step: number;
  readonly value: number;
  readonly term: string;
}
const TERM_KEYS = [
  'penalty.termData',
  'penalty.termPenalty',
  'penalty.termSum',
  'penalty.termVal',
] as const;
const sig = (v: number | undefined) => (v === undefined ? '…' : formatValue(v, 'sig'));
/** The fit chart's y range (fitChart's default). */
const FIT_Y = 2;
/** How many of the last in-frame fits a diverged run shows (a zig-zag needs a few). */
const FRAMED = 4;
/** Does the fit stay inside the fit chart's frame over the whole x range? */
const inFrame = (params: Params) => fitGrid.every((x) => Math.abs(polyEval(params, x)) <= FIT_Y);

/**
 * Chapter 4: L0, the penalty and L streaming as SGD minimizes L; a large λ underfits, and past
 * γ(λ + k_max) = 2 plain SGD diverges (on purpose: the reader watches the rule being crossed).
 */
export class PenaltyWidget extends DecayWidget {
  protected override stepsPerFrame = 4;
  protected override stepSize = 5;
  protected override bound = penaltyRuns.bound;
  private kMax = 0;
  private rows: Row[] = [];
  private params: Params | undefined;
  /** The last fits that stayed inside the chart, kept so a diverging run still shows its blow-up. */
  private framed: { params: Params; step: number }[] = [];
  /** The fit one step before the last (a diverging fit flips sign every step). */
  private previous: Params | undefined;
  private points: { x: number; y: number }[] = [];
  private last: { data: number; penalty: number; total: number; val?: number } | undefined;
  private step = 0;

  protected start(): void {
    const spec = penaltySpec({ lambda: this.value('lambda'), seed: this.seed });
    const data = this.engine.materialize(spec.data, spec.seed);
    this.points = data.train.x.map((row, i) => ({ x: row[0] ?? 0, y: data.train.y[i] ?? 0 }));
    this.kMax = maxCurvature(
      this.points.map((p) => p.x),
      spec.model.degree,
    );
    this.rows = [];
    this.params = undefined;
    this.framed = [];
    this.previous = undefined;
    this.last = undefined;
    this.step = 0;
    this.run([spec]);
  }

  private stability() {
    return gdStability({ lr: PENALTY_LR, lambda: this.value('lambda'), kMax: this.kMax });
  }

  protected override explain(d: Divergence): string {
    const rule = this.stability();
    return this.t('penalty.diverged', {
      what: whatHappened(d, this.t),
      rule: rule.sentence.replace('γ(λ + k_max) = ', ''),
      kMax: formatValue(this.kMax, 'sig'),
      seed: this.seed,
      lambdaMax: formatValue(rule.lambdaMax, 'sig'),
    });
  }

  /** The four curves' names in the page's language (legend and colour domain). */
  private get terms(): string[] {
    return TERM_KEYS.map((key) => this.t(key));
  }

  protected onEvent(event: RunEvent): void {
    if (event.type === 'run') this.params = event.params;
    if (event.type !== 'step') return;
    const { data, penalty, total } = event.loss;
    const [l0 = '', pen = '', sum = '', val = ''] = this.terms;
    this.rows.push(
      { step: event.step, value: data, term: l0 },
      { step: event.step, value: penalty, term: pen },
      { step: event.step, value: total, term: sum },
    );
    if (event.val) this.rows.push({ step: event.step, value: event.val.loss, term: val });
    this.last = { data, penalty, total, ...(event.val ? { val: event.val.loss } : {}) };
    this.previous = this.params;
    this.params = event.params;
    if (inFrame(event.params)) {
      this.framed.push({ params: event.params, step: event.step });
      if (this.framed.length > FRAMED) this.framed.shift();
    }
    this.step = event.step;
  }

  protected draw(): void {
    const { Plot, theme } = this;
    const colors = [theme.c1, theme.c2, theme.fg, theme.c3];
    this.legend(
      'loss',
      this.terms.map((label, i) => ({
        label,
        color: colors[i] ?? theme.fg,
        dashed: i === 3,
        faint: i === 2,
      })),
    );
    this.render(
      'loss',
      Plot.plot({
        ...this.frame('loss'),
        marginLeft: 44,
        x: {
          type: 'log',
          label: this.t('axis.step'),
          domain: [...LOSS_STEPS],
          ticks: [1, 10, 100],
          tickFormat: String,
        },
        y: {
          type: 'log',
          label: this.t('axis.value'),
          // Down to 1e-5: at the smallest λ (1e-4) the penalty is 3.2e-5.
          domain: [1e-5, 100],
          ticks: [1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1, 10, 100],
          tickFormat: (v: number) => formatValue(v, 'exp'),
          grid: true,
        },
        color: { domain: this.terms, range: colors },
        marks: [
          // L is drawn wide and faint underneath, so L0 stays visible where L ≈ L0 (small λ).
          Plot.line(
            this.rows.filter((r) => r.term === this.terms[2]),
            {
              x: 'step',
              y: 'value',
              stroke: theme.fg,
              strokeWidth: 6,
              strokeOpacity: 0.3,
              clip: true,
            },
          ),
          Plot.line(
            this.rows.filter((r) => r.term === this.terms[0] || r.term === this.terms[1]),
            { x: 'step', y: 'value', z: 'term', stroke: 'term', strokeWidth: 2, clip: true },
          ),
          Plot.line(
            this.rows.filter((r) => r.term === this.terms[3]),
            {
              x: 'step',
              y: 'value',
              stroke: theme.c3,
              strokeWidth: 1.5,
              strokeDasharray: '5,3',
              clip: true,
            },
          ),
          ...divergedMarks(Plot, this.divergences, {
            color: theme.c3,
            xDomain: LOSS_STEPS,
            xLog: true,
          }),
        ],
      }),
    );
    const params = this.params;
    // A diverged fit leaves the chart: show the last fit that stayed inside it, and the last two
    // fits cut at the chart's edge (they flip sign every step while they grow).
    const framed = this.divergences.length > 0 ? this.framed : [];
    const newest = framed.at(-1);
    const left = newest !== undefined && newest.step !== this.step;
    this.legend('fit', [
      newest
        ? {
            label: this.t('penalty.framedFits', { steps: framed.map((f) => f.step).join(', ') }),
            color: theme.c1,
          }
        : { label: this.t('legend.currentFit'), color: theme.c1 },
      ...(left
        ? [
            {
              label: this.t('penalty.cutFits', { from: this.step - 1, to: this.step }),
              color: theme.c3,
            },
          ]
        : []),
      { label: this.t('legend.trueLine'), color: theme.muted, dashed: true },
      { label: this.t('legend.trainingPoints'), color: theme.fg, dot: true },
    ]);
    const cut = (p: Params) =>
      fitGrid.map((x) => Math.max(-FIT_Y, Math.min(FIT_Y, polyEval(p, x))));
    const curves = newest
      ? [
          ...(left && this.previous
            ? [{ ys: cut(this.previous), color: theme.c3, width: 1.5, opacity: 0.5 }]
            : []),
          ...(left && params ? [{ ys: cut(params), color: theme.c3, width: 2 }] : []),
          // Older fits fainter: the swing flips sign and widens from one step to the next.
          ...framed.map((f, i) => ({
            params: f.params,
            color: theme.c1,
            width: i === framed.length - 1 ? 2.5 : 1.5,
            opacity: (i + 1) / framed.length,
          })),
        ]
      : params
        ? // A fit past the chart's edge (growing, before the bound calls it diverged): cut at the edge.
          [{ ...(inFrame(params) ? { params } : { ys: cut(params) }), color: theme.c1, width: 2.5 }]
        : [];
    this.render(
      'fit',
      fitChart(Plot, {
        ...this.frame('fit'),
        theme,
        curves,
        points: this.points,
        yDomain: [-FIT_Y, FIT_Y],
      }),
    );
    const last = this.last;
    this.readout('step', String(this.step));
    this.readout('data', sig(last?.data));
    this.readout('penalty', sig(last?.penalty));
    this.readout('total', sig(last?.total));
    this.readout('val', sig(last?.val));
    this.readout('rule', this.stability().sentence.replace('γ(λ + k_max) = ', ''));
  }
}

customElements.define('dl-penalty', PenaltyWidget);
