import { formatValue } from './format';
import { type ChartTheme, readTheme, watchTheme } from './theme';
import { readUrlState, writeUrlState } from './urlState';

/** The lazily loaded Plot subset (see plot.ts). */
export type PlotModule = typeof import('./plot');
/** The lazily loaded engine + scheduler (see engine.ts). */
export type EngineModule = typeof import('./engine');
type RunEvent = import('./engine').RunEvent;
type Clock = import('./engine').Clock;

/** One entry of a chart legend. */
export interface LegendItem {
  readonly label: string;
  readonly color: string;
  /** Dashed line swatch. Default false. */
  readonly dashed?: boolean;
  /** Dot swatch instead of a line. Default false. */
  readonly dot?: boolean;
}

/** Options for `DecayWidget.run`. */
export interface RunOptions {
  /** Emit every n-th step (and the last). Default 1. */
  readonly every?: number;
}

const reducedMotionQuery = '(prefers-reduced-motion: reduce)';

/**
 * Base class of every decaylab widget: a custom element around the markup that `Widget.astro`
 * renders (charts with reserved size, controls, readouts, a no-JS fallback).
 *
 * It loads Plot and the engine only when the element scrolls into view, runs `train()` on a
 * pausable per-frame scheduler (`Clock`, ≤ 8 ms per chunk), coalesces redraws to one per
 * animation frame, keeps control values in the URL (`?<id>.<name>=…`), honours
 * `prefers-reduced-motion` (runs jump to the end) and unsubscribes when removed from the page.
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
  /** Steps the "Step" button advances. */
  protected stepSize = 10;
  /** Plot, once loaded. */
  protected Plot!: PlotModule;
  /** The engine (train, Clock, …), once loaded. */
  protected engine!: EngineModule;
  /** Current chart colours. */
  protected theme!: ChartTheme;
  /** True when the reader prefers reduced motion: runs jump to the end, one draw per run. */
  protected reducedMotion = false;

  private clock: Clock | undefined;
  private chunkSteps = 1;
  private subscriptions: { unsubscribe(): void }[] = [];
  private running = 0;
  private drawFrame = 0;
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

  /** The widget id (URL namespace). */
  get widgetId(): string {
    return this.dataset.id ?? this.localName;
  }

  connectedCallback(): void {
    const motion = matchMedia(reducedMotionQuery);
    this.reducedMotion = motion.matches;
    const onMotion = () => {
      this.reducedMotion = motion.matches;
    };
    motion.addEventListener('change', onMotion);
    this.cleanups.push(() => motion.removeEventListener('change', onMotion));
    this.restoreFromUrl();
    this.wireControls();
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
    const input = this.control(name);
    if (!input) throw new Error(`${this.localName}: no control named ${name}`);
    if (input.type === 'checkbox') return input.checked ? 1 : 0;
    const v = Number(input.value);
    return input.dataset.scale === 'log' ? 10 ** v : v;
  }

  /** True when the checkbox `name` is checked. */
  protected flag(name: string): boolean {
    return this.value(name) === 1;
  }

  /** The seed from the seed box. */
  protected get seed(): number {
    return this.value('seed');
  }

  /** Sets a readout's text. */
  protected readout(name: string, text: string): void {
    const el = this.querySelector<HTMLElement>(`[data-readout="${name}"]`);
    if (el && el.textContent !== text) el.textContent = text;
  }

  /**
   * Plot options for the chart slot `name`: the width and height left in the reserved box (below
   * its legend, if any) and the theme's style.
   */
  protected frame(name: string): { width: number; height: number; style: Record<string, string> } {
    const slot = this.chartSlot(name);
    const legend = slot.querySelector<HTMLElement>('.dl-legend');
    const width = Math.max(200, Math.floor(slot.clientWidth || 640));
    const boxHeight = slot.clientHeight || width / 1.6;
    return {
      width,
      height: Math.max(120, Math.floor(boxHeight - (legend?.offsetHeight ?? 0))),
      style: {
        color: this.theme.fg,
        background: 'transparent',
        fontFamily: this.theme.font,
        fontSize: '12px',
        overflow: 'visible',
      },
    };
  }

  /**
   * Shows a legend (HTML, above the chart, inside the reserved box). Call it before `frame()`.
   *
   * @example
   * this.legend('loss', [{ label: 'train', color: theme.c1 }, { label: 'validation', color: theme.c1, dashed: true }]);
   */
  protected legend(name: string, items: readonly LegendItem[]): void {
    const slot = this.chartSlot(name);
    let legend = slot.querySelector<HTMLElement>('.dl-legend');
    if (!legend) {
      legend = document.createElement('div');
      legend.className = 'dl-legend';
      slot.prepend(legend);
    }
    const key = JSON.stringify(items);
    if (legend.dataset.key === key) return;
    legend.dataset.key = key;
    legend.replaceChildren(
      ...items.map(({ label, color, dashed = false, dot = false }) => {
        const item = document.createElement('span');
        const swatch = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
        swatch.setAttribute('width', '18');
        swatch.setAttribute('height', '10');
        swatch.setAttribute('aria-hidden', 'true');
        swatch.innerHTML = dot
          ? `<circle cx="9" cy="5" r="3.5" fill="${color}"/>`
          : `<line x1="1" x2="17" y1="5" y2="5" stroke="${color}" stroke-width="2.5"${dashed ? ' stroke-dasharray="4,2"' : ''}/>`;
        item.append(swatch, label);
        return item;
      }),
    );
  }

  /**
   * Puts a Plot figure into the chart slot `name`, replacing the previous one (not the legend).
   * The svg becomes one `role="img"` with the slot's label; pass `{ interactive: true }` when
   * the chart contains focusable handles (it becomes a labelled `role="group"` instead, since
   * controls may not be nested inside an image).
   */
  protected render(
    name: string,
    figure: Element,
    { interactive = false }: { interactive?: boolean } = {},
  ): void {
    const slot = this.chartSlot(name);
    const svg = figure.localName === 'svg' ? figure : figure.querySelector('svg');
    svg?.setAttribute('role', interactive ? 'group' : 'img');
    svg?.setAttribute('aria-label', slot.dataset.label ?? name);
    // The chart is one image with one name: Plot's per-mark aria-labels on <g> are not allowed
    // by ARIA (axe: aria-prohibited-attr), and add nothing inside role="img".
    for (const el of svg?.querySelectorAll('g[aria-label], g[aria-description]') ?? []) {
      el.removeAttribute('aria-label');
      el.removeAttribute('aria-description');
    }
    figure.classList.add('dl-plot');
    const old = slot.querySelector(':scope > .dl-plot');
    if (old) old.replaceWith(figure);
    else slot.append(figure);
  }

  private chartSlot(name: string): HTMLElement {
    const slot = this.querySelector<HTMLElement>(`[data-chart="${name}"]`);
    if (!slot) throw new Error(`${this.localName}: no chart named ${name}`);
    return slot;
  }

  /**
   * Starts one `train()` per spec on the widget's clock (replacing any previous runs). Events go
   * to `onEvent(event, index)`; a redraw is scheduled after each (or only at the end under
   * reduced motion).
   */
  protected run(specs: readonly unknown[], { every = 1 }: RunOptions = {}): void {
    this.stop();
    const { Clock, train } = this.engine;
    const clock = new Clock({ frameBudgetMs: 10, playing: !this.userPaused && this.onScreen });
    this.clock = clock;
    this.running = specs.length;
    const chunkSteps = this.reducedMotion ? Number.POSITIVE_INFINITY : this.stepsPerFrame * every;
    this.chunkSteps = chunkSteps;
    specs.forEach((spec, index) => {
      const sub = train(spec, { scheduler: clock, budgetMs: 8, chunkSteps, every }).subscribe({
        next: (event) => {
          if (event.type === 'step') this.sawStep = true;
          this.onEvent(event, index);
          if (event.type === 'end' && event.reason === 'diverged') {
            this.status(
              `The run diverged at step ${event.step ?? event.steps}: the loss became infinite. Try a smaller λ.`,
            );
          }
          if (!this.reducedMotion || event.type !== 'step') this.invalidate();
        },
        error: (error: unknown) => this.fail(error),
        complete: () => {
          this.running--;
          this.updateState();
        },
      });
      this.subscriptions.push(sub);
    });
    this.updateState();
    this.invalidate();
  }

  /** Stops all runs (unsubscribing stops the engine's work). */
  protected stop(): void {
    for (const sub of this.subscriptions.splice(0)) sub.unsubscribe();
    this.clock?.dispose();
    this.clock = undefined;
    this.running = 0;
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
      if (this.awaitingDraw && this.sawStep) {
        this.awaitingDraw = false;
        performance.measure(`dl:redraw:${this.widgetId}`, `dl:input:${this.widgetId}`);
        this.dispatchEvent(new CustomEvent('dl:redraw', { bubbles: true }));
      }
    });
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

  private syncClock(): void {
    if (!this.clock) return;
    if (this.onScreen && !this.userPaused) this.clock.play();
    else this.clock.pause();
  }

  private updateState(): void {
    const state = this.running > 0 ? (this.userPaused ? 'paused' : 'playing') : 'done';
    this.dataset.state = state;
    const play = this.querySelector<HTMLButtonElement>('[data-action="play"]');
    if (play) {
      const label = state === 'playing' ? 'Pause' : state === 'paused' ? 'Play' : 'Replay';
      play.textContent = label;
      play.setAttribute('aria-pressed', String(state === 'playing'));
    }
  }

  private control(name: string): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>(`input[data-name="${name}"]`);
  }

  private restoreFromUrl(): void {
    for (const [name, raw] of Object.entries(readUrlState(this.widgetId))) {
      const input = this.control(name);
      if (!input) continue;
      if (input.type === 'checkbox') input.checked = raw === '1';
      else {
        const v = Number(raw);
        const min = Number(input.min || Number.NEGATIVE_INFINITY);
        const max = Number(input.max || Number.POSITIVE_INFINITY);
        if (raw !== '' && Number.isFinite(v)) input.value = String(Math.min(max, Math.max(min, v)));
      }
      this.showValue(input);
    }
  }

  private showValue(input: HTMLInputElement): void {
    if (input.type !== 'range') return;
    const shown = input.dataset.scale === 'log' ? 10 ** Number(input.value) : Number(input.value);
    const text = formatValue(shown, input.dataset.format);
    const output = this.querySelector(`output[data-for="${input.dataset.name}"]`);
    if (output) output.textContent = text;
    input.setAttribute('aria-valuetext', text);
  }

  private wireControls(): void {
    const onInput = (event: Event) => {
      const input = event.target as HTMLInputElement;
      if (!input.dataset.name) return;
      if (input.type === 'number' && (input.value === '' || !input.checkValidity())) return;
      this.showValue(input);
      writeUrlState(this.widgetId, {
        [input.dataset.name]: input.type === 'checkbox' ? (input.checked ? '1' : '0') : input.value,
      });
      performance.mark(`dl:input:${this.widgetId}`);
      this.awaitingDraw = true;
      this.userPaused = false;
      this.restart();
    };
    const onClick = (event: Event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
      if (!button || !this.engine) return;
      const action = button.dataset.action ?? '';
      if (action === 'play') this.togglePlay();
      else if (action === 'step') {
        this.userPaused = true;
        if (!this.clock?.busy) this.restart();
        this.syncClock();
        // A chunk does at most chunkSteps steps: step in chunks until stepSize steps are done.
        for (let done = 0; done < this.stepSize; done += this.chunkSteps) {
          this.clock?.step(Math.min(this.chunkSteps, this.stepSize - done));
        }
        this.updateState();
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
    };
    this.addEventListener('input', onInput);
    this.addEventListener('click', onClick);
    this.cleanups.push(() => {
      this.removeEventListener('input', onInput);
      this.removeEventListener('click', onClick);
    });
    for (const input of this.querySelectorAll<HTMLInputElement>('input[type="range"]'))
      this.showValue(input);
  }

  private togglePlay(): void {
    if (this.running === 0) {
      this.userPaused = false;
      this.restart();
    } else {
      this.userPaused = !this.userPaused;
      this.syncClock();
    }
    this.updateState();
  }

  private status(text: string): void {
    const el = this.querySelector<HTMLElement>('[data-status]');
    if (el) el.textContent = text;
  }

  private fail(error: unknown): void {
    this.stop();
    this.updateState();
    this.status(`Could not run: ${error instanceof Error ? error.message : String(error)}`);
  }
}
