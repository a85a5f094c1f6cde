import { DecayWidget, type Divergence } from '../_shared/DecayWidget';
import { describeDivergence } from '../_shared/describeDivergence';
import type { RunEvent } from '../_shared/engine';
import { fitChart, fitGrid } from '../_shared/fitChart';
import { formatValue } from '../_shared/format';
import { Ghosts } from '../_shared/Ghosts';
import {
  biasVarRuns,
  biasVarSpec,
  type Decomposition,
  decompose,
  REFITS,
  refitCurves,
} from './biasVarSpec';

/**
 * The error axes' least extent: the axes follow the values above it (at noise σ = 0.05 the
 * errors are ≈ 0.006; a floor of 0.2 left the bars and dots invisible there).
 */
const AXIS_FLOOR = 0.005;

type Params = { readonly [name: string]: readonly number[] };
/** One visited λ on the vs-λ chart. */
interface LambdaPoint {
  readonly lambda: number;
  readonly bias2: number;
  readonly variance: number;
  readonly total: number;
}
const sig = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? '…' : formatValue(v, 'sig');

/**
 * Chapter 2: many refits of y = x on fresh noisy data; bias², variance and noise from them, and
 * every λ the reader visits left as a point on a bias²/variance/total-vs-λ chart (ghost traces).
 */
export class BiasVarWidget extends DecayWidget {
  protected override stepsPerFrame = 6;
  protected override stepSize = 10;
  protected override bound = biasVarRuns.bound;
  private params: (Params | undefined)[] = [];
  private valLoss: (number | undefined)[] = [];
  private points: { x: number; y: number }[] = [];
  private step = 0;
  private ended = 0;
  private readonly visited = new Ghosts<LambdaPoint>({ max: 40 });

  protected override explain(d: Divergence): string {
    return this.t('biasvar.refit', {
      run: d.run,
      text: describeDivergence(d, { t: this.t, remedy: this.t('biasvar.remedy') }),
    });
  }

  protected start(): void {
    const noise = this.value('noise');
    const lambda = this.value('lambda');
    const n = this.value('n');
    const specs = biasVarRuns.specs({ noise, lambda, n }, this.seed);
    const first = biasVarSpec({ noise, lambda, seed: this.seed, refit: 0, n });
    const data = this.engine.materialize(first.data, first.seed);
    this.points = data.train.x.map((row, i) => ({ x: row[0] ?? 0, y: data.train.y[i] ?? 0 }));
    this.params = [];
    this.valLoss = [];
    this.step = 0;
    this.ended = 0;
    // Points on the vs-λ chart are comparable only for one seed, noise level and n.
    this.visited.within(`${this.seed} ${noise} ${n}`);
    this.run(specs, { every: biasVarRuns.every });
  }

  protected override onButton(name: string): void {
    if (name !== 'resample') return;
    const seed = this.querySelector<HTMLInputElement>('input[data-name="seed"]');
    if (!seed) return;
    seed.value = String((Number(seed.value) + 1) % 1_000_000);
    seed.dispatchEvent(new Event('input', { bubbles: true }));
  }

  protected onEvent(event: RunEvent, run: number): void {
    if (event.type === 'run') this.params[run] = event.params;
    if (event.type === 'end') {
      this.ended++;
      if (this.ended === REFITS) this.keepPoint();
    }
    if (event.type !== 'step') return;
    this.params[run] = event.params;
    this.valLoss[run] = event.val?.loss;
    if (run === 0) this.step = event.step;
  }

  private decomposition(): Decomposition | undefined {
    const fits = refitCurves(this.params, fitGrid);
    return fits.length > 1 ? decompose(fits, fitGrid, (x) => x) : undefined;
  }

  private keepPoint(): void {
    const d = this.decomposition();
    if (!d || this.divergences.length) return;
    const lambda = this.value('lambda');
    const noise = this.value('noise');
    this.visited.keep(String(lambda), {
      lambda,
      bias2: d.bias2,
      variance: d.variance,
      total: d.bias2 + d.variance + noise * noise,
    });
  }

