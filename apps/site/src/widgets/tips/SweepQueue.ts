import type { Translate } from '../../i18n/t';
import type { FinalLosses } from './sweep';
import type { SweepAnswer, SweepRequest } from './sweep.worker';
import sweepWorkerUrl from './sweep.worker?module-worker';

/** One run to do: a key for the cache and the RunSpec. */
export interface SweepJob {
  readonly key: string;
  readonly spec: { readonly steps: number };
}

/** Options for `SweepQueue`. */
export interface SweepQueueOptions {
  /** Called for every finished run (also for cached ones, right away). */
  readonly onResult: (key: string, losses: FinalLosses) => void;
  /** Called when the state changes (playing / paused / done) or a run errors. */
  readonly onChange: (error?: string) => void;
  /** The page's messages: a run's error reaches `onChange` in the reader's language. */
  readonly t: Translate;
}

/**
 * Runs a list of RunSpecs to the end in one Web Worker (sweep.worker.ts), one at a time, with
 * a cache by key: asking again for a run already done (another seed and back, a revisited n)
 * costs nothing. Play, pause and step are exact because the worker gets the next job only when
 * the previous answer is back.
 *
 * @example
 * const q = new SweepQueue({ onResult: (k, l) => points.set(k, l), onChange: () => redraw(), t });
 * q.set(jobs);
 */
export class SweepQueue {
  private worker: Worker | null = null;
  private queue: SweepJob[] = [];
  private readonly cache = new Map<string, FinalLosses>();
  private inFlight: string | null = null;
  private request = 0;
  private playing = true;
  private readonly onResult: SweepQueueOptions['onResult'];
  private readonly onChange: SweepQueueOptions['onChange'];
  private readonly t: Translate;

  constructor({ onResult, onChange, t }: SweepQueueOptions) {
    this.onResult = onResult;
    this.onChange = onChange;
    this.t = t;
  }

  /** 'playing', 'paused' or 'done' (nothing left to run). */
  get state(): 'playing' | 'paused' | 'done' {
    if (!this.queue.length && !this.inFlight) return 'done';
    return this.playing ? 'playing' : 'paused';
  }

  /** Jobs left, including the one running. */
  get remaining(): number {
    return this.queue.length + (this.inFlight ? 1 : 0);
  }

  /** Replaces the work list (cached jobs report at once) and starts playing. */
  set(jobs: readonly SweepJob[]): void {
    this.request++;
    this.inFlight = null;
    this.queue = [];
    for (const job of jobs) {
      const hit = this.cache.get(job.key);
      if (hit) this.onResult(job.key, hit);
      else this.queue.push(job);
    }
    this.playing = true;
    this.pump();
  }

  play(): void {
    this.playing = true;
    this.pump();
  }

  pause(): void {
    this.playing = false;
    this.onChange();
  }

  /** Pauses and runs exactly one more job. */
  step(): void {
    this.playing = false;
    if (!this.inFlight) this.ask();
    this.onChange();
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.queue = [];
    this.inFlight = null;
  }

  private pump(): void {
    if (this.playing && !this.inFlight && this.queue.length) this.ask();
    this.onChange();
  }

  private ask(): void {
    const job = this.queue.shift();
    if (!job) return;
    if (!this.worker) {
      this.worker = new Worker(sweepWorkerUrl, { type: 'module', name: 'decaylab-sweep' });
      this.worker.onmessage = (e: MessageEvent<SweepAnswer>) => this.answer(e.data);
      this.worker.onerror = (e) =>
        this.onChange(this.t('sweep.workerFailed', { error: e.message }));
    }
    this.inFlight = job.key;
    const message: SweepRequest = { id: this.request, spec: job.spec };
    this.worker.postMessage(message);
  }

  private answer(data: SweepAnswer): void {
    if (data.id !== this.request || !this.inFlight) return;
    const key = this.inFlight;
    this.inFlight = null;
    if ('error' in data) this.onChange(this.t('sweep.runFailed', { error: data.error }));
    else {
      this.cache.set(key, data.losses);
      this.onResult(key, data.losses);
    }
    this.pump();
  }
}
