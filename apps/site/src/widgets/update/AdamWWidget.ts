import { downsample, logTicks } from '@decaylab/charts/data';
import { DecayWidget } from '../_shared/DecayWidget';
import { formatValue } from '../_shared/format';
import { SweepQueue } from '../tips/SweepQueue';
import { lambdaGrid } from '../tips/sweep';
import { paramDifference } from './paramDifference';
import { ADAM_SWEEP_AXES, adamPair } from './updateSpecs';

type RunEvent = import('../_shared/engine').RunEvent;
type StepEvent = import('../_shared/engine').StepEvent;

/** The two runs' ids (colour domain): Adam with weight_decay (L2), AdamW (decoupled). */
const NAMES = ['adam', 'adamw'] as const;
const NAME_KEYS = ['adamw.nameAdam', 'adamw.nameAdamW'] as const;

/**
 * Chapter 6: Adam with weight_decay λ (L2, rescaled by Adam) vs AdamW with the same λ
 * (decoupled shrink, the events' `decoupledDecay`). Shows ‖w‖ per step, the final coefficients,
 * and how far apart the two runs have drifted.
 */
export class AdamWWidget extends DecayWidget {
  protected override stepsPerFrame = 4;
  private runs: StepEvent[][] = [[], []];
  private sweep: SweepQueue | null = null;
  /** Final validation loss per `${optimizer}:${seed}:${λ}`, from the worker. */
  private swept = new Map<string, number>();

