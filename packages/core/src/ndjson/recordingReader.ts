import type { RunEvent } from '../events.js';
import { sizeOf } from '../models/paramShapes.js';
import { type ParseEventOptions, parseEvent } from './parseEvent.js';
import { NotARecordingError, ReplayError } from './replayError.js';

/** A recording's last line, cut off mid-write (it has no newline and is not valid JSON). */
export class TruncatedError extends ReplayError {
  constructor(reason: string, line: number, source?: string) {
    super(`truncated last line (the recording was cut off mid-write): ${reason}`, line, source);
    this.name = 'TruncatedError';
  }
}

/** Options for `recordingReader` (and so for `fromNdjson`). */
export interface RecordingReaderOptions extends Pick<ParseEventOptions, 'needs' | 'purpose'> {
  /** A file name for messages (`file:line: …`). */
  readonly source?: string;
  /** Skip malformed lines instead of failing; each skipped error is passed to `onSkip`. */
  readonly skipInvalid?: boolean;
  readonly onSkip?: (error: ReplayError) => void;
}

/** Reads one line (`{ last: true }` for a final line without a newline); `finish()` at the end. */
export interface RecordingReader {
  (line: string, options?: { readonly last?: boolean }): RunEvent | null;
  /** Call after the last line: throws `NotARecordingError` when no `run` header was read. */
  finish(): void;
}

/** Binary data: NUL bytes, or bytes that are not UTF-8 (decoded as U+FFFD). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it matches
const BINARY = /[\u0000\uFFFD]/;

/**
 * The rules every reader of a recording shares, as a stateful function of one line: blank
 * lines are ignored, each line goes through `parseEvent`, the first event must be `run`, each
 * step's parameters must match the header's shapes, steps must increase, nothing may follow
 * `end`, and `end.steps` must agree with the steps (and the spec's step count when completed).
 * It returns the event, or null for a blank or skipped line, and throws a `ReplayError` naming
 * the line. A final line without a newline that is not valid JSON is a `TruncatedError`; input
 * with no readable header (empty, blank, binary, not JSON) is a `NotARecordingError`.
 *
 * @example
 * const read = recordingReader({ source: 'run.ndjson' });
 * for (const line of text.split('\n')) { const e = read(line); if (e) draw(e); }
 * read.finish();
 */
export function recordingReader({
  source,
  skipInvalid = false,
  onSkip,
  needs,
  purpose,
}: RecordingReaderOptions = {}): RecordingReader {
  let lineNo = 0;
  let seenRun = false;
  let lastStep = 0;
  let ended = false;
  let specSteps = 0;
  let sizes: Map<string, number> | undefined;
  let skippedAny = false;
  /** With `needs`, the first step's fields (and its line): every later step must have the same. */
  let fieldSet: { keys: Set<string>; line: number } | null = null;
  let parseOptions: ParseEventOptions = {
    ...(needs ? { needs } : {}),
    ...(purpose ? { purpose } : {}),
  };
  const fail = (reason: string): never => {
    throw new ReplayError(reason, lineNo, source);
  };
  /** A partial (`--fields`) recording has the same fields in every step. */
  const sameFields = (event: RunEvent): void => {
    if (!fieldSet) {
      fieldSet = { keys: new Set(Object.keys(event)), line: lineNo };
      return;
    }
    const first = fieldSet;
    let n = 0;
    for (const k in event) {
      if (!first.keys.has(k))
        fail(
          `${k}: not in the first step (line ${first.line}): every step of a recording has the same fields`,
        );
      n += 1;
    }
    if (n !== first.keys.size) {
      const missing = [...first.keys].find((k) => !Object.hasOwn(event, k));
      fail(`${missing}: missing (the first step, line ${first.line}, has it)`);
    }
  };
  const read = (line: string, { last = false }: { readonly last?: boolean } = {}) => {
    lineNo += 1;
    if (line.trim() === '') return null;
    try {
      let event: RunEvent;
      try {
        event = parseEvent(line, lineNo, source, parseOptions);
      } catch (error) {
        if (!(error instanceof ReplayError)) throw error;
        const notJson = error.reason.startsWith('not valid JSON');
        if (!seenRun && !skipInvalid) {
          if (BINARY.test(line.slice(0, 4096)))
            throw new NotARecordingError(`binary data on line ${lineNo}`, lineNo, source);
          if (notJson || /^(expected an event object|type: )/.test(error.reason))
            throw new NotARecordingError(
              `line ${lineNo} is not a RunEvent: ${error.reason}`,
              lineNo,
              source,
            );
        }
        if (last && notJson) throw new TruncatedError(error.reason, lineNo, source);
        throw error;
      }
      if (ended) fail('an event after the end event');
      if (event.type !== 'run' && !seenRun) {
        fail(`expected a "run" header first, got a "${event.type}" event`);
      }
      if (event.type === 'run') {
        if (seenRun) fail('a second "run" header');
        seenRun = true;
        specSteps = event.spec.steps;
        sizes = new Map(Object.entries(event.shapes).map(([k, dims]) => [k, sizeOf(dims)]));
        parseOptions = { ...parseOptions, sizes };
      } else if (event.type === 'step') {
        if (event.step <= lastStep)
          fail(`step ${event.step} out of order (after step ${lastStep})`);
        if (event.step > specSteps)
          fail(`step ${event.step} is past the spec's ${specSteps} steps (run header)`);
        if (needs) sameFields(event);
        lastStep = event.step;
      } else {
        if (event.steps < lastStep)
          fail(`end: steps ${event.steps}, but step ${lastStep} was recorded`);
        if (event.steps > specSteps)
          fail(`end: steps ${event.steps} is past the spec's ${specSteps} steps (run header)`);
        if (event.reason === 'completed' && event.steps !== specSteps)
          fail(`end: completed after ${event.steps} steps, but the spec has ${specSteps}`);
        if (event.step !== undefined && (event.step <= lastStep || event.step > specSteps))
          fail(
            `end: diverged at step ${event.step}, expected a step after ${lastStep} and ≤ ${specSteps}`,
          );
        ended = true;
      }
      return event;
    } catch (error) {
      if (skipInvalid && error instanceof ReplayError) {
        skippedAny = true;
        onSkip?.(error);
        return null;
      }
      throw error;
    }
  };
  return Object.assign(read, {
    finish(): void {
      if (seenRun) return;
      const why =
        lineNo === 0
          ? 'the input is empty'
          : skippedAny
            ? 'no readable "run" header'
            : 'only blank lines';
      throw new NotARecordingError(why, 0, source);
    },
  });
}
