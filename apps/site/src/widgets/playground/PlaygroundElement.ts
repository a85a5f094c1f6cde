import type { InlineData, RunEvent } from '@decaylab/core';
import { type Translate, translatorFor } from '../../i18n/t';
import { ChartSlot, type LegendItem } from '../_shared/ChartSlot';
import { describeDivergence } from '../_shared/describeDivergence';
import { formatValue } from '../_shared/format';
import { Ghosts } from '../_shared/Ghosts';
import { RunPlayer } from '../_shared/RunPlayer';
import { type ChartTheme, readTheme, watchTheme } from '../_shared/theme';
import { boundaryPanel } from './boundaryPanel';
import type { PanelInput } from './chartTypes';
import { groupColors } from './chartTypes';
import { csvMessage } from './csvMessage';
import { dataCsv } from './dataCsv';
import { copyText, downloadText } from './exportActions';
import { farOff } from './farOff';
import { firstLoss } from './firstLoss';
import { fitPanel, scatterPanel } from './fitPanel';
import { readForm, showApplicable, showProblems, writeForm } from './formDom';
import { groupPanel } from './groupPanel';
import { histogramPanel } from './histogramPanel';
import { lossPanel } from './lossPanel';
import {
  coherentForm,
  FORM_DEFAULTS,
  formFromSpec,
  type PlaygroundForm,
  specFromForm,
} from './playgroundForm';
import { isWeight, RunTrace } from './RunTrace';

type Runtime = typeof import('./playgroundRuntime');
type SpecObject = Record<string, unknown>;
type ExportKind = 'spec' | 'command' | 'recording' | 'script';

/** Events per run at most (every n-th step is reported), whatever the number of steps. */
const MAX_EVENTS = 300;
/** Frames a run takes to play out when nothing slows it (≈ 1.5 s at 60 Hz). */
const PLAY_FRAMES = 90;
/** The most step × parameter values the page records for a download (≈ 3 arrays each). */
const MAX_RECORDED_VALUES = 2e7;
/** The longest query the page writes into the address bar (links beyond it break in places). */
const MAX_URL_QUERY = 60_000;
/** Quiet time after the last change before a run starts. */
const DEBOUNCE_MS = 250;

const FILE_NAMES: Record<ExportKind, [string, string]> = {
  spec: ['spec.json', 'application/json'],
  command: ['run.sh', 'text/x-shellscript'],
  recording: ['run.ndjson', 'application/x-ndjson'],
  script: ['run.py', 'text/x-python'],
};

/**
 * The playground: a form (data, model, loss, optimizer, decay, batch, steps, seed) and an
 * editable JSON spec kept in step with each other and with the URL; each change starts a new
 * run (debounced) on a frame-budgeted clock, drawn at most once per frame: losses, the weight
 * norm and decay pull per parameter group, a weight histogram, and the fit or the decision
 * boundary. Pinned runs stay on every chart as ghosts. Exports the spec, the CLI command, the
 * recording and a PyTorch script.
 */
export class PlaygroundElement extends HTMLElement {
  private t: Translate = translatorFor(document.documentElement);
  private rt: Runtime | undefined;
  private spec: SpecObject = {};
  private form: PlaygroundForm = FORM_DEFAULTS;
  private csvData: InlineData | undefined;
  private csvTask: 'regression' | 'classification' | undefined;
  private player: RunPlayer | undefined;
  private trace = new RunTrace();
  private readonly ghosts = new Ghosts<RunTrace>({ max: 3 });
  private pins = 0;
  private reducedMotion = false;
  private frame = 0;
  private timer = 0;
  private drawTimer = 0;
  private nextDrawAt = 0;
  private runs = 0;
  private draws = 0;
  private cleanups: (() => void)[] = [];