  protected start(): void {
    this.runs = [[], []];
    const seed = this.seed;
    this.run([...adamPair({ lambda: this.value('lambda'), seed })]);
    this.sweep ??= new SweepQueue({
      onResult: (key, losses) => {
        this.swept.set(key, losses.val);
        this.invalidate();
      },
      onChange: (error) => {
        if (error) this.status(error);
      },
      t: this.t,
    });
    this.sweep.set(
      (['adam', 'adamw'] as const).flatMap((kind, i) =>
        lambdaGrid(ADAM_SWEEP_AXES[kind]).map((lambda) => ({
          key: `${kind}:${seed}:${lambda}`,
          spec: adamPair({ lambda, seed })[i] as { steps: number },
        })),
      ),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.sweep?.dispose();
    this.sweep = null;
  }

  /** One optimizer's sweep for the current seed, in λ order (points done so far). */
  private curve(kind: 'adam' | 'adamw'): { lambda: number; val: number; run: string }[] {
    const run = kind === 'adam' ? NAMES[0] : NAMES[1];
    return lambdaGrid(ADAM_SWEEP_AXES[kind]).flatMap((lambda) => {
      const val = this.swept.get(`${kind}:${this.seed}:${lambda}`);
      return val === undefined ? [] : [{ lambda, val, run }];
    });
  }

  private drawSweep(): void {
    const { Plot, theme: t } = this;
    const curves = [this.curve('adam'), this.curve('adamw')];
    const full = curves.map((c, i) =>
      c.length === ADAM_SWEEP_AXES[i ? 'adamw' : 'adam'].count
        ? c.reduce((a, p) => (p.val < a.val ? p : a))
        : undefined,
    );
    const lambda = this.value('lambda');
    const all = curves
      .flat()
      .map((p) => p.val)
      .filter((v) => v > 0 && Number.isFinite(v));
    const lo = all.length ? Math.min(...all) * 0.85 : 0.05;
    const hi = all.length ? Math.min(1e3, Math.max(...all) * 1.2) : 1;
    this.legend('sweep', [
      { label: this.t(NAME_KEYS[0]), color: t.c1 },
      { label: this.t(NAME_KEYS[1]), color: t.c2 },
      { label: this.t('adamw.best'), color: t.fg, dot: true },
      { label: this.t('adamw.slider'), color: t.muted, dashed: true },
    ]);
    this.render(
      'sweep',
      Plot.plot({
        ...this.frame('sweep'),
        marginLeft: 44,
        marginRight: 12,
        marginBottom: 36,
        x: {
          type: 'log',
          domain: [ADAM_SWEEP_AXES.adam.from, ADAM_SWEEP_AXES.adamw.to],
          label: this.t('slider.lambdaTorch'),
          ticks: logTicks(ADAM_SWEEP_AXES.adam.from, ADAM_SWEEP_AXES.adamw.to, { count: 7 }),
          tickFormat: (d: number) => formatValue(d, 'exp'),
        },
        y: {
          type: 'log',
          domain: [lo, hi],
          label: this.t('adamw.axisVal'),
          grid: true,
          ticks: logTicks(lo, hi),
          tickFormat: '~g',
        },
        color: { domain: [...NAMES], range: [t.c1, t.c2] },
        marks: [
          Plot.ruleX([lambda], { stroke: t.muted, strokeDasharray: '4 3' }),
          Plot.line(curves.flat(), {
            x: 'lambda',
            y: 'val',
            z: 'run',
            stroke: 'run',
            strokeWidth: 2,
            clip: true,
          }),
          Plot.dot(curves.flat(), { x: 'lambda', y: 'val', fill: 'run', r: 2.5, clip: true }),
          Plot.dot(
            full.filter((p) => !!p),
            { x: 'lambda', y: 'val', stroke: t.fg, r: 6, strokeWidth: 1.5 },
          ),
        ],
      }),
    );
    const describe = (p: { lambda: number; val: number } | undefined) =>
      p ? `λ = ${formatValue(p.lambda, 'exp')}: ${formatValue(p.val, 'sig')}` : '…';
    this.readout('bestAdam', describe(full[0]));
    this.readout('bestAdamW', describe(full[1]));
  }

  protected onEvent(e: RunEvent, run: number): void {
    if (e.type === 'step') this.runs[run]?.push(e);
  }

  protected draw(): void {
    const { Plot, theme: t } = this;
    const color = { domain: [...NAMES], range: [t.c1, t.c2] };
    const key = NAME_KEYS.map((k, i) => ({ label: this.t(k), color: i ? t.c2 : t.c1 }));
    this.legend('norms', key);
    this.legend(
      'coefficients',
      key.map((k) => ({ ...k, dot: true })),
    );
    const norms = this.runs.flatMap((steps, i) =>
      downsample(steps).map((e) => ({ step: e.step, norm: e.norms.weight ?? 0, run: NAMES[i] })),
    );
    this.render(
      'norms',
      Plot.plot({
        ...this.frame('norms'),
        marginLeft: 44,
        x: { label: this.t('axis.step'), domain: [0, 400] },
        y: { label: this.t('axis.weightNorm'), grid: true },
        color,
        marks: [
          Plot.line(norms, { x: 'step', y: 'norm', z: 'run', stroke: 'run', strokeWidth: 2 }),
        ],
      }),
    );
    const coefficients = this.runs.flatMap((steps, i) =>
      (steps.at(-1)?.params.weight ?? []).map((v, k) => ({ k: String(k + 1), v, run: NAMES[i] })),
    );
    this.render(
      'coefficients',
      Plot.plot({
        ...this.frame('coefficients'),
        marginLeft: 44,
        x: {
          label: this.t('adamw.axisK'),
          domain: Array.from({ length: 9 }, (_, k) => String(k + 1)),
          type: 'point',
          padding: 0.5,
        },
        // Inset: dots at the lowest value would sit on the x axis's labels.
        y: { label: this.t('adamw.axisNow'), grid: true, inset: 8 },
        color,
        marks: [
          Plot.ruleY([0], { stroke: t.grid }),
          Plot.dot(coefficients, { x: 'k', y: 'v', stroke: 'run', fill: 'run', r: 3.5 }),
        ],
      }),
    );
    const a = this.runs[0]?.at(-1);
    const w = this.runs[1]?.at(-1);
    const step = Math.min(a?.step ?? 0, w?.step ?? 0);
    const sa = this.runs[0]?.[step - 1];
    const sw = this.runs[1]?.[step - 1];
    this.readout(
      'diff',
      sa && sw
        ? this.t('adamw.atStep', {
            value: formatValue(paramDifference(sa.params, sw.params), 'exp'),
            step,
          })
        : '…',
    );
    this.readout('normAdam', formatValue(a?.norms.weight ?? Number.NaN, 'sig'));
    this.readout('normAdamW', formatValue(w?.norms.weight ?? Number.NaN, 'sig'));
    this.readout(
      'val',
      a && w
        ? `${formatValue(a.val?.loss ?? Number.NaN, 'sig')} vs ${formatValue(w.val?.loss ?? Number.NaN, 'sig')}`
        : '…',
    );
    this.drawSweep();
    const shrink = w?.decoupledDecay?.weight?.[0];
    this.readout('shrink', shrink === undefined ? '…' : formatValue(shrink, 'exp'));
  }
}

customElements.define('dl-adamw', AdamWWidget);
