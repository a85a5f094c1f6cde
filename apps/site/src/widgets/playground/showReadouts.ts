import type { Translate } from '../../i18n/t';
import { formatValue } from '../_shared/format';
import { isWeight, type RunTrace } from './RunTrace';

/**
 * Writes the run's readouts into `host` (`[data-readout="<name>"]`): step, training and
 * validation loss, the weights' norm and how many weights are exactly 0 (also `data-zeros` on
 * `host`, for tests). Unchanged text touches no DOM.
 *
 * @example
 * showReadouts(element, trace, t); // step "120 / 120", train "0.0123", …
 */
export function showReadouts(host: HTMLElement, run: RunTrace, t: Translate): void {
  const readout = (name: string, text: string) => {
    const el = host.querySelector<HTMLElement>(`[data-readout="${name}"]`);
    if (el && el.textContent !== text) el.textContent = text;
  };
  const last = run.loss.at(-1);
  const sig = (v: number | undefined) => (v === undefined ? '—' : formatValue(v, 'sig'));
  readout('step', run.spec ? `${run.step} / ${run.spec.steps}` : '…');
  readout('train', sig(last?.train));
  readout('val', sig(last?.val));
  const norm = Math.sqrt(
    Object.entries(run.params ?? {})
      .filter(([name]) => isWeight(name))
      .reduce((s, [, vs]) => s + vs.reduce((a, v) => a + v * v, 0), 0),
  );
  readout('norm', sig(norm));
  const weights = run.weights();
  const zeros = weights.filter((w) => w === 0).length;
  readout('zeros', t('playground.zerosOf', { zeros, count: weights.length }));
  host.dataset.zeros = String(zeros);
}
