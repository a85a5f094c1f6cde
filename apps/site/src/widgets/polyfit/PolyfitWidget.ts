import { DecayWidget, type Divergence } from '../_shared/DecayWidget';
import { describeDivergence } from '../_shared/describeDivergence';
import { divergedMarks } from '../_shared/divergedMarks';
import type { RunEvent } from '../_shared/engine';
import { fitChart } from '../_shared/fitChart';
import { formatValue } from '../_shared/format';
import { Ghosts } from '../_shared/Ghosts';
import { polyfitRuns, type polyfitSpec } from './polyfitSpec';

type Params = { readonly [name: string]: readonly number[] };
interface Point {
  readonly x: number;
  readonly y: number;
}
interface LossRow {
  readonly step: number;
  readonly loss: number;
  readonly set: 'train' | 'validation';
}

const sig = (v: number | undefined) => (v === undefined ? '…' : formatValue(v, 'sig'));

/**
 * Chapter 3: polynomial degree and λ sliders; fitted curve, shrinking coefficients, losses. Every
 * (degree, λ) the reader visits leaves its final fit as a faint curve: the family of fits.
 */
export class PolyfitWidget extends DecayWidget {
  protected override stepsPerFrame = 10;
  protected override stepSize = 10;
  private params: Params | undefined;
  private ridge: Params | undefined;
  private train: Point[] = [];
  private val: Point[] = [];
  private losses: LossRow[] = [];
  private step = 0;
  private coefLimit = 1.5;
  private readonly ghosts = new Ghosts<Params>({ max: 12 });
  protected override bound = polyfitRuns.bound;

  protected override explain(d: Divergence): string {
    return describeDivergence(d, { t: this.t, remedy: this.t('polyfit.remedy') });
  }

  private key(): string {
    return `degree ${this.value('degree')}, λ = ${formatValue(this.value('lambda'), 'exp')}`;
  }

  protected start(): void {
    const [spec] = polyfitRuns.specs(
      { degree: this.value('degree'), lambda: this.value('lambda') },
      this.seed,
    ) as [ReturnType<typeof polyfitSpec>];
    this.ghosts.within(String(this.seed));
    const data = this.engine.materialize(spec.data, this.seed);
    const points = (set: { x: readonly (readonly number[])[]; y: readonly number[] }) =>
      set.x.map((row, i) => ({ x: row[0] ?? 0, y: set.y[i] ?? 0 }));
    this.train = points(data.train);
    this.val = data.val ? points(data.val) : [];
    const exact = this.engine.ridgeSolution(spec);
    this.ridge = { weight: exact.weight, bias: exact.bias };
    this.coefLimit =
      Math.max(1.2, ...exact.weight.map(Math.abs), ...exact.bias.map(Math.abs)) * 1.1;
    this.params = undefined;
    this.losses = [];
    this.step = 0;
    this.run([spec], { every: 1 });
  }

  protected onEvent(event: RunEvent): void {
    if (event.type === 'run') this.params = event.params;
    if (event.type === 'end' && event.reason !== 'diverged' && this.params)
      this.ghosts.keep(this.key(), this.params);
    if (event.type !== 'step') return;
    this.params = event.params;
    this.step = event.step;
    this.losses.push({ step: event.step, loss: event.loss.data, set: 'train' });
    if (event.val) this.losses.push({ step: event.step, loss: event.val.loss, set: 'validation' });
  }

  protected draw(): void {
    const { Plot, theme } = this;
    const params = this.params;

    const ghosts = this.ghosts.entries().filter(([k]) => k !== this.key());
    this.legend('fit', [
      { label: this.t('polyfit.sgdFit'), color: theme.c1 },
      ...(ghosts.length ? [{ label: this.t('legend.visited'), color: theme.c1, faint: true }] : []),
      { label: this.t('legend.exactMinimizer'), color: theme.c2, dashed: true },
      { label: this.t('legend.trainingPoints'), color: theme.fg, dot: true },
      { label: this.t('legend.validationPoints'), color: theme.muted, dot: true },
    ]);
    this.render(
      'fit',
      fitChart(Plot, {
        ...this.frame('fit'),
        theme,
        truth: false,
        curves: [
          ...ghosts.map(([, p]) => ({ params: p, color: theme.c1, width: 1.2, opacity: 0.22 })),
          ...(this.ridge
            ? [{ params: this.ridge, color: theme.c2, width: 1.5, dashed: true }]
            : []),
          ...(params ? [{ params, color: theme.c1, width: 2.5 }] : []),
        ],
        points: this.train,
        valPoints: this.val,
      }),
    );

    const coefs = (p: Params | undefined): { k: number; v: number }[] =>
      p
        ? [{ k: 0, v: p.bias?.[0] ?? 0 }, ...(p.weight ?? []).map((v, i) => ({ k: i + 1, v }))]
        : [];
    const current = coefs(params);
    this.legend('coef', [
      { label: this.t('polyfit.sgdWeights'), color: theme.c1 },
      { label: this.t('legend.exactMinimizer'), color: theme.c2 },
    ]);
    const lim = this.coefLimit;
    this.render(
      'coef',
      Plot.plot({
        ...this.frame('coef'),
        marginLeft: 44,
        x: {
          label: this.t('axis.power'),
          domain: current.map((d) => d.k),
          tickFormat: (k: number) => (current.length > 10 && k % 2 ? '' : String(k)),
        },
        y: { label: this.t('axis.value'), domain: [-lim, lim], grid: true },
        marks: [
          Plot.barY(current, {
            x: 'k',
            y: (d: { v: number }) => Math.max(-lim, Math.min(lim, d.v)),
            fill: theme.c1,
          }),
          Plot.tickY(coefs(this.ridge), { x: 'k', y: 'v', stroke: theme.c2, strokeWidth: 2.5 }),
          Plot.ruleY([0], { stroke: theme.fg }),
        ],
      }),
    );

    this.legend('loss', [
      { label: this.t('legend.train'), color: theme.c1 },
      { label: this.t('legend.validation'), color: theme.c2, dashed: true },
    ]);
    this.render(
      'loss',
      Plot.plot({
        ...this.frame('loss'),
        marginLeft: 44,
        x: { label: this.t('axis.step'), domain: [0, 1000] },
        y: {
          type: 'log',
          label: this.t('axis.lossMse'),
          domain: [0.03, 3],
          ticks: [0.03, 0.1, 0.3, 1, 3],
          tickFormat: String,
          grid: true,
        },
        marks: [
          Plot.line(
            this.losses.filter((d) => d.set === 'train'),
            { x: 'step', y: 'loss', stroke: theme.c1, strokeWidth: 1.8, clip: true },
          ),
          Plot.line(
            this.losses.filter((d) => d.set === 'validation'),
            {
              x: 'step',
              y: 'loss',
              stroke: theme.c2,
              strokeWidth: 1.8,
              strokeDasharray: '5,3',
              clip: true,
            },
          ),
          ...divergedMarks(Plot, this.divergences, { color: theme.c3 }),
        ],
      }),
    );

    const last = (set: LossRow['set']) => this.losses.findLast((d) => d.set === set)?.loss;
    const norm = params ? Math.hypot(...(params.weight ?? [])) : undefined;
    this.readout('step', String(this.step));
    this.readout('train', sig(last('train')));
    this.readout('val', sig(last('validation')));
    this.readout('norm', sig(norm));
  }
}

customElements.define('dl-polyfit', PolyfitWidget);
