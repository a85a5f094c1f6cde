import type { RunSpec } from '@decaylab/core';
import { type Translate, translatorFor } from '../../i18n/t';
import { watchTheme } from '../_shared/theme';
import { DrawLoop } from './DrawLoop';
import { drawCharts } from './drawCharts';
import { showProblems } from './formDom';
import { listen } from './listen';
import { PinnedRuns } from './PinnedRuns';
import { FORM_DEFAULTS, type SpecObject, specFromForm } from './playgroundForm';
import type { PlaygroundRuntime } from './playgroundRuntime';
import { type ExportHow, type ExportKind, runExport } from './runExport';
import { type EditOutcome, SpecInputs } from './SpecInputs';
import { showReadouts } from './showReadouts';
import { TracePlayer } from './TracePlayer';
import { writeSpecUrl } from './writeSpecUrl';

/** Quiet time after the last change before a run starts. */
const DEBOUNCE_MS = 250;

/**
 * The playground: a form (data, model, loss, optimizer, decay, batch, steps, seed) and an
 * editable JSON spec kept in step with each other and with the URL; each change starts a new
 * run (debounced) on a frame-budgeted clock, drawn at most once per frame: losses, the weight
 * norm and decay pull per parameter group, a weight histogram, and the fit or the decision
 * boundary. Pinned runs stay on every chart as ghosts. Exports the spec, the CLI command, the
 * recording and a PyTorch script. This element wires its parts: `SpecInputs` (the spec and its
 * editors), `TracePlayer` (the run), `DrawLoop` with `drawCharts` and `showReadouts` (the
 * view), `PinnedRuns` and `runExport`.
 */
export class PlaygroundElement extends HTMLElement {
  private t: Translate = translatorFor(document.documentElement);
  private rt: PlaygroundRuntime | undefined;
  private readonly inputs = new SpecInputs(this);
  private readonly pins = new PinnedRuns(this);
  private readonly loop = new DrawLoop({ draw: () => this.draw(), onError: (e) => this.fail(e) });
  private player: TracePlayer | undefined;
  private reducedMotion = false;
  private timer = 0;
  private runs = 0;
  private draws = 0;
  private cleanups: (() => void)[] = [];

