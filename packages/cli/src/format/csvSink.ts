import type { RunEvent } from '@decaylab/core';
import type { Output } from '../io/output.js';
import { type Column, columns } from './columns.js';
import type { Sink } from './sink.js';

/**
 * One CSV row per step event, with a header from the run's parameters; numbers in full precision.
 *
 * @example
 * csvSink(output(process.stdout), { fields: null })
 */
export function csvSink(out: Output, { fields = null }: { fields?: string[][] | null } = {}): Sink {
  let cols: Column[] | null = null;
  return {
    event(e: RunEvent) {
      if (e.type === 'run') {
        cols = columns(e, fields);
        out.write(`${cols.map((c) => c.name).join(',')}\n`);
      } else if (e.type === 'step' && cols) {
        let line = '';
        for (let i = 0; i < cols.length; i++) {
          const v = (cols[i] as Column).get(e);
          line += (i ? ',' : '') + (v === undefined ? '' : String(v));
        }
        out.write(`${line}\n`);
      }
    },
    finish() {
      out.flush();
    },
  };
}
