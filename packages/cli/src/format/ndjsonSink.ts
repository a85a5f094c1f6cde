import { encodeEvent, type RunEvent } from '@decaylab/core';
import type { Output } from '../io/output.js';
import { pickFields } from './fields.js';
import type { Sink } from './sink.js';

/**
 * Writes each event as `encodeEvent(e) + "\n"`: a recording, byte-identical for the same spec.
 *
 * @example
 * const sink = ndjsonSink(output(process.stdout));
 */
export function ndjsonSink(
  out: Output,
  { fields = null }: { fields?: string[][] | null } = {},
): Sink {
  return {
    event(e: RunEvent) {
      out.write(`${encodeEvent(fields ? pickFields(e, fields) : e)}\n`);
    },
    finish() {
      out.flush();
    },
  };
}
