import { openSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { encodeEvent, type RunEvent, train } from '@decaylab/core';
import { takeWhile } from 'rxjs';
import { cannotWrite, closeQuietly, tempPath, writeFully } from '../io/openOutput.js';
import { type RunReport, runStats } from '../summary/runStats.js';

/** One run of a sweep, as sent to a worker. */
export interface Job {
  readonly id: number;
  readonly spec: unknown;
  readonly every: number;
  /** Where to record its NDJSON, if anywhere. */
  readonly outFile: string | null;
}

/** What a worker sends back; `fatal` errors (an output that cannot be written) stop the sweep. */
export type JobResult =
  | { readonly id: number; readonly report: RunReport; readonly ms: number }
  | { readonly id: number; readonly error: string; readonly fatal: boolean }
  /** The sweep was stopped before this job started: no run, no recording. */
  | { readonly id: number; readonly skipped: true };

/**
 * Runs one job synchronously at full speed, recording NDJSON in 1 MiB writes to a temporary file
 * renamed into place at the end (as `openOutput` does). When `stopped()` turns true it ends the
 * run and its recording with a `cancelled` end event.
 *
 * @example
 * runJob({ id: 0, spec, every: 1, outFile: null }).report.summary.final
 */
export function runJob(
  job: Job,
  { stopped = () => false }: { stopped?: () => boolean } = {},
): JobResult {
  if (stopped()) return { id: job.id, skipped: true };
  const t0 = performance.now();
  const stats = runStats();
  const temp = job.outFile ? tempPath(job.outFile) : null;
  let fd: number | null = null;
  if (temp !== null) {
    try {
      // A directory in the recording's place would only fail at the final rename: fail now.
      if (statSync(job.outFile as string, { throwIfNoEntry: false })?.isDirectory())
        throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      fd = openSync(temp, 'wx');
    } catch (error) {
      return { id: job.id, error: cannotWrite(job.outFile as string, error).message, fatal: true };
    }
  }
  let buf: string[] = [];
  let size = 0;
  const flush = () => {
    if (fd !== null && size > 0) writeFully(fd, buf.join(''));
    buf = [];
    size = 0;
  };
  let failure: unknown = null;
  let writeFailure: unknown = null;
  let lastStep = 0;
  let ended = false;
  const add = (e: RunEvent) => {
    stats.add(e);
    if (e.type === 'step') lastStep = e.step;
    if (e.type === 'end') ended = true;
    if (fd !== null) {
      const line = `${encodeEvent(e)}\n`;
      buf.push(line);
      size += line.length;
      if (size >= 1 << 20) flush();
    }
  };
  try {
    train(job.spec, { every: job.every })
      .pipe(takeWhile((e) => e.type === 'run' || (!stopped() && writeFailure === null)))
      .subscribe({
        next(e) {
          try {
            add(e);
          } catch (error) {
            writeFailure = error;
          }
        },
        error(e) {
          failure = e;
        },
      });
    if (!ended && failure === null && writeFailure === null)
      add({ type: 'end', reason: 'cancelled', steps: lastStep });
    flush();
  } catch (error) {
    writeFailure = error;
  } finally {
    if (fd !== null) closeQuietly(fd);
  }
  if (temp !== null && job.outFile !== null) {
    if (writeFailure === null) {
      try {
        renameSync(temp, job.outFile);
      } catch (error) {
        writeFailure = error;
      }
    }
    if (writeFailure !== null) {
      try {
        unlinkSync(temp);
      } catch {}
      return { id: job.id, error: cannotWrite(job.outFile, writeFailure).message, fatal: true };
    }
  }
  if (failure)
    return {
      id: job.id,
      error: failure instanceof Error ? failure.message : String(failure),
      fatal: false,
    };
  return { id: job.id, report: stats.finish(), ms: performance.now() - t0 };
}
