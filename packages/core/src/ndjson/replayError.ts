/**
 * Thrown when a recording (an NDJSON file of RunEvents) cannot be read. `line` is 1-based (0 when
 * the problem is the file as a whole); the message reads `file:line: what is wrong` when the
 * source is known.
 *
 * @example
 * try { parseEvent('{"type":"step"}', 3) }
 * catch (e) { if (e instanceof ReplayError) console.log(e.line) } // 3
 */
export class ReplayError extends Error {
  readonly line: number;
  readonly source: string | undefined;
  readonly reason: string;

  constructor(reason: string, line: number, source?: string) {
    const where =
      line > 0 ? `${source ?? 'line'}${source ? ':' : ' '}${line}` : (source ?? 'recording');
    super(`${where}: ${reason}`);
    this.name = 'ReplayError';
    this.line = line;
    this.source = source;
    this.reason = reason;
  }
}

/**
 * The input is not a recording at all: empty, blank lines only, binary, or a first line that is
 * not a RunEvent. Every reader (replay, compare, plot, the viewer) reports it the same way.
 *
 * @example
 * throw new NotARecordingError('the file is empty', 0, 'notes.txt');
 * // notes.txt: not a decaylab recording (the file is empty)
 */
export class NotARecordingError extends ReplayError {
  constructor(why: string, line: number, source?: string) {
    super(`not a decaylab recording (${why})`, line, source);
    this.name = 'NotARecordingError';
  }
}
