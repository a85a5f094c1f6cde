import { DecayWidget } from '../_shared/DecayWidget';
import type { RunEvent } from '../_shared/engine';
import { formatValue } from '../_shared/format';
import { grid, polyEval } from '../_shared/polyEval';
import { biasVarSpec, decompose } from './biasvarSpec';

type Params = { readonly [name: string]: readonly number[] };
const REFITS = 24;
const xs = grid(-1, 1, 81);
const sig = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? '…' : formatValue(v, 'sig');

/** Chapter 2: many refits of y = x on fresh noisy data; bias², variance and noise from them. */
class BiasVarWidget extends DecayWidget {
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
    const faint = fits.flatMap((f, k) => f.map((y, j) => ({ x: xs[j] ?? 0, y, k })));
    const main = fits[0]?.map((y, j) => ({ x: xs[j] ?? 0, y })) ?? [];
    const mean = d ? d.mean.map((y, j) => ({ x: xs[j] ?? 0, y })) : [];

    this.legend('fits', [
      { label: `${REFITS} refits on fresh data`, color: theme.c1 },
      { label: 'refit on the points shown', color: theme.c4 },
      { label: 'average fit', color: theme.c2 },
      { label: 'truth y = x', color: theme.fg, dashed: true },
      { label: 'one training set', color: theme.fg, dot: true },
    ]);
    this.render(
      'fits',
      Plot.plot({
        ...this.frame('fits'),
        x: { label: 'x', domain: [-1, 1] },
        y: { label: 'y', domain: [-2, 2], grid: true },
        marks: [
          Plot.line(faint, {
            x: 'x',
            y: 'y',
            z: 'k',
            stroke: theme.c1,
            strokeOpacity: 0.25,
            strokeWidth: 1,
            clip: true,
          }),
          Plot.line(
            [
              { x: -1, y: -1 },
              { x: 1, y: 1 },
            ],
            { x: 'x', y: 'y', stroke: theme.fg, strokeDasharray: '5,3' },
          ),
          Plot.line(main, { x: 'x', y: 'y', stroke: theme.c4, strokeWidth: 2, clip: true }),
          Plot.line(mean, { x: 'x', y: 'y', stroke: theme.c2, strokeWidth: 3, clip: true }),
          Plot.dot(this.points, { x: 'x', y: 'y', r: 3.5, fill: theme.fg }),
        ],
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
