/// <reference lib="webworker" />
import { runSweep, type SweepPoint } from './sweep.js';

/** A request: run this sweep (any sweep in progress is abandoned). */
export interface SweepRequest {
  readonly id: number;
  readonly sizes: readonly number[];
  readonly lambdas: readonly number[];
  readonly seed: number;
  readonly steps: number;
}

/** What the worker posts back: one point at a time, then `done`. */
export type SweepMessage =
  | { readonly id: number; readonly kind: 'point'; readonly point: SweepPoint }
  | { readonly id: number; readonly kind: 'done' };

let latest = 0;

self.onmessage = (event: MessageEvent<SweepRequest>) => {
  const request = event.data;
  latest = request.id;
  // Yield between requests so a newer message can supersede this one.
  setTimeout(() => {
    if (request.id !== latest) return;
    runSweep({
      ...request,
      onPoint: (point) => self.postMessage({ id: request.id, kind: 'point', point } satisfies SweepMessage),
      shouldStop: () => request.id !== latest,
    });
    if (request.id === latest) self.postMessage({ id: request.id, kind: 'done' } satisfies SweepMessage);
  }, 0);
};
