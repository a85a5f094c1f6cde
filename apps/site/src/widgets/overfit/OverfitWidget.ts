import { DecayWidget, type Divergence } from '../_shared/DecayWidget';
import { whatHappened } from '../_shared/describeDivergence';
import { divergedMarks } from '../_shared/divergedMarks';
import type { RunEvent } from '../_shared/engine';
import { fitChart } from '../_shared/fitChart';
import { formatValue } from '../_shared/format';
import { gdStability, maxCurvature } from '../_shared/gdStability';
import { bandSteps, type OverfitBand } from './overfitBand';
import type { BandAnswer, BandRequest } from './overfitBand.worker';
import bandWorkerUrl from './overfitBand.worker?module-worker';
import { OVERFIT_BAND_SEEDS, OVERFIT_LR, overfitRuns, overfitSpec } from './overfitSpec';

interface LossRow {
  readonly step: number;
  readonly loss: number;
  readonly series: string;
}

/** Steps drawn on the log axis (every step up to 10, then ~30 per decade): cheap, log-even. */
const drawnSteps = new Set(bandSteps(2000));
const sig = (v: number | undefined) => (v === undefined ? '…' : formatValue(v, 'sig'));
const stepAxis = {
  type: 'log',
  domain: [1, 2000],
  ticks: [1, 10, 100, 1000],
  tickFormat: String,
  grid: true,
} as const;
const lossAxis = {
  type: 'log',
  domain: [0.01, 10],
  ticks: [0.01, 0.1, 1, 10],
  tickFormat: String,
  grid: true,
} as const;

/**
 * Chapter 1: the same over-parameterized model trained with λ = 0 and λ > 0 side by side (one
 * seed, streaming), next to the validation loss over seeds 0–15 (mean and 10th–90th percentile,
 * computed in a Worker).
 */
export class OverfitWidget extends DecayWidget {
  protected override stepsPerFrame = 5;
  protected override bound = overfitRuns.bound;
  private rows: LossRow[] = [];
  private params: ({ readonly [name: string]: readonly number[] } | undefined)[] = [];
  private points: { x: number; y: number }[] = [];
  private step = 0;
  private labels: string[] = [];
  private kMax = 0;
  private worker: Worker | undefined;
  private request = 0;
  private bands = new Map<number, OverfitBand>();
  private pending = new Set<number>();

  /** One step at a time at the start of the log axis, then about a quarter of the way further. */
  protected override nextStepSize(step: number): number {
    return step < 10 ? 1 : Math.max(1, Math.round(step / 4));
  }

