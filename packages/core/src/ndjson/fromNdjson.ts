import { isObservable, Observable } from 'rxjs';
import type { RunEvent } from '../events.js';
import { parseEvent } from './parseEvent.js';
import { ReplayError } from './replayError.js';

/** Options for `fromNdjson`. */
export interface FromNdjsonOptions {
  /** A file name for messages (`file:line: …`). */
  readonly source?: string;
  /** Skip malformed lines instead of failing; each skipped error is passed to `onSkip`. */
  readonly skipInvalid?: boolean;
  readonly onSkip?: (error: ReplayError) => void;
}

/**
 * Reads a recording: lines (from an AsyncIterable such as `readline`, or an Observable) in,
 * validated RunEvents out. Blank lines are ignored. The first event must be `run`, steps must
 * increase, and nothing may follow `end`; violations error with a `ReplayError` naming the line.
 *
 * @example
 * const lines = readline.createInterface({ input: fs.createReadStream('run.ndjson') });
 * fromNdjson(lines, { source: 'run.ndjson' }).pipe(summarize()).subscribe(console.log);
 */
export function fromNdjson(
  lines: AsyncIterable<string> | Observable<string>,
  { source, skipInvalid = false, onSkip }: FromNdjsonOptions = {},
): Observable<RunEvent> {
  return new Observable<RunEvent>((subscriber) => {
    let lineNo = 0;
    let seenRun = false;
    let lastStep = 0;
    let ended = false;
    const handle = (line: string): void => {
      lineNo += 1;
      if (line.trim() === '' || line === '\uFEFF') return;
      try {
        const event = parseEvent(line, lineNo, source);
        if (ended) throw new ReplayError('an event after the end event', lineNo, source);
        if (event.type !== 'run' && !seenRun) {
          throw new ReplayError(
            `expected a "run" header first, got a "${event.type}" event`,
            lineNo,
            source,
          );
        }
        if (event.type === 'run') {
          if (seenRun) throw new ReplayError('a second "run" header', lineNo, source);
          seenRun = true;
        }
        if (event.type === 'step') {
          if (event.step <= lastStep) {
            throw new ReplayError(
              `step ${event.step} out of order (after step ${lastStep})`,
              lineNo,
              source,
            );
          }
          lastStep = event.step;
        }
        if (event.type === 'end') ended = true;
        subscriber.next(event);
      } catch (error) {
        if (skipInvalid && error instanceof ReplayError) onSkip?.(error);
        else throw error;
      }
    };
    if (isObservable(lines)) {
      return lines.subscribe({
        next: (line) => {
          try {
            handle(line);
          } catch (error) {
            subscriber.error(error);
          }
        },
        error: (e) => subscriber.error(e),
        complete: () => subscriber.complete(),
      });
    }
    (async () => {
      for await (const line of lines) {
        if (subscriber.closed) return;
        handle(line);
      }
      subscriber.complete();
    })().catch((error) => subscriber.error(error));
    return;
  });
}