  protected draw(): void {
    const { Plot, theme } = this;
    const noise = this.value('noise');
    const n = this.value('n');
    const fits = refitCurves(this.params, fitGrid);
    const d = this.decomposition();

    this.legend('fits', [
      { label: this.t('biasvar.refits', { refits: REFITS, n }), color: theme.c1 },
      { label: this.t('biasvar.refitShown'), color: theme.c4 },
      { label: this.t('biasvar.average'), color: theme.c2 },
      { label: this.t('legend.trueLine'), color: theme.muted, dashed: true },
      { label: this.t('biasvar.oneSet'), color: theme.fg, dot: true },
    ]);
    this.render(
      'fits',
      fitChart(Plot, {
        ...this.frame('fits'),
        theme,
        curves: [
          ...fits.map((ys) => ({ ys, color: theme.c1, width: 1, opacity: 0.25 })),
          ...(fits[0] ? [{ ys: fits[0], color: theme.c4 }] : []),
          ...(d ? [{ ys: d.mean, color: theme.c2, width: 3 }] : []),
        ],
        points: this.points,
      }),
    );

    const vals = this.valLoss.filter((v): v is number => v !== undefined);
    const measured = vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : undefined;
    const estimated = this.t('biasvar.estimated');
    const measuredRow = this.t('biasvar.measured');
    const parts = d
      ? [
          { row: estimated, part: 'bias2', v: d.bias2 },
          { row: estimated, part: 'variance', v: d.variance },
          { row: estimated, part: 'noise', v: noise * noise },
          { row: measuredRow, part: 'measured', v: measured ?? 0 },
        ]
      : [];
    this.legend('decomp', [
      { label: this.t('biasvar.bias2'), color: theme.c2 },
      { label: this.t('biasvar.variance'), color: theme.c1 },
      { label: this.t('biasvar.noise'), color: theme.muted },
      { label: this.t('biasvar.measuredLegend'), color: theme.c3 },
    ]);
    this.render(
      'decomp',
      Plot.plot({
        ...this.frame('decomp'),
        marginLeft: 74,
        x: {
          label: this.t('axis.expectedError'),
          grid: true,
          nice: true,
          domain: [
            0,
            Math.max(AXIS_FLOOR, (d ? d.bias2 + d.variance : 0) + noise * noise, measured ?? 0) *
              1.1,
          ],
        },
        y: { label: null, domain: [estimated, measuredRow] },
        color: {
          domain: ['bias2', 'variance', 'noise', 'measured'],
          range: [theme.c2, theme.c1, theme.muted, theme.c3],
        },
        marks: [Plot.barX(parts, { x: 'v', y: 'row', fill: 'part', inset: 4 })],
      }),
    );
    this.drawVsLambda(d, noise);

    this.readout('step', String(this.step));
    this.readout('bias2', sig(d?.bias2));
    this.readout('variance', sig(d?.variance));
    this.readout('noise', sig(noise * noise));
    this.readout('sum', sig(d ? d.bias2 + d.variance + noise * noise : undefined));
    this.readout('val', sig(measured));
  }

  /** Bias², variance and their sum with the noise at every λ visited, the current one live. */
  private drawVsLambda(d: Decomposition | undefined, noise: number): void {
    const { Plot, theme } = this;
    const lambda = this.value('lambda');
    const kept = this.visited
      .entries()
      .map(([, p]) => p)
      .filter((p) => p.lambda !== lambda);
    const live: LambdaPoint[] = d
      ? [
          {
            lambda,
            bias2: d.bias2,
            variance: d.variance,
            total: d.bias2 + d.variance + noise * noise,
          },
        ]
      : [];
    const all = [...kept, ...live].sort((a, b) => a.lambda - b.lambda);
    const long = (rows: readonly LambdaPoint[]) =>
      rows.flatMap((p) => [
        { lambda: p.lambda, part: 'bias²', v: p.bias2 },
        { lambda: p.lambda, part: 'variance', v: p.variance },
        { lambda: p.lambda, part: 'bias² + variance + σ²', v: p.total },
      ]);
    const color = {
      domain: ['bias²', 'variance', 'bias² + variance + σ²'],
      range: [theme.c2, theme.c1, theme.fg],
    };
    this.legend('vslambda', [
      { label: this.t('biasvar.bias2'), color: theme.c2 },
      { label: this.t('biasvar.variance'), color: theme.c1 },
      { label: this.t('biasvar.total'), color: theme.fg },
      { label: this.t('biasvar.visited'), color: theme.fg, dot: true, faint: true },
    ]);
    const top = Math.max(AXIS_FLOOR, ...all.map((p) => p.total)) * 1.1;
    this.render(
      'vslambda',
      Plot.plot({
        ...this.frame('vslambda'),
        marginLeft: 48,
        x: {
          type: 'log',
          label: 'λ',
          domain: [1e-4, 10 ** 0.5],
          tickFormat: (v: number) => formatValue(v, 'exp'),
          ticks: [1e-4, 1e-3, 1e-2, 0.1, 1],
        },
        y: { label: this.t('axis.expectedError'), domain: [0, top], grid: true },
        color,
        marks: [
          Plot.ruleX([lambda], { stroke: theme.muted, strokeDasharray: '2,3' }),
          Plot.line(long(all), {
            x: 'lambda',
            y: 'v',
            z: 'part',
            stroke: 'part',
            strokeOpacity: 0.45,
            strokeWidth: 1.5,
          }),
          Plot.dot(long(kept), { x: 'lambda', y: 'v', stroke: 'part', r: 3, strokeOpacity: 0.6 }),
          Plot.dot(long(live), { x: 'lambda', y: 'v', fill: 'part', r: 5 }),
        ],
      }),
    );
  }
}

customElements.define('dl-biasvar', BiasVarWidget);