  protected override explain(d: Divergence): string {
    const lambda = d.run === 0 ? 0 : this.value('lambda');
    const rule = gdStability({ lr: OVERFIT_LR, lambda, kMax: this.kMax });
    return this.t('overfit.diverged', {
      run: this.labels[d.run] ?? '',
      what: whatHappened(d, this.t),
      rule: rule.sentence,
      kMax: sig(this.kMax),
      lambdaMax: sig(Math.max(0, rule.lambdaMax)),
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.worker?.terminate();
    this.worker = undefined;
    this.pending.clear();
  }

  protected start(): void {
    const lambda = this.value('lambda');
    this.labels = ['λ = 0', `λ = ${formatValue(lambda, 'exp')}`];
    this.rows = [];
    this.params = [];
    this.step = 0;
    const specs = overfitRuns.specs({ lambda }, this.seed);
    const data = this.engine.materialize(overfitSpec({ lambda, seed: this.seed }).data, this.seed);
    this.points = data.train.x.map((row, i) => ({ x: row[0] ?? 0, y: data.train.y[i] ?? 0 }));
    this.kMax = maxCurvature(
      this.points.map((p) => p.x),
      12,
    );
    this.run(specs, { every: overfitRuns.every });
    for (const l of [0, lambda]) this.askBand(l);
  }

  protected onEvent(event: RunEvent, run: number): void {
    if (event.type === 'run') this.params[run] = event.params;
    if (event.type !== 'step') return;
    const label = this.labels[run];
    this.rows.push({
      step: event.step,
      loss: event.loss.data,
      series: this.t('overfit.train', { run: label ?? '' }),
    });
    if (event.val)
      this.rows.push({
        step: event.step,
        loss: event.val.loss,
        series: this.t('overfit.validation', { run: label ?? '' }),
      });
    this.params[run] = event.params;
    this.step = Math.max(this.step, event.step);
  }

  private askBand(lambda: number): void {
    if (this.bands.has(lambda) || this.pending.has(lambda)) return;
    if (!this.worker) {
      this.worker = new Worker(bandWorkerUrl, { type: 'module', name: 'decaylab-overfit-band' });
      this.worker.onmessage = (e: MessageEvent<BandAnswer>) => {
        if ('error' in e.data) this.status(this.t('overfit.bandFailed', { error: e.data.error }));
        else {
          this.bands.set(e.data.band.lambda, e.data.band);
          this.pending.delete(e.data.band.lambda);
        }
        this.invalidate();
      };
    }
    this.pending.add(lambda);
    const message: BandRequest = { id: ++this.request, lambda, seeds: OVERFIT_BAND_SEEDS };
    this.worker.postMessage(message);
  }

  protected draw(): void {
    const { Plot, theme } = this;
    const [a = '', b = ''] = this.labels;
    const train = (run: string) => this.t('overfit.train', { run });
    const validation = (run: string) => this.t('overfit.validation', { run });
    const series = [train(a), validation(a), train(b), validation(b)];
    const trains = new Set([train(a), train(b)]);
    const color = { domain: series, range: [theme.c1, theme.c1, theme.c2, theme.c2] };
    const rows = this.rows.filter((d) => drawnSteps.has(d.step) || d.step === this.step);
    this.legend(
      'loss',
      series.map((label, i) => ({
        label,
        color: i < 2 ? theme.c1 : theme.c2,
        dashed: i % 2 === 1,
      })),
    );
    this.render(
      'loss',
      Plot.plot({
        ...this.frame('loss'),
        marginLeft: 48,
        x: { ...stepAxis, label: this.t('axis.step') },
        y: { ...lossAxis, label: this.t('axis.lossMse') },
        color,
        marks: [
          Plot.line(
            rows.filter((d) => trains.has(d.series)),
            { x: 'step', y: 'loss', z: 'series', stroke: 'series', strokeWidth: 1.8, clip: true },
          ),
          Plot.line(
            rows.filter((d) => !trains.has(d.series)),
            {
              x: 'step',
              y: 'loss',
              z: 'series',
              stroke: 'series',
              strokeWidth: 1.8,
              strokeDasharray: '5,3',
              clip: true,
            },
          ),
          ...(this.step > 0 && this.step < 10
            ? [Plot.dot(this.rows, { x: 'step', y: 'loss', stroke: 'series', r: 2.5, clip: true })]
            : []),
          ...divergedMarks(Plot, this.divergences, { color: theme.c3 }),
        ],
      }),
    );
    this.drawBand();
    this.legend('fit', [
      ...this.labels.map((label, i) => ({ label, color: i === 0 ? theme.c1 : theme.c2 })),
      { label: this.t('legend.trueLine'), color: theme.muted, dashed: true },
      { label: this.t('legend.trainingPoints'), color: theme.fg, dot: true },
    ]);
    this.render(
      'fit',
      fitChart(Plot, {
        ...this.frame('fit'),
        theme,
        curves: this.params.map((params, run) => ({
          params,
          color: run === 0 ? theme.c1 : theme.c2,
        })),
        points: this.points,
      }),
    );
    const last = (s: string) => this.rows.findLast((r) => r.series === s)?.loss;
    this.readout('step', String(this.step));
    this.readout('val0', sig(last(validation(a))));
    this.readout('val1', sig(last(validation(b))));
  }

  private drawBand(): void {
    const { Plot, theme } = this;
    const lambda = this.value('lambda');
    const zero = this.bands.get(0);
    const mine = this.bands.get(lambda);
    const [a = '', b = ''] = this.labels;
    const last = OVERFIT_BAND_SEEDS - 1;
    this.legend('band', [
      { label: this.t('overfit.bandLegend', { run: a, last }), color: theme.c1 },
      { label: this.t('overfit.bandLegend', { run: b, last }), color: theme.c2 },
    ]);
    const rows = (band: OverfitBand | undefined, name: string) =>
      (band?.rows ?? []).map((r) => ({ ...r, name }));
    const both = [...rows(zero, a), ...rows(mine, b)];
    this.render(
      'band',
      Plot.plot({
        ...this.frame('band'),
        marginLeft: 48,
        x: { ...stepAxis, label: this.t('axis.step') },
        y: { ...lossAxis, label: this.t('axis.validationLoss') },
        color: { domain: [a, b], range: [theme.c1, theme.c2] },
        marks: [
          Plot.areaY(both, {
            x: 'step',
            y1: 'lo',
            y2: 'hi',
            z: 'name',
            fill: 'name',
            fillOpacity: 0.25,
            clip: true,
          }),
          Plot.line(both, {
            x: 'step',
            y: 'mean',
            z: 'name',
            stroke: 'name',
            strokeWidth: 2,
            clip: true,
          }),
        ],
      }),
    );
    if (zero && mine) {
      const wins = mine.finals.filter((v, i) => v < (zero.finals[i] ?? Number.NaN)).length;
      this.readout('wins', this.t('readout.ofSeeds', { count: wins, seeds: mine.seeds }));
    } else this.readout('wins', '…');
  }
}

customElements.define('dl-overfit', OverfitWidget);
