import { type Translate, translatorFor } from '../../i18n/t';

type Runtime = typeof import('./viewerRuntime');
type Recording = import('./readRecording').Recording;

const MAX_SHOWN_ERRORS = 50;

/**
 * The run viewer: open or drop an NDJSON recording (from `decaylab run --out` or your own
 * `encodeEvent` code) and see its summary and charts, all in the browser. Bad lines are listed
 * as `line N: reason` and skipped. Nothing heavy loads until the first file (or the example).
 */
export class RunViewerElement extends HTMLElement {
  private runtime: Promise<Runtime> | null = null;
  private recording: Recording | null = null;
  /** Counts opened files, so a slow read finishing late does not replace a newer one. */
  private reading = 0;
  private frame = 0;
  private cleanups: (() => void)[] = [];
  /** The page language's messages (read at connect). */
  private t: Translate = translatorFor(document.documentElement);

  connectedCallback(): void {
    this.t = translatorFor(document.documentElement);
    const input = this.querySelector<HTMLInputElement>('input[type="file"]');
    const drop = this.querySelector<HTMLElement>('[data-drop]');
    const onFile = () => {
      const file = input?.files?.[0];
      if (!file) return;
      this.setUrl({ 'viewer.example': null, 'viewer.src': null });
      void this.open(file, file.name);
    };
    const onClick = (e: Event) => {
      const action = (e.target as Element).closest<HTMLElement>('[data-action]')?.dataset.action;
      if (action === 'example') void this.openExample();
    };
    const onDragOver = (e: DragEvent) => {
      e.preventDefault();
      drop?.classList.add('dl-dragging');
    };
    const onDragLeave = () => drop?.classList.remove('dl-dragging');
    const onDrop = (e: DragEvent) => {
      e.preventDefault();
      drop?.classList.remove('dl-dragging');
      const file = e.dataTransfer?.files?.[0];
      if (!file) return;
      this.setUrl({ 'viewer.example': null, 'viewer.src': null });
      void this.open(file, file.name);
    };
    input?.addEventListener('change', onFile);
    this.addEventListener('click', onClick);
    drop?.addEventListener('dragover', onDragOver);
    drop?.addEventListener('dragleave', onDragLeave);
    drop?.addEventListener('drop', onDrop);
    const resize = new ResizeObserver(() => this.invalidate());
    for (const chart of this.querySelectorAll('[data-chart]')) resize.observe(chart);
    const theme = new MutationObserver(() => this.invalidate());
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    this.cleanups.push(() => {
      input?.removeEventListener('change', onFile);
      this.removeEventListener('click', onClick);
      drop?.removeEventListener('dragover', onDragOver);
      drop?.removeEventListener('dragleave', onDragLeave);
      drop?.removeEventListener('drop', onDrop);
      resize.disconnect();
      theme.disconnect();
    });
    this.dataset.ready = '';
    // Shareable views: ?viewer.src=<same-origin URL of a recording> or ?viewer.example=1.
    const params = new URLSearchParams(location.search);
    const src = params.get('viewer.src');
    if (src) void this.openUrl(src);
    else if (params.get('viewer.example') === '1') void this.openExample();
  }

