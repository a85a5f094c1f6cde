import { DecayWidget } from '../_shared/DecayWidget';
import { formatValue } from '../_shared/format';
import { pureDecaySpec } from './tipsSpecs';

type RunEvent = import('../_shared/engine').RunEvent;

/** The longest run the widget trains, in steps. */
const MAX_STEPS = 300_000;
/**
 * Above this γλ, (1 − γλ)^τ is over 5 % below e⁻¹ (0.349 against 0.368 at 0.1, 0 at 1): the
 * readout says the approximation fails instead of comparing with e⁻¹.
 */
const COARSE_RATE = 0.1;

/**
 * Chapter 7: the effective decay γλ and its time scale τ = 1/(γλ) steps. A single weight with no
 * data gradient is trained by the engine, so each step is exactly w ← (1 − γλ)w; the chart shows
 * the engine's w_t against e^(−t/τ) and marks τ.
 */
export class EffectiveDecayWidget extends DecayWidget {
  protected override stepsPerFrame = 5;
  private points: { step: number; w: number }[] = [];
  private steps = 0;

  private get rate(): number {
    return this.value('lr') * this.value('lambda');
  }

  protected start(): void {
    this.points = [{ step: 0, w: 1 }];
    const tau = 1 / this.rate;
    this.steps = Math.max(10, Math.min(MAX_STEPS, Math.ceil(3 * tau)));
    const every = Math.max(1, Math.ceil(this.steps / 300));
    this.run(
      [pureDecaySpec({ lr: this.value('lr'), lambda: this.value('lambda'), steps: this.steps })],
      { every },
    );
  }

  protected onEvent(e: RunEvent): void {
    if (e.type === 'step')
      this.points.push({ step: e.step, w: e.params.weight?.[0] ?? Number.NaN });
  }

  protected draw(): void {
    const { Plot, theme: t } = this;
    const rate = this.rate;
    const tau = 1 / rate;
    const reference = Array.from({ length: 121 }, (_, i) => {
      const step = (i / 120) * this.steps;
      return { step, w: Math.exp(-step * rate) };
    });
    this.legend('decay', [
      { label: this.t('effective.engine'), color: t.c1 },
      { label: 'e^(−γλt)', color: t.c2, dashed: true },
    ]);
    this.render(
      'decay',
      Plot.plot({
        ...this.frame('decay'),
        marginLeft: 44,
        marginRight: 32,
        x: { domain: [0, this.steps], label: this.t('axis.step') },
        y: { domain: [0, 1.05], label: this.t('effective.axis'), grid: true },
        marks: [
          Plot.ruleY([Math.exp(-1)], { stroke: t.muted, strokeDasharray: '2 3' }),
          tau <= this.steps
            ? Plot.ruleX([tau], { stroke: t.c3, strokeWidth: 1.5 })
            : Plot.ruleX([]),
          tau <= this.steps
            ? Plot.text([this.t('effective.tauMark', { tau: formatValue(tau, 'sig') })], {
                x: tau,
                frameAnchor: 'top',
                dy: 4,
                dx: 4,
                textAnchor: 'start',
                fill: t.c3,
                fontWeight: 600,
              })
            : Plot.text([]),
          Plot.line(this.points, { x: 'step', y: 'w', stroke: t.c1, strokeWidth: 2 }),
          Plot.line(reference, {
            x: 'step',
            y: 'w',
            stroke: t.c2,
            strokeDasharray: '5 4',
            strokeWidth: 2,
          }),
        ],
      }),
    );
    this.readout('rate', formatValue(rate, 'exp'));
    this.readout(
      'tau',
      tau > MAX_STEPS
        ? this.t('effective.longer', {
            tau: formatValue(tau, 'exp'),
            steps: MAX_STEPS.toLocaleString('en'),
          })
        : this.t('effective.steps', { value: formatValue(tau, 'sig') }),
    );
    this.readout(
      'half',
      this.t('effective.steps', { value: formatValue(Math.log(2) / rate, 'sig') }),
    );
    // w at τ, read off the engine's run: at its end when τ is past it; and where γλ is not
    // small, (1 − γλ)ᵗ is far from e^(−γλt) (at γλ = 1 one step sets w to 0), said as such.
    const at = this.points.filter((p) => p.step <= tau).at(-1);
    const key =
      tau > this.steps
        ? 'effective.atEnd'
        : rate > COARSE_RATE
          ? 'effective.coarse'
          : 'effective.atStep';
    this.readout(
      'atTau',
      at && at.step > 0 ? this.t(key, { w: formatValue(at.w, 'sig'), step: at.step }) : '…',
    );
  }
}

customElements.define('dl-effective-decay', EffectiveDecayWidget);
