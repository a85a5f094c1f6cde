import type { Translate } from '../../i18n/t';
import { formatValue } from './format';
import type { Divergence } from './runBound';

const sig = (v: number) => formatValue(v, 'sig');

/**
 * What happened, with the numbers, in one sentence: the generic status line of a diverged run,
 * in the page's language (`t`). Widgets add the chapter's reason and remedy (see `gdStability`
 * for plain gradient descent); the default remedy is `divergence.remedy`.
 *
 * @example
 * describeDivergence({ run: 0, step: 37, why: 'loss', loss: 612, initialLoss: 0.5, maxWeight: 9 }, { t })
 * // 'Diverged at step 37: the loss grew from 0.5 to 612 (past 1000× its start). …'
 */
export function describeDivergence(
  d: Divergence,
  { t, remedy }: { t: Translate; remedy?: string },
) {
  return t('sentence.join', {
    first: whatHappened(d, t),
    second: remedy ?? t('divergence.remedy'),
  });
}

/** The first sentence of `describeDivergence`: where the run left its bound and how far. */
export function whatHappened(d: Divergence, t: Translate): string {
  const step = d.step;
  if (d.why === 'non-finite') return t('divergence.nonFinite', { step, value: sig(d.loss) });
  if (d.why === 'weights') return t('divergence.weights', { step, value: sig(d.maxWeight) });
  return t('divergence.loss', {
    step,
    from: sig(d.initialLoss),
    to: sig(d.loss),
    times: sig(d.loss / d.initialLoss),
  });
}
