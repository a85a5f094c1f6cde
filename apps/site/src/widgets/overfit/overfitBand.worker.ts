import { serveWorker } from '../_shared/serveWorker';
import { type OverfitBand, overfitBand } from './overfitBand';

/** A request: the band of one λ over seeds 0…seeds−1. */
export interface BandRequest {
  readonly id: number;
  readonly lambda: number;
  readonly seeds: number;
}

/** The answer, or the error message. */
export type BandAnswer =
  | { readonly id: number; readonly band: OverfitBand }
  | { readonly id: number; readonly error: string };

/** Chapter 1's band worker: the seeds' runs off the main thread, one band per message. */
serveWorker<BandRequest, BandAnswer>(({ id, lambda, seeds }) => {
  try {
    return { id, band: overfitBand({ lambda, seeds }) };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
});
