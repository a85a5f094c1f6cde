import { DecayWidget } from '../_shared/DecayWidget';
import type { RunEvent } from '../_shared/engine';
import { fitChart } from '../_shared/fitChart';
import { formatValue } from '../_shared/format';
import { overfitSpec } from './overfitSpec';

interface LossRow {
  readonly step: number;
  readonly loss: number;
  readonly series: string;
}

/** Chapter 1: the same over-parameterized model trained with λ = 0 and λ > 0 side by side. */
export class OverfitWidget extends DecayWidget {
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
    this.legend('fit', [
      ...this.labels.map((label, i) => ({ label, color: i === 0 ? theme.c1 : theme.c2 })),
      { label: 'true line y = x', color: theme.muted, dashed: true },
      { label: 'training points', color: theme.fg, dot: true },
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
    const last = (series: string) => this.rows.findLast((r) => r.series === series)?.loss;
    const show = (v: number | undefined) => (v === undefined ? '…' : formatValue(v, 'sig'));
    this.readout('step', String(this.step));
    this.readout('val0', show(last(`${a} validation`)));
    this.readout('val1', show(last(`${b} validation`)));
  }
}

customElements.define('dl-overfit', OverfitWidget);
