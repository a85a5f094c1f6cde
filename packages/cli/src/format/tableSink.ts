import type { RunEvent } from '@decaylab/core';
import type { Output } from '../io/output.js';
import { fmt, pad } from '../text/fmt.js';
import { type Column, columns } from './columns.js';
import type { Sink } from './sink.js';

/**
 * An aligned text table, one row per step event, cut to the terminal width, and the end line.
 *
 * @example
 * tableSink(output(process.stdout), { width: 100 })
 */
export function tableSink(
  out: Output,
  { fields = null, width = 120 }: { fields?: string[][] | null; width?: number } = {},
): Sink {
  let cols: Column[] | null = null;
  const w = 13;
  const cut = (line: string) =>
    line.length > width ? line.slice(0, width).trimEnd() : line.trimEnd();
  return {
    event(e: RunEvent) {
      if (e.type === 'run') {
        cols = columns(e, fields);
        out.write(`${cut(cols.map((c) => pad(c.name, w - 1, { right: true })).join(' '))}\n`);
      } else if (e.type === 'step' && cols) {
        out.write(
          `${cut(cols.map((c) => pad(fmt(c.get(e)), w - 1, { right: true })).join(' '))}\n`,
        );
      } else if (e.type === 'end') {
        out.write(
          `end: ${e.reason} after ${e.steps} steps${e.step ? ` (at step ${e.step})` : ''}\n`,
        );
      }
    },
    finish() {
      out.flush();
    },
  };
}
