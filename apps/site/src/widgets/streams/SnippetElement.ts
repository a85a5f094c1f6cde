import { translatorFor } from '../../i18n/t';

type Runtime = typeof import('./snippetRuntime');
type SnippetRun = import('./snippetRuntime').SnippetRun;

/** At most this many output lines are kept (a runaway loop cannot flood the page). */
const MAX_LINES = 400;

/**
 * A runnable example on the Streams API page: an editable textarea with the snippet's source,
 * Run / Stop / Restore buttons, and an output log. Run executes the code in the page against the
 * real `@decaylab/core` (loaded on the first Run) and prints what it logs.
 */
export class SnippetElement extends HTMLElement {
  private static runtime: Promise<Runtime> | null = null;
  private running: SnippetRun | null = null;
  private original = '';
  private lines = 0;
  private readonly onClick = (e: Event) => {
    const action = (e.target as Element).closest<HTMLButtonElement>('button[data-action]')?.dataset
      .action;
    if (action === 'run') void this.run();
    else if (action === 'stop') this.running?.stop();
    else if (action === 'restore') {
      const code = this.code;
      if (code) code.value = this.original;
      this.clear();
    }
  };

  private get code(): HTMLTextAreaElement | null {
    return this.querySelector('textarea');
  }

  private get output(): HTMLElement | null {
    return this.querySelector('[data-output]');
  }

  connectedCallback(): void {
    this.original = this.code?.value ?? '';
    this.addEventListener('click', this.onClick);
    this.code?.addEventListener('keydown', this.onKey);
    this.dataset.state = 'idle';
  }

  disconnectedCallback(): void {
    this.running?.stop();
    this.removeEventListener('click', this.onClick);
    this.code?.removeEventListener('keydown', this.onKey);
  }

  /** Ctrl/Cmd+Enter runs; Tab indents instead of leaving (Escape first, then Tab, leaves). */
  private readonly onKey = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void this.run();
    }
  };

  private clear(): void {
    this.output?.replaceChildren();
    this.lines = 0;
  }

  private print(text: string, level: 'log' | 'error'): void {
    const out = this.output;
    if (!out || this.lines > MAX_LINES) return;
    this.lines++;
    const line = document.createElement('span');
    line.className = level === 'error' ? 'dl-out-error' : 'dl-out-log';
    line.textContent =
      this.lines > MAX_LINES
        ? `${translatorFor(document.documentElement)('snippet.truncated', { lines: MAX_LINES })}\n`
        : `${text}\n`;
    out.append(line);
  }

  private setState(state: 'idle' | 'running' | 'done' | 'error'): void {
    this.dataset.state = state;
    const run = this.querySelector<HTMLButtonElement>('[data-action="run"]');
    const stop = this.querySelector<HTMLButtonElement>('[data-action="stop"]');
    if (run) run.disabled = state === 'running';
    if (stop) stop.disabled = state !== 'running';
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.clear();
    this.setState('running');
    try {
      SnippetElement.runtime ??= import('./snippetRuntime');
      const rt = await SnippetElement.runtime;
      this.running = rt.runSnippet(this.code?.value ?? '', {
        print: (text, level) => this.print(text, level),
        t: translatorFor(this),
      });
      await this.running.done;
      this.setState('done');
    } catch (error) {
      this.print(
        error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        'error',
      );
      this.setState('error');
    } finally {
      this.running = null;
    }
  }
}

customElements.define('dl-snippet', SnippetElement);
