import { DecayWidget, type Divergence } from '../_shared/DecayWidget';
import { whatHappened } from '../_shared/describeDivergence';
import { divergedMarks } from '../_shared/divergedMarks';
import type { RunEvent } from '../_shared/engine';
import { fitChart } from '../_shared/fitChart';
import { formatValue } from '../_shared/format';
import { gdStability, maxCurvature } from '../_shared/gdStability';
import { PENALTY_LR, penaltyRuns, penaltySpec } from './penaltySpec';

type Params = { readonly [name: string]: readonly number[] };
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
    this.params = event.params;
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
          domain: [1, 400],
          ticks: [1, 10, 100],
          tickFormat: String,
        },
        y: {
          type: 'log',
          label: this.t('axis.value'),
          domain: [1e-4, 100],
          ticks: [1e-4, 1e-3, 1e-2, 0.1, 1, 10, 100],
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
          ...divergedMarks(Plot, this.divergences, { color: theme.c3 }),
        ],
      }),
    );
    const params = this.params;
    this.legend('fit', [
      { label: this.t('legend.currentFit'), color: theme.c1 },
      { label: this.t('legend.trueLine'), color: theme.muted, dashed: true },
      { label: this.t('legend.trainingPoints'), color: theme.fg, dot: true },
    ]);
    this.render(
      'fit',
      fitChart(Plot, {
        ...this.frame('fit'),
        theme,
        curves: params ? [{ params, color: theme.c1, width: 2.5 }] : [],
        points: this.points,
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
