import { Ghosts } from '../_shared/Ghosts';
import type { RunTrace } from './RunTrace';

/**
 * The runs the reader pinned (at most 3, the oldest dropped first), drawn faintly on every
 * chart. Keeps `data-pinned` on `host` and the Unpin button's `disabled` in step.
 *
 * @example
 * const pins = new PinnedRuns(element);
 * pins.pin(trace); // true: data-pinned="1", Unpin enabled
 * pins.traces(); // [trace]
 */
export class PinnedRuns {
  private readonly ghosts = new Ghosts<RunTrace>({ max: 3 });
  private pins = 0;

  constructor(private readonly host: HTMLElement) {}

  /** Pins `trace`; false (nothing pinned) before its first step. */
  pin(trace: RunTrace): boolean {
    if (trace.step === 0) return false;
    this.pins += 1;
    this.ghosts.keep(String(this.pins), trace);
    this.update();
    return true;
  }

  /** Unpins every run. */
  clear(): void {
    this.ghosts.clear();
    this.update();
  }

  /** The pinned runs, oldest first. */
  traces(): RunTrace[] {
    return this.ghosts.entries().map(([, trace]) => trace);
  }

  private update(): void {
    const count = this.ghosts.entries().length;
    this.host.dataset.pinned = String(count);
    const unpin = this.host.querySelector<HTMLButtonElement>('button[data-action="unpin"]');
    if (unpin) unpin.disabled = count === 0;
  }
}
