import { type Translate, translatorFor } from '../../i18n/t';
import { ChartSlot, type LegendItem } from './ChartSlot';
import { Controls, type WidgetState } from './Controls';
import { describeDivergence } from './describeDivergence';
import { RunPlayer } from './RunPlayer';
import type { Divergence, RunBound } from './runBound';
import { type ChartTheme, readTheme, watchTheme } from './theme';

export type { LegendItem } from './ChartSlot';
export type { Divergence, RunBound } from './runBound';

/** The lazily loaded Plot subset (see plot.ts). */
export type PlotModule = typeof import('./plot');
/** The lazily loaded engine + scheduler (see engine.ts). */
export type EngineModule = typeof import('./engine');
type RunEvent = import('./engine').RunEvent;

/** Options for `DecayWidget.run`. */
export interface RunOptions {
  /** Emit every n-th step (and the last). Default 1. */
  readonly every?: number;
}

const reducedMotionQuery = '(prefers-reduced-motion: reduce)';

/**
 * Base class of every decaylab widget: a custom element around the markup that `Widget.astro`
 * renders, put together from three parts: `ChartSlot` (chart slots and legends), `Controls`
 * (controls, readouts, status line, URL state) and `RunPlayer` (the runs on a pausable `Clock`).
 *
 * It loads Plot and the engine only when the element scrolls into view, coalesces redraws to one
 * per animation frame, honours `prefers-reduced-motion` (runs jump to the end), stops a run that
 * leaves the widget's `bound` (`data-state="diverged"`, a status line that says why) and
 * unsubscribes when removed from the page.
 *
 * Subclasses implement `start()` (build specs, call `run`), `onEvent()` and `draw()`.
 *
 * @example
 * class Demo extends DecayWidget {
 *   losses: number[] = [];
 *   start() { this.losses = []; this.run([{ data: { kind: 'line' }, model: { kind: 'linear' },
 *     optimizer: { kind: 'sgd', lr: 0.1, weightDecay: this.value('lambda') }, steps: 200 }]); }
 *   onEvent(e) { if (e.type === 'step') this.losses.push(e.loss.total); }
 *   draw() { this.render('loss', this.Plot.plot({ ...this.frame('loss'),
 *     marks: [this.Plot.lineY(this.losses, { stroke: this.theme.c1 })] })); }
 * }
 * customElements.define('dl-demo', Demo);
 */
export abstract class DecayWidget extends HTMLElement {
  /** Steps each run advances per animation frame while playing. */
  protected stepsPerFrame = 5;
  /** Steps the "Step" button advances (see `nextStepSize` to vary it). */
  protected stepSize = 10;
  /** When a run counts as diverged. Default: non-finite, loss > 1e3 × first loss, |θᵢ| > 1e6. */
  protected bound: RunBound = {};
  /** Plot, once loaded. */
  protected Plot!: PlotModule;
  /** The engine (train, Clock, …), once loaded. */
  protected engine!: EngineModule;
  /** Current chart colours. */
  protected theme!: ChartTheme;
  /** True when the reader prefers reduced motion: runs jump to the end, one draw per run. */
  protected reducedMotion = false;
  /**
   * The page language's messages (`<html lang>`, read at connect), the language `Widget.astro`
   * rendered the frame in: on a page whose text is an untranslated fallback (`<main lang="en">`
   * under /zh-cn/) the widget still speaks the page's language. Every UI string comes from it.
   */
  protected t: Translate = translatorFor(document.documentElement);

  private player: RunPlayer | undefined;
  private controls: Controls | undefined;
  private drawFrame = 0;
  /** A finished state (`done`, `diverged`) waiting for the frame that draws the run's end. */
  private finalState: WidgetState | null = null;
  private cleanups: (() => void)[] = [];
  private loaded = false;
  private onScreen = false;
  private userPaused = false;
  private awaitingDraw = false;
  private sawStep = false;
  private draws = 0;

  /** Builds the run(s) for the current control values and calls `run`. */
  protected abstract start(): void;
  /** Receives every event of run number `run` (index into the specs given to `run`). */
  protected abstract onEvent(event: RunEvent, run: number): void;
  /** Draws the charts from the widget's state (called at most once per animation frame). */
  protected abstract draw(): void;
  /** Handles an extra button (`ButtonDef`) press. Default: nothing. */
  protected onButton(_name: string): void {}

