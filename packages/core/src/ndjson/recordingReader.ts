import type { RunEvent } from '../events.js';
import { parseEvent } from './parseEvent.js';
import { ReplayError } from './replayError.js';

/** A recording's last line, cut off mid-write (it has no newline and is not valid JSON). */
export class TruncatedError extends ReplayError {
  constructor(reason: string, line: number, source?: string) {
    super(`truncated last line (the recording was cut off mid-write): ${reason}`, line, source);
    this.name = 'TruncatedError';
  }
}

/** Options for `recordingReader` (and so for `fromNdjson`). */
export interface RecordingReaderOptions {
  /** A file name for messages (`file:line: …`). */
  readonly source?: string;
  /** Skip malformed lines instead of failing; each skipped error is passed to `onSkip`. */
  readonly skipInvalid?: boolean;
  readonly onSkip?: (error: ReplayError) => void;
}

/**
 * The rules every reader of a recording shares, as a stateful function of one line: blank
 * lines are ignored, each line goes through `parseEvent`, the first event must be `run`,
 * steps must increase and nothing may follow `end`. It returns the event, or null for a blank
 * or skipped line, and throws a `ReplayError` naming the line. Pass `{ last: true }` for a final
 * line without a newline: if it is not valid JSON, the error is a `TruncatedError`.
 *
 * @example
 * const read = recordingReader({ source: 'run.ndjson' });
 * for (const line of text.split('\n')) { const e = read(line); if (e) draw(e); }
 */
export function recordingReader({
  source,
  skipInvalid = false,
  onSkip,
}: RecordingReaderOptions = {}): (line: string, options?: { last?: boolean }) => RunEvent | null {
  let lineNo = 0;
  let seenRun = false;
  let lastStep = 0;
  let ended = false;
  const fail = (reason: string): never => {
    throw new ReplayError(reason, lineNo, source);
  };
  return (line, { last = false } = {}) => {
    lineNo += 1;
    if (line.trim() === '') return null;
    try {
      let event: RunEvent;
      try {
        event = parseEvent(line, lineNo, source);
      } catch (error) {
        if (last && error instanceof ReplayError && error.reason.startsWith('not valid JSON')) {
          throw new TruncatedError(error.reason, lineNo, source);
        }
        throw error;
      }
      if (ended) fail('an event after the end event');
      if (event.type !== 'run' && !seenRun) {
        fail(`expected a "run" header first, got a "${event.type}" event`);
      }
      if (event.type === 'run') {
        if (seenRun) fail('a second "run" header');
        seenRun = true;
      } else if (event.type === 'step') {
        if (event.step <= lastStep)
          fail(`step ${event.step} out of order (after step ${lastStep})`);
        lastStep = event.step;
      } else ended = true;
      return event;
    } catch (error) {
      if (skipInvalid && error instanceof ReplayError) {
        onSkip?.(error);
        return null;
      }
      throw error;
    }
  };
}
