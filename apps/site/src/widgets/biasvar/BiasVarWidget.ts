import { DecayWidget } from '../_shared/DecayWidget';
import type { RunEvent } from '../_shared/engine';
import { fitChart, fitGrid } from '../_shared/fitChart';
import { formatValue } from '../_shared/format';
import { polyEval } from '../_shared/polyEval';
import { biasVarSpec, decompose } from './biasvarSpec';

type Params = { readonly [name: string]: readonly number[] };
const REFITS = 24;
const xs = fitGrid;
const sig = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? '…' : formatValue(v, 'sig');

/** Chapter 2: many refits of y = x on fresh noisy data; bias², variance and noise from them. */
export class BiasVarWidget extends DecayWidget {
  protected override stepsPerFrame = 6;
  protected override stepSize = 10;
  private params: (Params | undefined)[] = [];
  private valLoss: (number | undefined)[] = [];
  private points: { x: number; y: number }[] = [];
  private step = 0;

  protected start(): void {
    const noise = this.value('noise');
    const lambda = this.value('lambda');
    const specs = Array.from({ length: REFITS }, (_, refit) =>
      biasVarSpec({ noise, lambda, seed: this.seed, refit }),
    );
    const first = biasVarSpec({ noise, lambda, seed: this.seed, refit: 0 });
    const data = this.engine.materialize(first.data, first.seed);
    this.points = data.train.x.map((row, i) => ({ x: row[0] ?? 0, y: data.train.y[i] ?? 0 }));
    this.params = [];
    this.valLoss = [];
    this.step = 0;
    this.run(specs, { every: 5 });
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
    if (event.type !== 'step') return;
    this.params[run] = event.params;
    this.valLoss[run] = event.val?.loss;
    if (run === 0) this.step = event.step;
  }

  protected draw(): void {
    const { Plot, theme } = this;
    const noise = this.value('noise');
    const fits = this.params
      .filter((p): p is Params => p !== undefined)
      .map((p) => xs.map((x) => polyEval(p, x)));
    const d = fits.length > 1 ? decompose(fits, xs, (x) => x) : undefined;

    this.legend('fits', [
      { label: `${REFITS} refits on fresh data`, color: theme.c1 },
      { label: 'refit on the points shown', color: theme.c4 },
      { label: 'average fit', color: theme.c2 },
      { label: 'truth y = x', color: theme.fg, dashed: true },
      { label: 'one training set', color: theme.fg, dot: true },
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
    const parts = d
      ? [
          { row: 'estimated', part: 'bias²', v: d.bias2 },
          { row: 'estimated', part: 'variance', v: d.variance },
          { row: 'estimated', part: 'noise σ²', v: noise * noise },
          { row: 'measured', part: 'measured', v: measured ?? 0 },
        ]
      : [];
    this.legend('decomp', [
      { label: 'bias²', color: theme.c2 },
      { label: 'variance', color: theme.c1 },
      { label: 'noise σ²', color: theme.muted },
      { label: 'validation loss measured by the engine', color: theme.c3 },
    ]);
    this.render(
      'decomp',
      Plot.plot({
        ...this.frame('decomp'),
        marginLeft: 74,
        x: {
          label: 'expected squared error',
          grid: true,
          nice: true,
          domain: [
            0,
            Math.max(0.2, (d ? d.bias2 + d.variance : 0) + noise * noise, measured ?? 0) * 1.1,
          ],
        },
        y: { label: null, domain: ['estimated', 'measured'] },
        color: {
          domain: ['bias²', 'variance', 'noise σ²', 'measured'],
          range: [theme.c2, theme.c1, theme.muted, theme.c3],
        },
        marks: [Plot.barX(parts, { x: 'v', y: 'row', fill: 'part', inset: 4 })],
      }),
    );

    this.readout('step', String(this.step));
    this.readout('bias2', sig(d?.bias2));
    this.readout('variance', sig(d?.variance));
    this.readout('noise', sig(noise * noise));
    this.readout('sum', sig(d ? d.bias2 + d.variance + noise * noise : undefined));
    this.readout('val', sig(measured));
  }
}

customElements.define('dl-biasvar', BiasVarWidget);