  /**
   * The status line shown when run `d.run` diverged: why, in the chapter's terms, and what to
   * change. Default: a generic sentence with the numbers (see `describeDivergence`).
   */
  protected explain(d: Divergence): string {
    return describeDivergence(d, { t: this.t });
  }

  /** Steps the Step button advances when the runs are at `step`. Default `stepSize`. */
  protected nextStepSize(_step: number): number {
    return this.stepSize;
  }

  /** The widget id (URL namespace). */
  get widgetId(): string {
    return this.dataset.id ?? this.localName;
  }

  /** Runs that left their bound since the last `run`, in order. */
  protected get divergences(): readonly Divergence[] {
    return this.player?.divergences ?? [];
  }

  connectedCallback(): void {
    this.t = translatorFor(document.documentElement);
    const motion = matchMedia(reducedMotionQuery);
    this.reducedMotion = motion.matches;
    const onMotion = () => {
      this.reducedMotion = motion.matches;
    };
    motion.addEventListener('change', onMotion);
    this.cleanups.push(() => motion.removeEventListener('change', onMotion));
    const controls = new Controls(this, this.widgetId, this.t);
    this.controls = controls;
    controls.restoreFromUrl();
    this.cleanups.push(
      controls.wire({ onInput: () => this.onControlInput(), onAction: (a) => this.onAction(a) }),
    );
    this.cleanups.push(watchTheme(() => this.invalidate()));
    const resize = new ResizeObserver(() => this.invalidate());
    for (const chart of this.querySelectorAll('[data-chart]')) resize.observe(chart);
    this.cleanups.push(() => resize.disconnect());
    const io = new IntersectionObserver(
      (entries) => {
        this.onScreen = entries.some((e) => e.isIntersecting);
        if (this.onScreen && !this.loaded) void this.load();
        this.syncClock();
      },
      { rootMargin: '200px 0px' },
    );
    io.observe(this);
    this.cleanups.push(() => io.disconnect());
  }

  disconnectedCallback(): void {
    this.stop();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    if (this.drawFrame) cancelAnimationFrame(this.drawFrame);
    this.drawFrame = 0;
  }

  /** A control's current value: log sliders give 10^position, toggles 1 or 0, `seed` the seed. */
  protected value(name: string): number {
    return this.parts().value(name);
  }

  /** True when the checkbox `name` is checked. */
  protected flag(name: string): boolean {
    return this.value(name) === 1;
  }

  /** The seed from the seed box. */
  protected get seed(): number {
    return this.value('seed');
  }

  /** Moves control `name` to `raw` (slider units) as the reader would; the runs restart. */
  protected setControl(name: string, raw: number): void {
    this.parts().set(name, raw);
  }

  /** Sets a readout's text. Format numbers first (`formatValue(v, 'sig')`). */
  protected readout(name: string, text: string): void {
    this.parts().readout(name, text);
  }

  /** Sets the status line. */
  protected status(text: string): void {
    this.parts().status(text);
  }

  /** Plot options for chart slot `name`: the size left below its legend and the theme's style. */
  protected frame(name: string) {
    return this.chartSlot(name).frame(this.theme);
  }

  /** Shows a legend above chart `name` (HTML, inside the reserved box). Call before `frame()`. */
  protected legend(name: string, items: readonly LegendItem[]): void {
    this.chartSlot(name).legend(items);
  }

  /** Puts a Plot figure into chart slot `name` (see `ChartSlot.render`). */
  protected render(name: string, figure: Element, options: { interactive?: boolean } = {}): void {
    this.chartSlot(name).render(figure, options);
  }

  /**
   * Starts one `train()` per spec (replacing any previous runs). Events go to
   * `onEvent(event, index)`; a redraw is scheduled after each (or only at the end under reduced
   * motion). A run that leaves `bound` stops, and the status line says why (`explain`).
   */
  protected run(specs: readonly unknown[], { every = 1 }: RunOptions = {}): void {
    this.player ??= new RunPlayer(this.engine);
    this.status('');
    this.player.start(specs, {
      every,
      chunkSteps: this.reducedMotion ? Number.POSITIVE_INFINITY : this.stepsPerFrame * every,
      playing: !this.userPaused && this.onScreen,
      bound: this.bound,
      onEvent: (event, index) => {
        if (event.type === 'step') this.sawStep = true;
        this.onEvent(event, index);
        if (!this.reducedMotion || event.type !== 'step') this.invalidate();
      },
      onDiverged: (d) => {
        if (this.divergences.length === 1) this.status(this.explain(d));
        this.invalidate();
      },
      onSettled: () => this.updateState(),
      onError: (error) => this.fail(error),
    });
    this.updateState();
    this.invalidate();
  }

