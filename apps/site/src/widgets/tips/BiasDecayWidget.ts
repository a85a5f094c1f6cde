import { downsample } from '@decaylab/charts/data';
import { DecayWidget } from '../_shared/DecayWidget';
import { formatValue } from '../_shared/format';
import { logAxisOf } from '../_shared/logAxisOf';
import { biasSpec } from './tipsSpecs';

type RunEvent = import('../_shared/engine').RunEvent;
type StepEvent = import('../_shared/engine').StepEvent;

/** The two runs' ids (colour domain): decay on every parameter, bias in a weightDecay: 0 group. */
const NAMES = ['all', 'biasExcluded'] as const;

/**
 * Chapter 7: weight decay on or off for the bias. Two runs of a cubic fit (d2l's data, whose
 * intercept is 5), one decaying everything (PyTorch's default) and one with the bias in a
 * param group with weightDecay 0; shows the bias per step against the unregularized
 * least-squares bias (core's ridgeSolution with λ = 0) and both training losses.
 */
export class BiasDecayWidget extends DecayWidget {
  protected override stepsPerFrame = 3;
  private runs: StepEvent[][] = [[], []];
  private reference = Number.NaN;

  protected start(): void {
    this.runs = [[], []];
    const options = { lambda: this.value('lambda'), seed: this.seed };
    const on = biasSpec({ ...options, decayBias: true });
    this.reference =
      this.engine.ridgeSolution({ ...on, optimizer: { ...on.optimizer, weightDecay: 0 } })
        .bias[0] ?? Number.NaN;
    this.run([on, biasSpec({ ...options, decayBias: false })]);
  }

  protected onEvent(e: RunEvent, run: number): void {
    if (e.type === 'step') this.runs[run]?.push(e);
  }

  protected draw(): void {
    const { Plot, theme: t } = this;
    const colors = [t.c2, t.c1];
    const color = { domain: [...NAMES], range: colors };
    const key = (['biasdecay.all', 'biasdecay.excluded'] as const).map((k, i) => ({
      label: this.t(k),
      color: colors[i] as string,
    }));
    const bias = this.runs.flatMap((s, i) =>
      downsample(s).map((e) => ({ step: e.step, v: e.params.bias?.[0] ?? 0, run: NAMES[i] })),
    );
    const loss = this.runs.flatMap((s, i) =>
      downsample(s).map((e) => ({ step: e.step, v: e.loss.data, run: NAMES[i] })),
    );
    this.legend('bias', [
      ...key,
      { label: this.t('biasdecay.leastSquares'), color: t.fg, dashed: true },
    ]);
    this.legend('loss', key);
    this.render(
      'bias',
      Plot.plot({
        ...this.frame('bias'),
        marginLeft: 40,
        x: { domain: [0, 400], label: this.t('axis.step') },
        y: { label: this.t('decomposition.axisBias'), grid: true, domain: [0, 6] },
        color,
        marks: [
          Plot.ruleY([this.reference], { stroke: t.fg, strokeDasharray: '4 3' }),
          Plot.text(
            [this.t('biasdecay.leastSquaresAt', { value: formatValue(this.reference, 'fixed2') })],
            {
              y: this.reference,
              frameAnchor: 'right',
              dx: -4,
              dy: -8,
              textAnchor: 'end',
              fill: t.fg,
            },
          ),
          Plot.line(bias, { x: 'step', y: 'v', z: 'run', stroke: 'run', strokeWidth: 2 }),
        ],
      }),
    );
    this.render(
      'loss',
      Plot.plot({
        ...this.frame('loss'),
        marginLeft: 44,
        x: { domain: [0, 400], label: this.t('axis.step') },
        y: {
          label: this.t('biasdecay.axisLoss'),
          type: 'log',
          grid: true,
          ...logAxisOf(
            loss.map((d) => d.v),
            { scaleLog: Plot.scaleLog },
          ),
        },
        color,
        marks: [Plot.line(loss, { x: 'step', y: 'v', z: 'run', stroke: 'run', strokeWidth: 2 })],
      }),
    );
    const [a, b] = this.runs.map((s) => s.at(-1));
    this.readout('biasOn', formatValue(a?.params.bias?.[0] ?? Number.NaN, 'sig'));
    this.readout('biasOff', formatValue(b?.params.bias?.[0] ?? Number.NaN, 'sig'));
    this.readout('lossOn', formatValue(a?.loss.data ?? Number.NaN, 'sig'));
    this.readout('lossOff', formatValue(b?.loss.data ?? Number.NaN, 'sig'));
  }
}

customElements.define('dl-bias-decay', BiasDecayWidget);
