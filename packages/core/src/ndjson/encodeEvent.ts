import type { RunEvent } from '../events.js';

/**
 * One RunEvent as one NDJSON line (without the newline). Numbers use JavaScript's shortest
 * round-trip form, so `parseEvent(encodeEvent(e))` gives back exactly the same floats.
 *
 * @example
 * train(spec).subscribe((e) => process.stdout.write(`${encodeEvent(e)}\n`));
 */
export function encodeEvent(event: RunEvent): string {
  return JSON.stringify(event);
}
