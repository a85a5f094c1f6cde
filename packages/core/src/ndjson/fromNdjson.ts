import { isObservable, Observable } from 'rxjs';
import type { RunEvent } from '../events.js';
import { type RecordingReaderOptions, recordingReader } from './recordingReader.js';

/** Options for `fromNdjson`. */
export type FromNdjsonOptions = RecordingReaderOptions;

/**
 * Reads a recording: lines (from an AsyncIterable such as `readline`, or an Observable) in,
 * validated RunEvents out, by the rules of `recordingReader`: blank lines are ignored, the first
 * event must be `run`, steps must match its shapes and increase, and nothing may follow `end`;
 * violations error with a `ReplayError` naming the line, and input without a `run` header (empty,
 * blank, binary) with a `NotARecordingError`.
 *
 * @example
 * const lines = readline.createInterface({ input: fs.createReadStream('run.ndjson') });
 * fromNdjson(lines, { source: 'run.ndjson' }).pipe(summarize()).subscribe(console.log);
 */
export function fromNdjson(
  lines: AsyncIterable<string> | Observable<string>,
  options: FromNdjsonOptions = {},
): Observable<RunEvent> {
  return new Observable<RunEvent>((subscriber) => {
    const read = recordingReader(options);
    const handle = (line: string): void => {
      const event = read(line);
      if (event) subscriber.next(event);
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
        complete: () => {
          try {
            read.finish();
          } catch (error) {
            subscriber.error(error);
            return;
          }
          subscriber.complete();
        },
      });
    }
    (async () => {
      for await (const line of lines) {
        if (subscriber.closed) return;
        handle(line);
      }
      read.finish();
      subscriber.complete();
    })().catch((error) => subscriber.error(error));
    return;
  });
}
