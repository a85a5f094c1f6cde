import { join } from 'node:path';
import { CliError, usageError } from '../cli/cliError.js';
import type { Command } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { EXIT } from '../cli/exitCodes.js';
import { parse } from '../cli/parse.js';
import { eventCursor } from '../io/eventCursor.js';
import { type ResultRow, resultsCsv, resultsText } from '../summary/resultsTable.js';
import { type RunReport, runStats } from '../summary/runStats.js';
import { type Axis, comboAt } from '../sweep/grid.js';
import { readManifests, type SweepManifest } from '../sweep/manifest.js';

const help = `Usage: decaylab merge <DIR>... [options]

Merges the --out folders of a sharded sweep (decaylab sweep --shard i/n --out DIR, one folder per
shard or one shared folder) and prints the table the whole sweep prints on one machine, byte for
byte: one row per combination, the best validation loss marked.

Options:
  --format F   table (default) | csv
  -h, --help   show this help

Exit codes: 0 all runs found, 1 a run is missing or failed, or a folder is not a sweep's, 2 usage.`;

const sameAxes = (a: readonly Axis[], b: readonly Axis[]): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

async function report(file: string): Promise<RunReport> {
  const cursor = eventCursor(file);
  const stats = runStats();
  try {
    for (let e = await cursor.next(); e; e = await cursor.next()) stats.add(e);
  } finally {
    await cursor.close();
  }
  return stats.finish();
}

async function run(argv: readonly string[], ctx: Context): Promise<number> {
  const { values, positionals } = parse(argv, { format: { type: 'string' } }, 'merge');
  if (values.help) {
    ctx.stdout.write(`${help}\n`);
    return EXIT.ok;
  }
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'csv')
    throw usageError(`--format: expected table or csv, got ${JSON.stringify(format)}`);
  if (positionals.length === 0)
    throw usageError('merge: expected the --out folders of a sweep (see decaylab merge --help)');
  let first: { file: string; manifest: SweepManifest } | null = null;
  const runs = new Map<number, { dir: string; file?: string; error?: string }>();
  for (const dir of positionals) {
    for (const m of await readManifests(dir)) {
      first ??= m;
      if (
        m.manifest.total !== first.manifest.total ||
        !sameAxes(m.manifest.axes, first.manifest.axes)
      )
        throw new CliError(`${m.file}: a different sweep from ${first.file} (other --grid axes)`);
      for (const r of m.manifest.runs) if (!runs.has(r.index)) runs.set(r.index, { dir, ...r });
    }
  }
  const { axes, total } = (first as { manifest: SweepManifest }).manifest;
  const rows: ResultRow[] = [];
  for (const index of [...runs.keys()].sort((a, b) => a - b)) {
    const r = runs.get(index) as { dir: string; file?: string; error?: string };
    const keys = comboAt(axes, index).values;
    if (r.file === undefined) {
      rows.push({ index: index + 1, keys, report: null, error: r.error ?? 'failed' });
      continue;
    }
    rows.push({ index: index + 1, keys, report: await report(join(r.dir, r.file)) });
  }
  const keyHeaders = axes.map((a) => a.path);
  ctx.stdout.write(
    format === 'csv'
      ? resultsCsv(rows, { keyHeaders })
      : `${resultsText(rows, { keyHeaders }).join('\n')}\n`,
  );
  const missing = total - runs.size;
  ctx.stderr.write(
    `merged ${runs.size} of ${total} runs from ${positionals.length} folder${positionals.length === 1 ? '' : 's'}\n`,
  );
  if (missing > 0) {
    const some: number[] = [];
    for (let i = 0; i < total && some.length < 5; i++) if (!runs.has(i)) some.push(i + 1);
    throw new CliError(
      `merge: ${missing} of ${total} runs missing (#${some.join(', #')}${missing > some.length ? ', …' : ''}); merge every shard's folder`,
    );
  }
  return rows.some((r) => r.report === null) ? EXIT.input : EXIT.ok;
}

/** `decaylab merge`. */
export const mergeCommand: Command = {
  name: 'merge',
  summary: "print a sharded sweep's whole table from its shards' folders",
  help,
  run,
};
