import { Worker } from 'node:worker_threads';
import type { Job, JobResult } from './job.js';

/**
 * Runs jobs on `workers` worker threads (one per core by default), each taking the next job when
 * it finishes one; resolves with the results in job order.
 *
 * @example
 * const results = await runPool(jobs, { workers: os.availableParallelism() });
 */
export async function runPool(
  jobs: readonly Job[],
  { workers, onResult }: { workers: number; onResult?: (r: JobResult, done: number) => void },
): Promise<JobResult[]> {
  const results: JobResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;
  const url = new URL('./worker.js', import.meta.url);
  const size = Math.max(1, Math.min(workers, jobs.length));
  await Promise.all(
    Array.from({ length: size }, async () => {
      const worker = new Worker(url);
      try {
        while (next < jobs.length) {
          const k = next++;
          const job = jobs[k] as Job;
          const result = await new Promise<JobResult>((resolve, reject) => {
            const onMessage = (r: JobResult) => {
              worker.off('error', reject);
              resolve(r);
            };
            worker.once('message', onMessage);
            worker.once('error', reject);
            worker.postMessage(job);
          });
          results[k] = result;
          done += 1;
          onResult?.(result, done);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return results;
}
