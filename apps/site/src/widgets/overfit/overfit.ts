import { DecayWidget } from '../_shared/DecayWidget';
import type { RunEvent } from '../_shared/engine';
import { formatValue } from '../_shared/format';
import { grid, polyEval } from '../_shared/polyEval';
import { overfitSpec } from './overfitSpec';

interface LossRow {
  readonly step: number;
  readonly loss: number;
  readonly series: string;
}

const xs = grid(-1, 1, 121);

/** Chapter 1: the same over-parameterized model trained with λ = 0 and λ > 0 side by side. */
class OverfitWidget extends DecayWidget {
  protected override stepsPerFrame = 5;
  protected override stepSize = 20;
  private rows: LossRow[] = [];
  private params: ({ readonly [name: string]: readonly number[] } | undefined)[] = [];
  private points: { x: number; y: number }[] = [];
  private step = 0;
  private labels: string[] = [];

  protected start(): void {
    const lambda = this.value('lambda');
    this.labels = ['λ = 0', `λ = ${formatValue(lambda, 'exp')}`];
    this.rows = [];
    this.params = [];
    this.step = 0;
    const specs = [
      overfitSpec({ lambda: 0, seed: this.seed }),
      overfitSpec({ lambda, seed: this.seed }),
    ];
    const data = this.engine.materialize(specs[0].data, this.seed);
    this.points = data.train.x.map((row, i) => ({ x: row[0] ?? 0, y: data.train.y[i] ?? 0 }));
    this.run(specs, { every: 2 });
  }

  protected onEvent(event: RunEvent, run: number): void {
    if (event.type === 'run') this.params[run] = event.params;
    if (event.type !== 'step') return;
    const label = this.labels[run];
    this.rows.push({ step: event.step, loss: event.loss.data, series: `${label} train` });
    if (event.val)
      this.rows.push({ step: event.step, loss: event.val.loss, series: `${label} validation` });
    this.params[run] = event.params;
    this.step = Math.max(this.step, event.step);
  }

  protected draw(): void {
    const { Plot, theme } = this;
    const [a = '', b = ''] = this.labels;
    const series = [`${a} train`, `${a} validation`, `${b} train`, `${b} validation`];
    const color = { domain: series, range: [theme.c1, theme.c1, theme.c2, theme.c2] };
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
        x: {
          type: 'log',
          label: 'step',
          domain: [2, 2000],
          ticks: [2, 10, 100, 1000],
          tickFormat: String,
          grid: true,
        },
        y: {
          type: 'log',
          label: 'loss (mse)',
          domain: [0.01, 10],
          ticks: [0.01, 0.1, 1, 10],
          tickFormat: String,
          grid: true,
        },
        color,
        marks: [
          Plot.line(
            this.rows.filter((d) => d.series.endsWith('train')),
            { x: 'step', y: 'loss', z: 'series', stroke: 'series', strokeWidth: 1.8, clip: true },
          ),
          Plot.line(
            this.rows.filter((d) => !d.series.endsWith('train')),
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
        ],
      }),
    );
    const curves = this.params.flatMap((p, run) =>
      p ? xs.map((x) => ({ x, y: polyEval(p, x), series: this.labels[run] ?? '' })) : [],
    );
    this.legend('fit', [
      ...this.labels.map((label, i) => ({ label, color: i === 0 ? theme.c1 : theme.c2 })),
      { label: 'true line y = x', color: theme.muted, dashed: true },
      { label: 'training points', color: theme.fg, dot: true },
    ]);
    this.render(
      'fit',
      Plot.plot({
        ...this.frame('fit'),
        x: { label: 'x', domain: [-1, 1] },
        y: { label: 'y', domain: [-2, 2], grid: true },
        color: { domain: this.labels, range: [theme.c1, theme.c2] },
        marks: [
          Plot.line(
            [
              { x: -1, y: -1 },
              { x: 1, y: 1 },
            ],
            { x: 'x', y: 'y', stroke: theme.muted, strokeDasharray: '2,3' },
          ),
          Plot.line(curves, {
            x: 'x',
            y: 'y',
            z: 'series',
            stroke: 'series',
            strokeWidth: 2,
            clip: true,
          }),
          Plot.dot(this.points, { x: 'x', y: 'y', fill: theme.fg, r: 3.5 }),
        ],
      }),
    );
    const last = (series: string) => this.rows.findLast((r) => r.series === series)?.loss;
    const show = (v: number | undefined) => (v === undefined ? '…' : formatValue(v, 'sig'));
    this.readout('step', String(this.step));
    this.readout('val0', show(last(`${a} validation`)));
    this.readout('val1', show(last(`${b} validation`)));
  }
}

customElements.define('dl-overfit', OverfitWidget);
