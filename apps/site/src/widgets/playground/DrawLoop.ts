/** Options of a `DrawLoop`. */
export interface DrawLoopOptions {
  /** Draws everything (the charts, the readouts). */
  readonly draw: () => void;
  /** A draw threw: the loop goes on, the caller shows the error. */
  readonly onError: (error: unknown) => void;
}

/**
 * Redraws on the next animation frame (several `invalidate()` calls, one draw). Five charts
 * cost tens of ms on a slow machine: the next draw waits at least as long as the last one took,
 * so drawing never takes more than half of the main thread while a run plays. Each draw is
 * measured as `dl:draw:pg` (as chapter widgets measure `dl:draw:<id>`).
 *
 * @example
 * const loop = new DrawLoop({ draw: () => drawCharts(host, input), onError: show });
 * loop.invalidate();
 * loop.invalidate(); // still one draw, on the next frame
 * loop.stop(); // on disconnect
 */
export class DrawLoop {
  private frame = 0;
  private timer = 0;
  private nextDrawAt = 0;

  constructor(private readonly options: DrawLoopOptions) {}

  /** Asks for a draw: on the next frame, or once the last draw's time has passed again. */
  invalidate(): void {
    if (this.frame || this.timer) return;
    const wait = this.nextDrawAt - performance.now();
    if (wait > 0) {
      this.timer = window.setTimeout(() => {
        this.timer = 0;
        this.invalidate();
      }, wait);
      return;
    }
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const { draw, onError } = this.options;
      const start = performance.now();
      try {
        draw();
        const end = performance.now();
        performance.measure('dl:draw:pg', { start, end });
        this.nextDrawAt = end + (end - start);
      } catch (error) {
        onError(error);
      }
    });
  }

  /** Cancels a pending draw. */
  stop(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.frame = 0;
    this.timer = 0;
  }
}
