/**
 * Thrown when a recording (an NDJSON file of RunEvents) cannot be read. `line` is 1-based;
 * the message reads `file:line: what is wrong` when the source is known.
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
    super(`${source ?? 'line'}${source ? ':' : ' '}${line}: ${reason}`);
    this.name = 'ReplayError';
    this.line = line;
    this.source = source;
    this.reason = reason;
  }
}
