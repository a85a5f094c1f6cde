import { rng, STREAM } from '../random/rng.js';
import { shuffleRange } from '../random/shuffleRange.js';

/**
 * The order in which the engine visits the training rows with minibatches: one permutation per
 * epoch, each drawn by the engine's own `shuffleRange` from the run's shuffle stream (the PyTorch
 * export's parity test checks that the orders agree with the rows the engine trained on).
 *
 * @example
 * epochOrders(1, 4, 2) // two permutations of [0, 1, 2, 3]
 */
export function epochOrders(seed: number, rows: number, epochs: number): number[][] {
  const r = rng(seed, STREAM.shuffle);
  const out: number[][] = [];
  for (let e = 0; e < epochs; e++) {
    const perm = new Array<number>(rows);
    shuffleRange(perm, r);
    out.push(perm);
  }
  return out;
}