  connectedCallback(): void {
    this.t = translatorFor(document.documentElement);
    const motion = matchMedia('(prefers-reduced-motion: reduce)');
    this.reducedMotion = motion.matches;
    const form = this.querySelector('form');
    const onForm = (e: Event) => {
      if (this.rt) this.edited(this.inputs.fromForm(e, { rt: this.rt, t: this.t }));
    };
    const resize = new ResizeObserver(() => this.invalidate());
    for (const chart of this.querySelectorAll('[data-chart]')) resize.observe(chart);
    this.cleanups.push(
      listen(motion, 'change', () => {
        this.reducedMotion = motion.matches;
      }),
      listen(form, 'input', onForm),
      listen(form, 'change', onForm),
      listen(form, 'submit', (e) => e.preventDefault()),
      listen(this, 'click', (e) => {
        const button = (e.target as Element).closest<HTMLButtonElement>('button[data-action]');
        if (button && this.contains(button)) this.onAction(button);
      }),
      listen(this.inputs.json.box, 'keydown', (e: KeyboardEvent) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          this.applyJson();
        }
      }),
      () => resize.disconnect(),
      watchTheme(() => this.invalidate()),
    );
    void this.init();
  }

  disconnectedCallback(): void {
    this.player?.stop();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.loop.stop();
    clearTimeout(this.timer);
  }

  private async init(): Promise<void> {
    let rt: PlaygroundRuntime;
    try {
      rt = await import('./playgroundRuntime');
    } catch (error) {
      this.fail(error);
      return;
    }
    this.rt = rt;
    this.player = new TracePlayer(rt, {
      t: this.t,
      reducedMotion: () => this.reducedMotion,
      onChange: () => this.invalidate(),
      onStatus: (text) => this.status(text),
      onSettled: (state) => {
        this.dataset.state = state;
      },
      onError: (error) => this.fail(error),
    });
    const search = location.search;
    if (new URLSearchParams(search).size > 0) {
      const { spec, problems } = rt.decodeSpecQuery(search);
      this.inputs.show(spec as SpecObject);
      if (problems.length > 0)
        this.status(this.t('playground.urlProblems', { problems: problems.join('; ') }));
    } else this.inputs.show(specFromForm(FORM_DEFAULTS));
    this.dataset.ready = '';
    this.apply({ keepStatus: true });
  }

  /** A form edit: a new spec runs once the reader pauses; a problem goes to the status. */
  private edited(outcome: EditOutcome): void {
    if (outcome === 'none') return;
    if (outcome !== 'run') {
      this.status(outcome.status);
      if (outcome.invalid) this.dataset.state = 'invalid';
      return;
    }
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.apply(), DEBOUNCE_MS);
  }

  /**
   * Validates the spec: problems go next to their fields; a valid spec goes into the URL and the
   * JSON box (unless it came from there) and starts a new run.
   */
  private apply({ fromJson = false, keepStatus = false } = {}): void {
    const { rt, player, inputs } = this;
    if (!rt || !player) return;
    clearTimeout(this.timer);
    performance.mark('dl:input:pg');
    const url = writeSpecUrl(rt.encodeSpecQuery(inputs.spec));
    if (!url.written) this.status(this.t('playground.urlTooLong', { chars: url.chars }));
    if (!fromJson) inputs.json.write(rt.specJson(inputs.spec));
    let spec: RunSpec;
    try {
      spec = rt.parseSpec(inputs.spec);
    } catch (error) {
      if (!(error instanceof rt.SpecError)) throw error;
      player.stop();
      inputs.json.listProblems(showProblems(this, rt.fieldProblems(error)));
      this.dataset.state = 'invalid';
      this.status(this.t('playground.invalid'));
      return;
    }
    inputs.json.listProblems(showProblems(this, new Map()));
    if (!keepStatus && url.written) this.status('');
    this.runs += 1;
    this.dataset.runs = String(this.runs);
    this.dataset.state = 'playing';
    player.start(spec);
    this.invalidate();
  }

  /** Runs the JSON box's spec (Ctrl/⌘+Enter or its Apply button). */
  private applyJson(): void {
    if (!this.rt) return;
    const outcome = this.inputs.fromJson(this.t);
    if (outcome === 'run') this.apply({ fromJson: true });
    else this.edited(outcome);
  }

  private onAction(button: HTMLButtonElement): void {
    const { rt, player } = this;
    const action = button.dataset.action;
    if (!rt || !player) return;
    if (action === 'rerun') this.apply();
    else if (action === 'pin') {
      if (!this.pins.pin(player.trace)) return;
      this.status(this.t('playground.pinned'));
      this.invalidate();
    } else if (action === 'unpin') {
      this.pins.clear();
      this.invalidate();
    } else if (action === 'apply-json') this.applyJson();
    else if (action === 'copy' || action === 'download' || action === 'show') {
      const kind = button.dataset.kind as ExportKind;
      const input = { rt, t: this.t, spec: this.inputs.spec, trace: player.trace };
      void runExport(this, { kind, how: action satisfies ExportHow }, input);
    }
  }

  private invalidate(): void {
    if (this.rt) this.loop.invalidate();
  }

  private draw(): void {
    const { rt, player } = this;
    const run = player?.trace;
    if (!rt || !run?.spec || !run.data) return;
    const ghosts = this.pins.traces();
    const divergences = player?.divergences ?? [];
    drawCharts(this, { Plot: rt.Plot, t: this.t, run, data: run.data, ghosts, divergences });
    showReadouts(this, run, this.t);
    this.draws += 1;
    this.dataset.draws = String(this.draws);
    // For tests and benches: the number of the run whose final state is on screen.
    if (this.dataset.state !== 'playing') this.dataset.drawn = String(this.runs);
    if (this.draws % 200 === 0) {
      performance.clearMeasures('dl:redraw:pg');
      performance.clearMeasures('dl:draw:pg');
    }
    performance.measure('dl:redraw:pg', 'dl:input:pg');
  }

  private status(text: string): void {
    const el = this.querySelector<HTMLElement>('[data-status]');
    if (el && el.textContent !== text) el.textContent = text;
  }

  private fail(error: unknown): void {
    this.player?.stop();
    this.dataset.state = 'error';
    const message = error instanceof Error ? error.message : String(error);
    this.status(this.t('widget.couldNotRun', { error: message }));
  }
}

customElements.define('dl-playground', PlaygroundElement);