  /** Stops all runs (unsubscribing stops the engine's work). */
  protected stop(): void {
    this.player?.stop();
  }

  /** Schedules a redraw on the next animation frame (several calls, one draw). */
  protected invalidate(): void {
    if (this.drawFrame || !this.engine) return;
    this.drawFrame = requestAnimationFrame(() => {
      this.drawFrame = 0;
      this.theme = readTheme();
      const start = performance.now();
      try {
        this.draw();
        performance.measure(`dl:draw:${this.widgetId}`, { start, end: performance.now() });
      } catch (error) {
        this.fail(error);
        return;
      }
      this.draws++;
      // Keep the user-timing buffer small on long visits (the bench reads recent draws only).
      if (this.draws % 500 === 0) performance.clearMeasures(`dl:draw:${this.widgetId}`);
      this.dataset.draws = String(this.draws);
      if (this.finalState) {
        this.parts().showState(this.finalState);
        this.finalState = null;
      }
      if (this.awaitingDraw && this.sawStep) {
        this.awaitingDraw = false;
        performance.measure(`dl:redraw:${this.widgetId}`, `dl:input:${this.widgetId}`);
        this.dispatchEvent(new CustomEvent('dl:redraw', { bubbles: true }));
      }
    });
  }

  private parts(): Controls {
    this.controls ??= new Controls(this, this.widgetId, this.t);
    return this.controls;
  }

  private chartSlot(name: string): ChartSlot {
    const element = this.querySelector<HTMLElement>(`[data-chart="${name}"]`);
    if (!element) throw new Error(`${this.localName}: no chart named ${name}`);
    return new ChartSlot(element);
  }

  private async load(): Promise<void> {
    this.loaded = true;
    try {
      [this.Plot, this.engine] = await Promise.all([import('./plot'), import('./engine')]);
    } catch (error) {
      this.fail(error);
      return;
    }
    this.theme = readTheme();
    this.dataset.ready = '';
    this.restart();
  }

  /** Re-runs `start()` (new runs from step 0). */
  private restart(): void {
    if (!this.engine) return;
    this.sawStep = false;
    this.status('');
    try {
      this.start();
    } catch (error) {
      this.fail(error);
    }
  }

  private onControlInput(): void {
    performance.mark(`dl:input:${this.widgetId}`);
    this.awaitingDraw = true;
    this.userPaused = false;
    this.restart();
  }

  private onAction(action: string): void {
    if (!this.engine) return;
    if (action === 'play') this.togglePlay();
    else if (action === 'step') {
      this.userPaused = true;
      if (!this.player?.busy) this.restart();
      this.syncClock();
      this.player?.advance(this.nextStepSize(this.player.step));
      this.updateState();
      this.invalidate(); // also under reduced motion: the reader asked for this step
    } else if (action === 'reset') {
      this.userPaused = true;
      this.restart();
      this.syncClock();
    } else {
      performance.mark(`dl:input:${this.widgetId}`);
      this.awaitingDraw = true;
      this.sawStep = false;
      this.onButton(action);
    }
  }

  private syncClock(): void {
    if (this.onScreen && !this.userPaused) this.player?.play();
    else this.player?.pause();
  }

  private updateState(): void {
    const running = this.player?.running ?? 0;
    const state: WidgetState =
      running > 0
        ? this.userPaused
          ? 'paused'
          : 'playing'
        : this.divergences.length > 0
          ? 'diverged'
          : 'done';
    // The element says a run is over only once the screen shows its end (readouts, charts):
    // a finished state waits for the pending frame.
    if (running === 0 && this.drawFrame) {
      this.finalState = state;
      return;
    }
    this.finalState = null;
    this.parts().showState(state);
  }

  private togglePlay(): void {
    if ((this.player?.running ?? 0) === 0) {
      this.userPaused = false;
      this.restart();
    } else {
      this.userPaused = !this.userPaused;
      this.syncClock();
    }
    this.updateState();
  }

  private fail(error: unknown): void {
    this.stop();
    this.updateState();
    this.status(
      this.t('widget.couldNotRun', {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  }
}
