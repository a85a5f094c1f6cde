import type { RunEvent } from '../events.js';

/** Characters JSON leaves raw that a terminal may act on: DEL, C1 controls, bidi overrides. */
const RAW_CONTROLS = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const toEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * One RunEvent as one NDJSON line (without the newline). Numbers use JavaScript's shortest
 * round-trip form, so `parseEvent(encodeEvent(e))` gives back exactly the same floats. Strings
 * (only the `run` header has free text: the spec's name) have every control character escaped,
 * so printing a recording cannot drive a terminal.
 *
 * @example
 * train(spec).subscribe((e) => process.stdout.write(`${encodeEvent(e)}\n`));
 */
export function encodeEvent(event: RunEvent): string {
  const text = JSON.stringify(event);
  return event.type === 'run' ? text.replace(RAW_CONTROLS, toEscape) : text;
}
