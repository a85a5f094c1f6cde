import { serveWorker } from '../_shared/serveWorker';
import { type FinalLosses, finalLosses } from './sweep';

/** A request: train one RunSpec to the end. `id` comes back with the answer. */
export interface SweepRequest {
  readonly id: number;
  readonly spec: { readonly steps: number };
}

/** The answer: the final losses, or the error message. */
export type SweepAnswer =
  | { readonly id: number; readonly losses: FinalLosses }
  | { readonly id: number; readonly error: string };

/**
 * The λ-sweep worker: one `train()` per message, run to the end off the main thread. A page
 * asks for the next run only when the previous one is back and its widget is playing, so
 * pause and step are exact and nothing piles up. Chapter 6's Adam + L2 vs AdamW sweep and
 * chapter 7's sweep both use it (through `SweepQueue`).
 */
serveWorker<SweepRequest, SweepAnswer>(({ id, spec }) => {
  try {
    return { id, losses: finalLosses(spec) };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
});
