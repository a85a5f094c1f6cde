import { usageError } from '../cli/cliError.js';
import type { Output } from '../io/output.js';
import { csvSink } from './csvSink.js';
import { ndjsonSink } from './ndjsonSink.js';
import { FORMATS, type Format, type Sink } from './sink.js';
import { summarySink } from './summarySink.js';
import { tableSink } from './tableSink.js';

/** Reads `--format`, or undefined when not given. */
export function readFormat(text: string | undefined): Format | undefined {
  if (text === undefined) return undefined;
  if (!(FORMATS as readonly string[]).includes(text)) {
    throw usageError(
      `--format: expected one of ${FORMATS.join(', ')}, got ${JSON.stringify(text)}`,
    );
  }
  return text as Format;
}

/**
 * The sink for an output format.
 *
 * @example
 * makeSink('csv', output(process.stdout), { fields: null, width: 80 })
 */
export function makeSink(
  format: Format,
  out: Output,
  { fields, width }: { fields: string[][] | null; width: number },
): Sink {
  const tabular = ['step', 'epoch', 'lr', 'loss', 'val', 'norms'];
  const untabular = fields?.filter((f) => !tabular.includes(f[0] as string)) ?? [];
  if ((format === 'csv' || format === 'table') && untabular.length > 0) {
    throw usageError(
      `--fields: the ${format} format has no column for ${untabular.map((f) => f.join('.')).join(', ')} (its columns come from ${tabular.join(', ')})`,
    );
  }
  switch (format) {
    case 'ndjson':
      return ndjsonSink(out, { fields });
    case 'csv':
      return csvSink(out, { fields });
    case 'table':
      return tableSink(out, { fields, width });
    case 'summary':
      return summarySink(out);
  }
}
