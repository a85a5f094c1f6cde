import { downsample } from '@decaylab/charts/data';
import { DecayWidget } from '../_shared/DecayWidget';
import { formatValue } from '../_shared/format';
import { logAxisOf } from '../_shared/logAxisOf';
import { paramDifference } from './paramDifference';
import { couplingPair } from './updateSpecs';

type RunEvent = import('../_shared/engine').RunEvent;
type StepEvent = import('../_shared/engine').StepEvent;

/** The three runs' ids (colour domain): no decay, L2 in the loss, weightDecay on the optimizer. */
const NAMES = ['none', 'inLoss', 'onOptimizer'] as const;

/**
 * Chapter 6: "L2 in the loss" and "weightDecay on the optimizer" (SGD, with optional momentum)
 * trained side by side with a λ = 0 reference; shows ‖w‖ per step, the loss each run reports,
 * and the largest parameter difference between the two decayed runs, from the engine's events.
 */
export class CouplingWidget extends DecayWidget {
  protected override stepsPerFrame = 3;
  private runs: StepEvent[][] = [[], [], []];
  private maxDiff = 0;

  protected start(): void {
    this.runs = [[], [], []];
    this.maxDiff = 0;
    const options = {
      lambda: this.value('lambda'),
      momentum: this.value('momentum'),
      seed: this.seed,
    };
    const [inLoss, onOptimizer] = couplingPair(options);
    const [, none] = couplingPair({ ...options, lambda: 0 });
    this.run([{ ...none, name: 'no-decay' }, inLoss, onOptimizer]);
  }

  protected onEvent(e: RunEvent, run: number): void {
    if (e.type !== 'step') return;
    this.runs[run]?.push(e);
    const a = this.runs[1]?.[e.step - 1];
    const b = this.runs[2]?.[e.step - 1];
    if (a && b && (run === 1 || run === 2))
      this.maxDiff = Math.max(this.maxDiff, paramDifference(a.params, b.params));
  }

  protected draw(): void {
    const { Plot, theme: t } = this;
    const colors = [t.muted, t.c1, t.c2];
    const norms = this.runs.flatMap((steps, i) =>
      downsample(steps).map((e) => ({ step: e.step, norm: e.norms.weight ?? 0, run: NAMES[i] })),
    );
    const losses = this.runs
      .slice(1)
      .flatMap((steps, i) =>
        downsample(steps).map((e) => ({ step: e.step, loss: e.loss.total, run: NAMES[i + 1] })),
      );
    const color = { domain: [...NAMES], range: colors };
    this.legend('norms', [
      { label: this.t('coupling.none'), color: t.muted },
      { label: this.t('coupling.inLoss'), color: t.c1 },
      { label: this.t('coupling.onOptimizer'), color: t.c2, dot: true },
    ]);
    this.legend('loss', [
      { label: this.t('coupling.legendInLoss'), color: t.c1 },
      { label: this.t('coupling.legendOnOpt'), color: t.c2 },
    ]);
    this.render(
      'norms',
      Plot.plot({
        ...this.frame('norms'),
        marginLeft: 44,
        x: { label: this.t('axis.step'), domain: [0, 300] },
        y: { label: this.t('axis.weightNorm'), grid: true },
        color,
        marks: [
          Plot.line(
            norms.filter((d) => d.run !== NAMES[2]),
            { x: 'step', y: 'norm', z: 'run', stroke: 'run', strokeWidth: 2 },
          ),
          Plot.dot(
            norms.filter((d) => d.run === NAMES[2]).filter((_, j) => j % 8 === 0),
            { x: 'step', y: 'norm', stroke: 'run', r: 3 },
          ),
        ],
      }),
    );
    this.render(
      'loss',
      Plot.plot({
        ...this.frame('loss'),
        marginLeft: 44,
        x: { label: this.t('axis.step'), domain: [0, 300] },
        y: {
          label: this.t('coupling.reported'),
          type: 'log',
          grid: true,
          ...logAxisOf(
            losses.map((d) => d.loss),
            { scaleLog: Plot.scaleLog },
          ),
        },
        color: { domain: [NAMES[1], NAMES[2]], range: [t.c1, t.c2] },
        marks: [
          Plot.line(losses, { x: 'step', y: 'loss', z: 'run', stroke: 'run', strokeWidth: 2 }),
        ],
      }),
    );
    const a = this.runs[1]?.at(-1);
    const b = this.runs[2]?.at(-1);
    const n = Math.min(this.runs[1]?.length ?? 0, this.runs[2]?.length ?? 0);
    this.readout(
      'diff',
      n ? this.t('coupling.over', { value: formatValue(this.maxDiff, 'exp'), steps: n }) : '…',
    );
    this.readout('normNone', formatValue(this.runs[0]?.at(-1)?.norms.weight ?? Number.NaN, 'sig'));
    this.readout('normDecay', formatValue(b?.norms.weight ?? Number.NaN, 'sig'));
    this.readout(
      'lossInLoss',
      a ? `${formatValue(a.loss.data, 'sig')} + ${formatValue(a.loss.penalty, 'sig')}` : '…',
    );
    this.readout(
      'lossOnOpt',
      b ? `${formatValue(b.loss.data, 'sig')} + ${formatValue(b.loss.penalty, 'sig')}` : '…',
    );
  }
}

customElements.define('dl-coupling', CouplingWidget);