  disconnectedCallback(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private load(): Promise<Runtime> {
    this.runtime ??= import('./viewerRuntime');
    return this.runtime;
  }

  private async open(blob: Blob, name: string): Promise<void> {
    this.status(this.t('viewer.reading', { name }));
    this.dataset.state = 'reading';
    this.reading += 1;
    const reading = this.reading;
    try {
      const rt = await this.load();
      // Parsed in a worker, thinned as it reads: a large file never freezes the page.
      const recording = await rt.readInWorker(blob, {
        source: name,
        onProgress: (f) => {
          if (reading === this.reading)
            this.status(this.t('viewer.readingPercent', { name, percent: Math.floor(f * 100) }));
        },
      });
      if (reading !== this.reading) return; // another file was opened meanwhile
      this.recording = recording;
      this.show();
    } catch (error) {
      this.recording = null;
      this.status(
        this.t('viewer.couldNotRead', {
          name,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
      this.dataset.state = 'error';
    }
  }

  private async openExample(): Promise<void> {
    const rt = await this.load();
    const text = rt.exampleRecording();
    await this.open(new Blob([text], { type: 'application/x-ndjson' }), 'example.ndjson');
    this.setUrl({ 'viewer.example': '1' });
  }

  /** Opens a recording served by this site (`?viewer.src=/runs/run.ndjson`); other origins are refused. */
  private async openUrl(src: string): Promise<void> {
    const url = new URL(src, location.href);
    const name = url.pathname.split('/').pop() || src;
    if (url.origin !== location.origin) {
      this.status(this.t('viewer.otherOrigin', { src }));
      return;
    }
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await this.open(await response.blob(), name);
    } catch (error) {
      this.status(
        this.t('viewer.couldNotLoad', {
          src,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  }

  /** Keeps the view in the URL (replaceState, no new history entry); a null value removes a key. */
  private setUrl(values: Record<string, string | null>): void {
    const url = new URL(location.href);
    for (const [k, v] of Object.entries(values)) {
      if (v === null) url.searchParams.delete(k);
      else url.searchParams.set(k, v);
    }
    history.replaceState(history.state, '', url);
  }

  private show(): void {
    const rec = this.recording;
    if (!rec) return;
    const t = this.t;
    const s = rec.summary;
    const steps = rec.stepCount;
    const bad = rec.errorCount;
    if (!rec.run)
      this.status(
        t('viewer.notRecording', {
          source: rec.source,
          why: rec.notRecording ?? t('viewer.noHeader'),
        }),
      );
    else
      this.status(
        bad
          ? t(bad === 1 ? 'viewer.loadedSkippedOne' : 'viewer.loadedSkipped', {
              source: rec.source,
              steps,
              bad,
            })
          : t('viewer.loaded', { source: rec.source, steps }),
      );
    const fmt = (v: number | undefined) =>
      v === undefined || !Number.isFinite(v) ? '—' : Number(v.toPrecision(4)).toString();
    const spec = rec.run?.spec;
    const rows: [string, string][] = spec
      ? [
          [t('viewer.run'), spec.name ?? t('viewer.unnamed')],
          [
            t('viewer.model'),
            spec.model.kind === 'polynomial'
              ? t('viewer.polynomial', { degree: spec.model.degree })
              : spec.model.kind,
          ],
          [
            t('viewer.optimizer'),
            `${spec.optimizer.kind}, lr ${spec.optimizer.lr}, weightDecay ${spec.optimizer.weightDecay}`,
          ],
          [
            t('viewer.penalty'),
            spec.penalty ? `${spec.penalty.kind}, λ ${spec.penalty.lambda}` : t('viewer.noPenalty'),
          ],
          [
            t('viewer.end'),
            rec.end
              ? t('viewer.endAfter', { reason: rec.end.reason, steps: rec.end.steps })
              : t('viewer.noEnd'),
          ],
          [t('viewer.finalLoss'), fmt(s?.final?.loss.total)],
          [t('viewer.finalVal'), fmt(s?.final?.val)],
          [
            t('viewer.best'),
            s?.best
              ? t('viewer.bestAt', {
                  metric: s.best.metric,
                  value: fmt(s.best.value),
                  step: s.best.step,
                })
              : '—',
          ],
          [
            t('viewer.shrink'),
            Object.entries(s?.shrink ?? {})
              .map(([k, v]) => `${k} ${fmt(v)}`)
              .join(', ') || '—',
          ],
        ]
      : [];
    const summary = this.querySelector<HTMLElement>('[data-summary]');
    if (summary) {
      summary.replaceChildren(
        ...rows.map(([k, v]) => {
          const div = document.createElement('div');
          const dt = document.createElement('dt');
          const dd = document.createElement('dd');
          dt.textContent = k;
          dd.textContent = v;
          div.append(dt, dd);
          return div;
        }),
      );
      summary.hidden = rows.length === 0;
    }
    const errors = this.querySelector<HTMLDetailsElement>('[data-errors]');
    if (errors) {
      errors.hidden = rec.errorCount === 0;
      errors.open = rec.errorCount > 0 && rec.errorCount <= 10;
      const title = errors.querySelector('summary');
      if (title)
        title.textContent = this.t(rec.errorCount === 1 ? 'viewer.badLine' : 'viewer.badLines', {
          count: rec.errorCount,
        });
      const list = errors.querySelector('ul');
      if (list) {
        const items = rec.errors.slice(0, MAX_SHOWN_ERRORS).map((e) => {
          const li = document.createElement('li');
          li.textContent =
            e.line > 0 ? this.t('viewer.lineReason', { line: e.line, reason: e.reason }) : e.reason;
          return li;
        });
        if (rec.errorCount > MAX_SHOWN_ERRORS) {
          const li = document.createElement('li');
          li.textContent = this.t('viewer.more', { count: rec.errorCount - MAX_SHOWN_ERRORS });
          items.push(li);
        }
        list.replaceChildren(...items);
      }
    }
    const specBox = this.querySelector<HTMLDetailsElement>('[data-spec]');
    if (specBox) {
      specBox.hidden = !spec;
      const pre = specBox.querySelector('pre');
      if (pre) pre.textContent = spec ? JSON.stringify(spec, null, 2) : '';
    }
    // A file that is not a recording has no charts to draw: no empty axes either.
    const charts = this.querySelector<HTMLElement>('.dl-charts');
    if (charts) charts.hidden = !rec.run;
    this.dataset.state = rec.run ? 'loaded' : 'not-a-recording';
    if (rec.run) this.invalidate();
  }

  private invalidate(): void {
    if (this.frame || !this.recording?.run) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      void this.draw();
    });
  }

  private async draw(): Promise<void> {
    const rec = this.recording;
    if (!rec) return;
    const rt = await this.load();
    const slots = [...this.querySelectorAll<HTMLElement>('[data-chart]')];
    const width = Math.max(280, Math.floor(slots[0]?.clientWidth ?? 640));
    const height = Math.round(width / Number(slots[0]?.dataset.aspect ?? 2));
    const charts = rt.recordingCharts(rec, {
      width,
      height,
      labels: {
        step: this.t('chart.step'),
        loss: this.t('chart.loss'),
        train: this.t('chart.train'),
        val: this.t('chart.val'),
      },
    });
    for (const slot of slots) {
      const chart = slot.dataset.chart === 'loss' ? charts.loss : charts.norms;
      const svg = chart.localName === 'svg' ? chart : chart.querySelector('svg');
      svg?.setAttribute('role', 'img');
      svg?.setAttribute('aria-label', slot.dataset.label ?? '');
      slot.replaceChildren(chart);
    }
    this.dataset.draws = String(Number(this.dataset.draws ?? 0) + 1);
  }

  private status(text: string): void {
    const el = this.querySelector<HTMLElement>('[data-status]');
    if (el) el.textContent = text;
  }
}

customElements.define('dl-run-viewer', RunViewerElement);
