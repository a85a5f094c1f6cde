import { closeSync, openSync, writeSync } from 'node:fs';
import { encodeEvent, train } from '@decaylab/core';
import { type RunReport, runStats } from '../summary/runStats.js';

/** One run of a sweep, as sent to a worker. */
export interface Job {
  readonly id: number;
  readonly spec: unknown;
  readonly every: number;
  /** Where to record its NDJSON, if anywhere. */
  readonly outFile: string | null;
}

/** What a worker sends back. */
export type JobResult =
  | { readonly id: number; readonly report: RunReport; readonly ms: number }
  | { readonly id: number; readonly error: string };

/**
 * Runs one job synchronously at full speed, recording NDJSON in 1 MiB writes when asked.
 *
 * @example
 * runJob({ id: 0, spec, every: 1, outFile: null }).report.summary.final
 */
export function runJob(job: Job): JobResult {
  const t0 = performance.now();
  const stats = runStats();
  const fd = job.outFile ? openSync(job.outFile, 'w') : null;
  let buf: string[] = [];
  let size = 0;
  const flush = () => {
    if (fd !== null && size > 0) writeSync(fd, buf.join(''));
    buf = [];
    size = 0;
  };
  let failure: unknown = null;
  try {
    train(job.spec, { every: job.every }).subscribe({
      next(e) {
        stats.add(e);
        if (fd !== null) {
          const line = `${encodeEvent(e)}\n`;
          buf.push(line);
          size += line.length;
          if (size >= 1 << 20) flush();
        }
      },
      error(e) {
        failure = e;
      },
    });
    flush();
  } finally {
    if (fd !== null) closeSync(fd);
  }
  if (failure)
    return { id: job.id, error: failure instanceof Error ? failure.message : String(failure) };
  return { id: job.id, report: stats.finish(), ms: performance.now() - t0 };
}
