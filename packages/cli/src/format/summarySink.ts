import type { RunEvent } from '@decaylab/core';
import type { Output } from '../io/output.js';
import { renderSummary } from '../summary/renderSummary.js';
import { runStats } from '../summary/runStats.js';
import type { Sink } from './sink.js';

/**
 * Prints only the final summary once the stream ends.
 *
 * @example
 * summarySink(output(process.stdout))
 */
export function summarySink(out: Output): Sink {
  const stats = runStats();
  return {
    event(e: RunEvent) {
      stats.add(e);
    },
    finish() {
      out.write(`${renderSummary(stats.finish()).join('\n')}\n`);
      out.flush();
    },
  };
}
