import { Worker } from 'node:worker_threads';
import type { Job, JobResult } from './job.js';

/** A job that ran (finished, failed or was cancelled midway). */
export type RunResult = Exclude<JobResult, { skipped: true }>;

/** A running pool: `done` resolves with the results of the jobs that ran, in job order. */
export interface Pool {
  readonly done: Promise<RunResult[]>;
  /** Stops the sweep: no new jobs start, running ones end with a `cancelled` end event. */
  stop(): void;
  /** True once stop() was called or a job failed fatally. */
  readonly stopped: boolean;
}

/**
 * Runs jobs (pulled lazily from `jobs`) on `workers` worker threads, each taking the next job
 * when it finishes one. A fatal job result (its output cannot be written) stops the whole pool
 * at once; so does stop() (Ctrl-C, SIGTERM, SIGHUP).
 *
 * @example
 * const pool = runPool(jobs, { workers: 2 });
 * const results = await pool.done;
 */
export function runPool(
  jobs: Iterable<Job>,
  { workers, onResult }: { workers: number; onResult?: (r: RunResult, done: number) => void },
): Pool {
  const flag = new SharedArrayBuffer(4);
  const stop = new Int32Array(flag);
  const results: RunResult[] = [];
  const iterator = jobs[Symbol.iterator]();
  let order = 0;
  let done = 0;
  const url = new URL('./worker.js', import.meta.url);
  const take = (): { job: Job; k: number } | null => {
    if (Atomics.load(stop, 0) !== 0) return null;
    const r = iterator.next();
    return r.done ? null : { job: r.value, k: order++ };
  };
  const lane = async () => {
    const first = take();
    if (!first) return;
    const worker = new Worker(url, { workerData: { stop: flag } });
    try {
      for (let t: ReturnType<typeof take> = first; t; t = take()) {
        const { job, k } = t;
        const result = await new Promise<JobResult>((resolve, reject) => {
          worker.once('message', (r: JobResult) => {
            worker.off('error', reject);
            resolve(r);
          });
          worker.once('error', reject);
          worker.postMessage(job);
        });
        if ('skipped' in result) continue;
        results[k] = result;
        done += 1;
        if ('error' in result && result.fatal) Atomics.store(stop, 0, 1);
        onResult?.(result, done);
      }
    } finally {
      await worker.terminate();
    }
  };
  const size = Math.max(1, workers);
  const all = Promise.all(Array.from({ length: size }, lane)).then(() =>
    results.filter((r) => r !== undefined),
  );
  return {
    done: all,
    stop: () => Atomics.store(stop, 0, 1),
    get stopped() {
      return Atomics.load(stop, 0) !== 0;
    },
  };
}
