import { DecayWidget } from '../_shared/DecayWidget';
import { formatValue } from '../_shared/format';
import { legend } from '../update/legend';
import { bestPoint, lambdaGrid, type SweepPoint } from './sweep';
import type { SweepAnswer, SweepRequest } from './sweep.worker';

const SMALL = 20;
const STEPS = 2000;
const BAND: [number, number] = [1e-4, 1e-2];

/**
 * Chapter 7: a λ sweep from 1e-5 to 1, one full training run per point, computed in a Web
 * Worker so the page never stalls. Draws validation (and training) loss against λ for 20
 * training examples and for a larger set chosen with the slider, and marks the usual band.
 *
 * Play/Pause, Step and Reset act on the sweep: the worker gets the next (n, λ) only when the
 * previous one is back and the widget is playing; Step asks for exactly one more point.
 */
export class SweepWidget extends DecayWidget {
  private worker: Worker | null = null;
  private queue: { n: number; lambda: number }[] = [];
  private points: SweepPoint[] = [];
  private inFlight = false;
  private request = 0;
  private playing = true;
  private total = 0;
  private readonly onControl = (event: Event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    const action = button?.dataset.action;
    if (!action || !['play', 'step', 'reset'].includes(action) || !this.engine) return;
    event.stopImmediatePropagation();
    if (action === 'reset') {
      this.start();
      this.playing = false;
    } else if (action === 'step') {
      if (!this.queue.length && !this.inFlight) this.start();
      this.playing = false;
      if (!this.inFlight) this.ask();
    } else if (!this.queue.length && !this.inFlight) {
      this.start();
    } else {
      this.playing = !this.playing;
      this.pump();
    }
    this.sync();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('click', this.onControl, { capture: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('click', this.onControl, { capture: true });
    this.worker?.terminate();
    this.worker = null;
  }

  protected start(): void {
    this.request++;
    this.points = [];
    this.inFlight = false;
    this.playing = true;
    const sizes = [...new Set([SMALL, this.value('n')])];
    this.queue = sizes.flatMap((n) =>
      lambdaGrid({ from: 1e-5, to: 1, count: 16 }).map((lambda) => ({ n, lambda })),
    );
    this.total = this.queue.length;
    this.pump();
    this.sync();
    this.invalidate();
  }

  protected onEvent(): void {}

  private pump(): void {
    if (this.playing && !this.inFlight && this.queue.length) this.ask();
    this.sync();
  }

  private ask(): void {
    const next = this.queue.shift();
    if (!next) return;
    if (!this.worker) {
      this.worker = new Worker(new URL('./sweep.worker.ts', import.meta.url), {
        type: 'module',
        name: 'decaylab-sweep',
      });
      this.worker.onmessage = (e: MessageEvent<SweepAnswer>) => this.answer(e.data);
      this.worker.onerror = (e) => this.showStatus(`The sweep worker failed: ${e.message}`);
    }
    this.inFlight = true;
    const message: SweepRequest = { id: this.request, ...next, seed: this.seed, steps: STEPS };
    this.worker.postMessage(message);
  }

  private answer(data: SweepAnswer): void {
    if (data.id !== this.request) return;
    this.inFlight = false;
    if ('error' in data) this.showStatus(`Could not run: ${data.error}`);
    else this.points.push(data.point);
    this.invalidate();
    this.pump();
  }

  private sync(): void {
    const done = !this.queue.length && !this.inFlight;
    const state = done ? 'done' : this.playing ? 'playing' : 'paused';
    this.dataset.state = state;
    const play = this.querySelector<HTMLButtonElement>('[data-action="play"]');
    if (play) {
      play.textContent = state === 'playing' ? 'Pause' : state === 'paused' ? 'Play' : 'Replay';
      play.setAttribute('aria-pressed', String(state === 'playing'));
    }
  }

  private showStatus(text: string): void {
    const el = this.querySelector<HTMLElement>('[data-status]');
    if (el) el.textContent = text;
  }

  protected draw(): void {
    const { Plot, theme: t } = this;
    const big = this.value('n');
    const series = (n: number) => (n === SMALL ? `${SMALL} examples` : `${n} examples`);
    const rows = this.points.map((p) => ({ ...p, series: series(p.n) }));
    const values = rows.flatMap((p) => [p.val, p.train]).filter((v) => v > 0 && Number.isFinite(v));
    const lo = values.length ? Math.min(...values) * 0.8 : 0.05;
    const hi = values.length ? Math.max(...values) * 1.25 : 20;
    const colors = [t.c1, t.c2];
    const names = [...new Set([SMALL, big])].map(series);
    const best = [...new Set([SMALL, big])]
      .map((n) => bestPoint(this.points, n))
      .filter((p): p is SweepPoint => !!p);
    this.render(
      'sweep',
      Plot.plot({
        ...this.frame('sweep'),
        marginLeft: 44,
        marginBottom: 36,
        x: {
          type: 'log',
          domain: [1e-5, 1],
          label: 'λ (weight_decay)',
          tickFormat: (d: number) => formatValue(d, 'exp'),
        },
        y: {
          type: 'log',
          domain: [lo, hi],
          label: 'final loss',
          grid: true,
          ticks: 6,
          tickFormat: '~g',
        },
        color: { domain: names, range: colors },
        marks: [
          Plot.areaY(
            BAND.map((x) => ({ x })),
            { x: 'x', y1: lo, y2: hi, fill: t.c3, fillOpacity: 0.13 },
          ),
          Plot.text(
            [`usual range ${formatValue(BAND[0], 'exp')} … ${formatValue(BAND[1], 'exp')}`],
            {
              x: Math.sqrt(BAND[0] * BAND[1]),
              frameAnchor: 'top',
              dy: 4,
              fill: t.c3,
              fontWeight: 600,
            },
          ),
          Plot.line(rows, {
            x: 'lambda',
            y: 'train',
            z: 'series',
            stroke: 'series',
            strokeDasharray: '3 3',
            strokeOpacity: 0.8,
          }),
          Plot.line(rows, { x: 'lambda', y: 'val', z: 'series', stroke: 'series', strokeWidth: 2 }),
          Plot.dot(rows, { x: 'lambda', y: 'val', fill: 'series', r: 2.5 }),
          Plot.dot(best, { x: 'lambda', y: 'val', stroke: t.fg, r: 6, strokeWidth: 1.5 }),
          ...legend(
            Plot,
            [
              ...names.map((label, i) => ({
                label: `${label}: validation`,
                color: colors[i] as string,
              })),
              { label: 'dashed: training loss', color: t.muted },
            ],
            { anchor: 'bottom-right' },
          ),
        ],
      }),
    );
    const describe = (n: number) => {
      const b = bestPoint(this.points, n);
      const first = this.points.find((p) => p.n === n);
      if (!b || !first) return '…';
      if (b === first)
        return `the smallest λ tried (${formatValue(b.lambda, 'exp')}): ${formatValue(b.val, 'fixed3')}`;
      return `λ = ${formatValue(b.lambda, 'exp')}: ${formatValue(b.val, 'fixed3')} (λ = ${formatValue(first.lambda, 'exp')}: ${formatValue(first.val, 'fixed3')})`;
    };
    this.readout('small', describe(SMALL));
    this.readout('big', big === SMALL ? 'same as above' : describe(big));
    this.readout('progress', `${this.points.length} of ${this.total} runs`);
  }
}

customElements.define('dl-sweep', SweepWidget);
