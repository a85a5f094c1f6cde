import type { Rng } from './rng.js';

/**
 * Fills `perm` with 0..perm.length−1 in a Fisher–Yates order drawn from `r`: the one shuffle
 * behind the engine's per-epoch minibatch order (and the PyTorch export's copy of that order).
 *
 * @example
 * const perm = new Int32Array(4);
 * shuffleRange(perm, rng(0, STREAM.shuffle)); // e.g. Int32Array [2, 0, 3, 1]
 */
export function shuffleRange(perm: { length: number; [i: number]: number }, r: Rng): void {
  const n = perm.length;
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = r.int(i + 1);
    const t = perm[i] as number;
    perm[i] = perm[j] as number;
    perm[j] = t;
  }
}
