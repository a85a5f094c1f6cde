import { formatValue } from './format';
import type { Divergence } from './runBound';

const sig = (v: number) => formatValue(v, 'sig');

/**
 * What happened, with the numbers, in one sentence: the generic status line of a diverged run.
 * Widgets add the chapter's reason and remedy (see `gdStability` for plain gradient descent).
 *
 * @example
 * describeDivergence({ run: 0, step: 37, why: 'loss', loss: 612, initialLoss: 0.5, maxWeight: 9 })
 * // 'Diverged at step 37: the loss grew from 0.5 to 612 (past 1000× its start). …'
 */
export function describeDivergence(d: Divergence, { remedy = 'Lower the learning rate.' } = {}) {
  return `${whatHappened(d)} ${remedy}`;
}

/** The first sentence of `describeDivergence`: where the run left its bound and how far. */
export function whatHappened(d: Divergence): string {
  const at = `Diverged at step ${d.step}:`;
  if (d.why === 'non-finite') return `${at} the loss or a weight became ${sig(d.loss)}.`;
  if (d.why === 'weights') return `${at} a weight reached ${sig(d.maxWeight)}.`;
  const times = d.loss / d.initialLoss;
  return `${at} the loss grew from ${sig(d.initialLoss)} to ${sig(d.loss)} (${sig(times)}× its start), and the run was stopped.`;
}
