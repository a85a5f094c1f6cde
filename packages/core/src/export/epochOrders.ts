import { rng, STREAM } from '../random/rng.js';

/**
 * The order in which the engine visits the training rows with minibatches: one permutation per
 * epoch, each a Fisher–Yates shuffle of 0..rows−1 drawn from the run's shuffle stream, exactly
 * as the engine's session draws them (the PyTorch export's parity test checks that the two agree).
 *
 * @example
 * epochOrders(1, 4, 2) // two permutations of [0, 1, 2, 3]
 */
export function epochOrders(seed: number, rows: number, epochs: number): number[][] {
  const r = rng(seed, STREAM.shuffle);
  const out: number[][] = [];
  for (let e = 0; e < epochs; e++) {
    const perm = Array.from({ length: rows }, (_, i) => i);
    for (let i = rows - 1; i > 0; i--) {
      const j = r.int(i + 1);
      const t = perm[i] as number;
      perm[i] = perm[j] as number;
      perm[j] = t;
    }
    out.push(perm);
  }
  return out;
}
