/// <reference lib="webworker" />
import { type SweepPoint, sweepPoint } from './sweep';

/** A request: train one (n, λ) of the sweep. `id` comes back with the answer. */
export interface SweepRequest {
  readonly id: number;
  readonly n: number;
  readonly lambda: number;
  readonly seed: number;
  readonly steps: number;
}

/** The answer: the point, or the error message. */
export type SweepAnswer =
  | { readonly id: number; readonly point: SweepPoint }
  | { readonly id: number; readonly error: string };

/**
 * The λ-sweep worker: one `train()` per message, run to the end off the main thread. The page
 * asks for the next point only when the previous one arrived and the widget is playing, so
 * pause and step are exact and nothing piles up.
 */
self.onmessage = (event: MessageEvent<SweepRequest>) => {
  const { id, ...options } = event.data;
  try {
    self.postMessage({ id, point: sweepPoint(options) } satisfies SweepAnswer);
  } catch (error) {
    self.postMessage({
      id,
      error: error instanceof Error ? error.message : String(error),
    } satisfies SweepAnswer);
  }
};