  connectedCallback(): void {
    this.t = translatorFor(document.documentElement);
    const motion = matchMedia('(prefers-reduced-motion: reduce)');
    this.reducedMotion = motion.matches;
    const onMotion = () => {
      this.reducedMotion = motion.matches;
    };
    motion.addEventListener('change', onMotion);
    const form = this.querySelector('form');
    const onInput = (e: Event) => this.onFormInput(e);
    const onSubmit = (e: Event) => e.preventDefault();
    const onClick = (e: Event) => {
      const button = (e.target as Element).closest<HTMLButtonElement>('button[data-action]');
      if (button && this.contains(button)) this.onAction(button);
    };
    const json = this.querySelector<HTMLTextAreaElement>('#pg-json');
    const onJsonKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        this.applyJson();
      }
    };
    form?.addEventListener('input', onInput);
    form?.addEventListener('change', onInput);
    form?.addEventListener('submit', onSubmit);
    this.addEventListener('click', onClick);
    json?.addEventListener('keydown', onJsonKey);
    const resize = new ResizeObserver(() => this.invalidate());
    for (const chart of this.querySelectorAll('[data-chart]')) resize.observe(chart);
    const unwatch = watchTheme(() => this.invalidate());
    this.cleanups.push(() => {
      motion.removeEventListener('change', onMotion);
      form?.removeEventListener('input', onInput);
      form?.removeEventListener('change', onInput);
      form?.removeEventListener('submit', onSubmit);
      this.removeEventListener('click', onClick);
      json?.removeEventListener('keydown', onJsonKey);
      resize.disconnect();
      unwatch();
    });
    void this.init();
  }

  disconnectedCallback(): void {
    this.player?.stop();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    if (this.frame) cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    clearTimeout(this.drawTimer);
    this.frame = 0;
    this.drawTimer = 0;
  }

  private async init(): Promise<void> {
    try {
      this.rt = await import('./playgroundRuntime');
    } catch (error) {
      this.fail(error);
      return;
    }
    const search = location.search;
    if (new URLSearchParams(search).size > 0) {
      const { spec, problems } = this.rt.decodeSpecQuery(search);
      this.spec = spec as SpecObject;
      if (problems.length > 0)
        this.status(this.t('playground.urlProblems', { problems: problems.join('; ') }));
    } else this.spec = specFromForm(FORM_DEFAULTS);
    this.formFromSpec();
    this.dataset.ready = '';
    this.apply({ keepStatus: true });
  }

  /** Moves the form (and the CSV box) to `this.spec`. */
  private formFromSpec(): void {
    this.form = formFromSpec(this.spec);
    const data = this.spec.data as InlineData | undefined;
    if (this.form.data === 'csv' && data && 'train' in data) {
      this.csvData = data;
      const classes = [...data.train.y, ...(data.val?.y ?? [])].every((y) => y === 0 || y === 1);
      this.csvTask = classes ? 'classification' : 'regression';
      const box = this.querySelector<HTMLTextAreaElement>('#pg-csv');
      if (box) box.value = dataCsv(data);
    }
    writeForm(this, this.form);
  }

  private onFormInput(event: Event): void {
    const target = event.target as HTMLInputElement;
    const name = target.name;
    if (!name || !this.rt) return;
    if (event.type === 'change' && target.type !== 'checkbox' && target.localName !== 'select')
      return; // number boxes and the CSV box answer to `input`
    if (event.type === 'input' && (target.type === 'checkbox' || target.localName === 'select'))
      return; // checkboxes and selects answer to `change` (one event per change)
    const read = readForm(this);
    if (name === 'csv' && !this.readCsv(target.value, read?.seed ?? this.form.seed)) return;
    if (!read) {
      this.status(this.t('playground.badNumber'));
      this.dataset.state = 'invalid';
      return;
    }
    // A pasted CSV is split by the seed: a new seed splits its rows again.
    const csvBox = this.querySelector<HTMLTextAreaElement>('#pg-csv');
    if (name === 'seed' && read.data === 'csv' && this.csvData && csvBox)
      if (!this.readCsv(csvBox.value, read.seed)) return;
    const form = coherentForm(read, name as keyof PlaygroundForm, this.csvTask);
    if (JSON.stringify(form) !== JSON.stringify(read)) writeForm(this, form);
    else showApplicable(this, form);
    if (form.data === 'csv' && !this.csvData) {
      this.status(this.t('playground.csvNeeded'));
      this.form = form;
      return;
    }
    this.form = form;
    this.spec = specFromForm(form, {
      base: this.spec,
      ...(this.csvData ? { csvData: this.csvData } : {}),
    });
    this.schedule();
  }

  /** Reads the CSV box into `csvData`; false (and the problem shown under it) when it fails. */
  private readCsv(text: string, seed: number): boolean {
    const rt = this.rt;
    if (!rt) return false;
    const problem = this.querySelector<HTMLElement>('[data-problem-for="csv"]');
    try {
      const { data, task } = rt.csvToData(text, { seed });
      this.csvData = data;
      this.csvTask = task;
      if (problem) problem.textContent = '';
      return true;
    } catch (error) {
      if (problem)
        problem.textContent =
          error instanceof rt.CsvError
            ? csvMessage(error, this.t)
            : error instanceof Error
              ? error.message
              : String(error);
      this.csvData = undefined;
      return false;
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.apply(), DEBOUNCE_MS);
  }

  /**
   * Validates `this.spec`: problems go next to their fields; a valid spec goes into the URL and
   * the JSON box (unless it came from there) and starts a new run.
   */
  private apply({ fromJson = false, keepStatus = false } = {}): void {
    const rt = this.rt;
    if (!rt) return;
    clearTimeout(this.timer);
    performance.mark('dl:input:pg');
    this.writeUrl();
    if (!fromJson) this.writeJson();
    let normalized: ReturnType<Runtime['parseSpec']>;
    try {
      normalized = rt.parseSpec(this.spec);
    } catch (error) {
      if (!(error instanceof rt.SpecError)) throw error;
      this.player?.stop();
      this.listJsonProblems(showProblems(this, rt.fieldProblems(error)));
      this.dataset.state = 'invalid';
      this.status(this.t('playground.invalid'));
      return;
    }
    this.listJsonProblems(showProblems(this, new Map()));
    if (!keepStatus && !this.urlTooLong()) this.status('');
    this.start(normalized);
  }

  private start(spec: ReturnType<Runtime['parseSpec']>): void {
    const rt = this.rt;
    if (!rt) return;
    this.player ??= new RunPlayer({ train: rt.train, Clock: rt.Clock });
    const trace = new RunTrace();
    this.trace = trace;
    const every = Math.max(1, Math.ceil(spec.steps / MAX_EVENTS));
    const chunkSteps = this.reducedMotion
      ? Number.POSITIVE_INFINITY
      : Math.max(every, Math.ceil(spec.steps / PLAY_FRAMES));
    this.runs += 1;
    this.dataset.runs = String(this.runs);
    this.dataset.state = 'playing';
    // Events come every n-th step: the bound measures growth from step 1, not from step n.
    const initialLoss = every > 1 ? firstLoss(rt.train, spec) : undefined;
    this.player.start([spec], {
      every,
      chunkSteps,
      ...(initialLoss === undefined ? {} : { bound: { initialLoss } }),
      onEvent: (event: RunEvent) => {
        if (trace !== this.trace) return;
        if (event.type === 'run') trace.data = rt.materialize(event.spec.data, event.spec.seed);
        trace.add(event);
        if (!this.reducedMotion || event.type !== 'step') this.invalidate();
      },
      onDiverged: (d) => {
        this.status(describeDivergence(d, { t: this.t }));
        this.invalidate();
      },
      onSettled: () => {
        const diverged = (this.player?.divergences.length ?? 0) > 0;
        this.dataset.state = diverged ? 'diverged' : 'done';
        const far = diverged || trace !== this.trace ? null : farOff(trace);
        if (far)
          this.status(
            this.t('playground.farOff', {
              loss: formatValue(far.loss, 'sig'),
              baseline: formatValue(far.baseline, 'sig'),
            }),
          );
        this.invalidate();
      },
      onError: (error) => this.fail(error),
    });
    this.invalidate();
  }

  /**
   * Puts the spec in the address bar (no new history entry). A spec too long for a link (a large
   * pasted CSV) leaves the address at the page alone and says so: the JSON export carries it.
   */
  private writeUrl(): void {
    const rt = this.rt;
    if (!rt) return;
    const query = rt.encodeSpecQuery(this.spec).replace(/^\?/, '');
    if (query.length > MAX_URL_QUERY) {
      history.replaceState(history.state, '', `${location.pathname}${location.hash}`);
      this.status(this.t('playground.urlTooLong', { chars: query.length }));
      return;
    }
    const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
    history.replaceState(history.state, '', url);
  }

  private urlTooLong(): boolean {
    return (this.rt?.encodeSpecQuery(this.spec).length ?? 0) > MAX_URL_QUERY;
  }

  private writeJson(): void {
    const box = this.querySelector<HTMLTextAreaElement>('#pg-json');
    if (box && this.rt) box.value = this.rt.specJson(this.spec);
  }

  private applyJson(): void {
    const box = this.querySelector<HTMLTextAreaElement>('#pg-json');
    if (!box || !this.rt) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(box.value);
    } catch (error) {
      this.listJsonProblems([['', error instanceof Error ? error.message : String(error)]]);
      this.dataset.state = 'invalid';
      this.status(this.t('playground.jsonSyntax'));
      return;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      this.listJsonProblems([['', this.t('playground.jsonNotObject')]]);
      this.dataset.state = 'invalid';
      this.status(this.t('playground.invalid'));
      return;
    }
    this.spec = parsed as SpecObject;
    this.csvData = undefined;
    this.formFromSpec();
    this.apply({ fromJson: true });
  }

  /** Lists `[control, text]` problems under the JSON box; opens it when one has no control. */
  private listJsonProblems(problems: readonly [string, string][]): void {
    const list = this.querySelector<HTMLElement>('[data-json-problems]');
    if (!list) return;
    list.replaceChildren(
      ...problems.map(([, message]) => {
        const li = document.createElement('li');
        li.textContent = message;
        return li;
      }),
    );
    const details = this.querySelector<HTMLDetailsElement>('[data-json]');
    if (details && problems.some(([control]) => control === '')) details.open = true;
  }

  private onAction(button: HTMLButtonElement): void {
    const action = button.dataset.action;
    if (!this.rt) return;
    if (action === 'rerun') this.apply();
    else if (action === 'pin') {
      if (this.trace.step === 0) return;
      this.pins += 1;
      this.ghosts.keep(String(this.pins), this.trace);
      this.updatePins();
      this.status(this.t('playground.pinned'));
      this.invalidate();
    } else if (action === 'unpin') {
      this.ghosts.clear();
      this.updatePins();
      this.invalidate();
    } else if (action === 'apply-json') this.applyJson();
    else if (action === 'copy' || action === 'download' || action === 'show')
      void this.export(button.dataset.kind as ExportKind, action);
  }

  private updatePins(): void {
    const count = this.ghosts.entries().length;
    this.dataset.pinned = String(count);
    const unpin = this.querySelector<HTMLButtonElement>('button[data-action="unpin"]');
    if (unpin) unpin.disabled = count === 0;
  }

  private async export(kind: ExportKind, how: 'copy' | 'download' | 'show'): Promise<void> {
    const rt = this.rt;
    if (!rt) return;
    const status = this.querySelector<HTMLElement>('[data-export-status]');
    const pre = this.querySelector<HTMLElement>('[data-export-text]');
    const say = (text: string) => {
      if (status) status.textContent = text;
    };
    let text: string;
    try {
      text = await this.exportText(kind);
    } catch (error) {
      say(
        this.t('playground.exportFailed', {
          error: error instanceof Error ? error.message : String(error),
        }),
      );
      this.dataset.exported = `${kind}:error`;
      return;
    }
    const show = () => {
      if (pre) {
        pre.textContent = text;
        pre.hidden = false;
        pre.dataset.kind = kind;
      }
    };
    if (how === 'show') {
      show();
      say(this.t('playground.shown', { name: FILE_NAMES[kind][0] }));
    } else if (how === 'copy') {
      if (await copyText(text)) say(this.t('playground.copied', { name: FILE_NAMES[kind][0] }));
      else {
        show();
        say(this.t('playground.copyFailed'));
      }
    } else {
      const [name, type] = FILE_NAMES[kind];
      downloadText(name, text, type);
      say(this.t('playground.downloaded', { name }));
    }
    this.dataset.exported = kind;
  }

  private async exportText(kind: ExportKind): Promise<string> {
    const rt = this.rt as Runtime;
    if (kind === 'spec') return rt.specJson(this.spec);
    if (kind === 'command') return rt.cliCommand(this.spec);
    // The script's instructions record the same run from the spec file the Spec button saves
    // (a one-line command, which the script follows with `> run.ndjson`).
    if (kind === 'script')
      return rt.pytorchScript(this.spec, { command: rt.cliCommand(this.spec, { form: 'file' }) });
    // The recording: every step of the run, computed again on a frame-budgeted clock. Held in
    // memory until it is saved, so a very large one is left to the CLI.
    const spec = rt.parseSpec(this.spec);
    const values =
      spec.steps * Object.values(this.trace.params ?? {}).reduce((n, v) => n + v.length, 1);
    if (values > MAX_RECORDED_VALUES)
      throw new Error(this.t('playground.recordingTooBig', { values: formatValue(values, 'sig') }));
    const clock = new rt.Clock({ playing: true });
    const events: RunEvent[] = [];
    this.querySelector<HTMLElement>('[data-export-status]')?.replaceChildren(
      this.t('playground.recording'),
    );
    await new Promise<void>((resolve, reject) => {
      rt.train(spec, { scheduler: clock, budgetMs: 8 }).subscribe({
        next: (e) => events.push(e),
        error: reject,
        complete: resolve,
      });
    });
    clock.dispose();
    return rt.recordingText(events);
  }

  /**
   * Schedules a redraw on the next animation frame (several calls, one draw). Five charts cost
   * tens of ms on a slow machine: the next draw waits at least as long as the last one took,
   * so drawing never takes more than half of the main thread while a run plays.
   */
  private invalidate(): void {
    if (this.frame || this.drawTimer || !this.rt) return;
    const wait = this.nextDrawAt - performance.now();
    if (wait > 0) {
      this.drawTimer = window.setTimeout(() => {
        this.drawTimer = 0;
        this.invalidate();
      }, wait);
      return;
    }
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const start = performance.now();
      try {
        this.draw();
        const end = performance.now();
        performance.measure('dl:draw:pg', { start, end });
        this.nextDrawAt = end + (end - start);
      } catch (error) {
        this.fail(error);
      }
    });
  }

  private draw(): void {
    const rt = this.rt;
    const run = this.trace;
    if (!rt || !run.spec || !run.data) return;
    const t = this.t;
    const theme = readTheme();
    const ghosts = this.ghosts.entries().map(([, g]) => g);
    const divergences = this.player?.divergences ?? [];
    const faint = ghosts.length > 0;
    const slot = (name: string) => {
      const el = this.querySelector<HTMLElement>(`[data-chart="${name}"]`);
      return el ? new ChartSlot(el) : undefined;
    };
    const panel = (name: string, legend: LegendItem[], make: (input: PanelInput) => Element) => {
      const s = slot(name);
      if (!s) return;
      s.legend(
        faint
          ? [
              ...legend,
              { label: t('playground.legendPinned'), color: theme.fg, dashed: true, faint: true },
            ]
          : legend,
      );
      s.render(make({ Plot: rt.Plot, theme, t, run, ghosts, divergences, ...s.frame(theme) }));
    };
    panel(
      'loss',
      [
        { label: t('playground.legendTrain'), color: theme.c1 },
        ...(run.data.val ? [{ label: t('playground.legendVal'), color: theme.c2 }] : []),
      ],
      lossPanel,
    );
    const groupLegend = run.groups.map((g, i) => ({
      label: g.label,
      color: groupColors(theme)[i % 4] ?? theme.fg,
    }));
    panel('norms', groupLegend, (input) => groupPanel({ ...input, metric: 'norms' }));
    panel('pulls', groupLegend, (input) => groupPanel({ ...input, metric: 'pulls' }));
    panel('weights', [{ label: t('playground.legendWeights'), color: theme.c1 }], histogramPanel);
    this.drawModel(panel, theme, run.data);
    this.readouts();
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

  private drawModel(
    panel: (name: string, legend: LegendItem[], make: (input: PanelInput) => Element) => void,
    theme: ChartTheme,
    data: InlineData,
  ): void {
    const t = this.t;
    const spec = this.trace.spec;
    if (!spec) return;
    const dims = data.train.x[0]?.length ?? 0;
    const labels = [...data.train.y, ...(data.val?.y ?? [])];
    const classes = spec.loss === 'bce-logits' || labels.every((y) => y === 0 || y === 1);
    const chart = this.querySelector<HTMLElement>('[data-chart="model"]');
    const view = !classes && dims === 1 ? 'fit' : classes && dims === 2 ? 'boundary' : 'scatter';
    if (chart) {
      chart.dataset.view = view;
      chart.dataset.label = t(
        view === 'fit'
          ? 'playground.chartFit'
          : view === 'boundary'
            ? 'playground.chartBoundary'
            : 'playground.chartScatter',
      );
    }
    if (view === 'fit')
      panel(
        'model',
        [
          { label: t('playground.legendTrainPoints'), color: theme.fg, dot: true },
          { label: t('playground.legendValPoints'), color: theme.muted, dot: true },
          { label: t('playground.legendModel'), color: theme.c1 },
        ],
        (input) => fitPanel({ ...input, data }),
      );
    else if (view === 'boundary')
      panel(
        'model',
        [
          { label: t('playground.legendClass1'), color: theme.c1, dot: true },
          { label: t('playground.legendClass0'), color: theme.c2, dot: true },
          { label: t('playground.legendBoundary'), color: theme.fg },
        ],
        (input) => boundaryPanel({ ...input, data }),
      );
    else panel('model', [], (input) => scatterPanel({ ...input, data, classes }));
  }

  private readouts(): void {
    const run = this.trace;
    const last = run.loss.at(-1);
    const sig = (v: number | undefined) => (v === undefined ? '—' : formatValue(v, 'sig'));
    this.readout('step', run.spec ? `${run.step} / ${run.spec.steps}` : '…');
    this.readout('train', sig(last?.train));
    this.readout('val', sig(last?.val));
    const norm = Math.sqrt(
      Object.entries(run.params ?? {})
        .filter(([name]) => isWeight(name))
        .reduce((s, [, vs]) => s + vs.reduce((a, v) => a + v * v, 0), 0),
    );
    this.readout('norm', sig(norm));
    const weights = run.weights();
    const zeros = weights.filter((w) => w === 0).length;
    this.readout('zeros', this.t('playground.zerosOf', { zeros, count: weights.length }));
    this.dataset.zeros = String(zeros);
  }

  private readout(name: string, text: string): void {
    const el = this.querySelector<HTMLElement>(`[data-readout="${name}"]`);
    if (el && el.textContent !== text) el.textContent = text;
  }

  private status(text: string): void {
    const el = this.querySelector<HTMLElement>('[data-status]');
    if (el && el.textContent !== text) el.textContent = text;
  }

  private fail(error: unknown): void {
    this.player?.stop();
    this.dataset.state = 'error';
    this.status(
      this.t('widget.couldNotRun', {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  }
}

customElements.define('dl-playground', PlaygroundElement);
