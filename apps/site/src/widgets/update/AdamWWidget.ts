import { DecayWidget } from '../_shared/DecayWidget';
import { formatValue } from '../_shared/format';
import { legend } from './legend';
import { paramDifference } from './paramDifference';
import { thin } from './thin';
import { adamPair } from './updateSpecs';

type RunEvent = import('../_shared/engine').RunEvent;
type StepEvent = import('../_shared/engine').StepEvent;

const NAMES = ['Adam + L2 (weight_decay)', 'AdamW (decoupled)'] as const;

/**
 * Chapter 6: Adam with weight_decay λ (L2, rescaled by Adam) vs AdamW with the same λ
 * (decoupled shrink, the events' `decoupledDecay`). Shows ‖w‖ per step, the final coefficients,
 * and how far apart the two runs have drifted.
 */
export class AdamWWidget extends DecayWidget {
  protected override stepsPerFrame = 4;
  private runs: StepEvent[][] = [[], []];

  protected start(): void {
    this.runs = [[], []];
    this.run([...adamPair({ lambda: this.value('lambda'), seed: this.seed })]);
  }

  protected onEvent(e: RunEvent, run: number): void {
    if (e.type === 'step') this.runs[run]?.push(e);
  }

  protected draw(): void {
    const { Plot, theme: t } = this;
    const color = { domain: [...NAMES], range: [t.c1, t.c2] };
    const key = legend(
      Plot,
      NAMES.map((label, i) => ({ label, color: i ? t.c2 : t.c1 })),
      { anchor: 'bottom-right' },
    );
    const norms = this.runs.flatMap((steps, i) =>
      thin(steps).map((e) => ({ step: e.step, norm: e.norms.weight ?? 0, run: NAMES[i] })),
    );
    this.render(
      'norms',
      Plot.plot({
        ...this.frame('norms'),
        marginLeft: 44,
        x: { label: 'step', domain: [0, 400] },
        y: { label: '‖weight‖', grid: true },
        color,
        marks: [Plot.line(norms, { x: 'step', y: 'norm', stroke: 'run', strokeWidth: 2 }), ...key],
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
          label: 'k (the coefficient of xᵏ)',
          domain: Array.from({ length: 9 }, (_, k) => String(k + 1)),
          type: 'point',
          padding: 0.5,
        },
        y: { label: 'value now', grid: true },
        color,
        marks: [
          Plot.ruleY([0], { stroke: t.grid }),
          Plot.dot(coefficients, { x: 'k', y: 'v', stroke: 'run', fill: 'run', r: 3.5 }),
          ...legend(
            Plot,
            NAMES.map((label, i) => ({ label, color: i ? t.c2 : t.c1 })),
          ),
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
        ? `${formatValue(paramDifference(sa.params, sw.params), 'exp')} at step ${step}`
        : '…',
    );
    this.readout('normAdam', formatValue(a?.norms.weight ?? Number.NaN, 'fixed3'));
    this.readout('normAdamW', formatValue(w?.norms.weight ?? Number.NaN, 'fixed3'));
    this.readout(
      'val',
      a && w
        ? `${formatValue(a.val?.loss ?? Number.NaN, 'fixed3')} vs ${formatValue(w.val?.loss ?? Number.NaN, 'fixed3')}`
        : '…',
    );
    const shrink = w?.decoupledDecay?.weight?.[0];
    this.readout('shrink', shrink === undefined ? '…' : formatValue(shrink, 'exp'));
  }
}

customElements.define('dl-adamw', AdamWWidget);
