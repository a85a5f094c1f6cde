import { basename } from 'node:path';
import { collectSeries } from '@decaylab/charts/data';
import { type RunEvent, type StepField, TruncatedError } from '@decaylab/core';
import { CliError, usageError } from '../cli/cliError.js';
import type { Command } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { EXIT } from '../cli/exitCodes.js';
import { intOption, parse } from '../cli/parse.js';
import { eventCursor } from '../io/eventCursor.js';
import { openOutput, STDOUT } from '../io/openOutput.js';
import { safeText } from '../text/safeText.js';

const help = `Usage: decaylab plot <file.ndjson | ->... -o chart.svg [options]

Renders the same Observable Plot charts as the docs site (package @decaylab/charts), server-side,
to a standalone SVG file. One recording: loss (train, val dashed) and ‖θ‖ per parameter. Several:
their curves overlaid.

Options:
  -o, --out FILE    the SVG file to write (- for stdout); written to a temporary file and
                    renamed into place, never over one of the recordings
  --chart C         loss | norms | all (default: all)
  --width W         chart width in px (default 720, at most 10000)
  --height H        height of each chart in px (default 320, at most 10000)
  --title T         a title (default: the run's name)
  -h, --help        show this help

A recording cut off mid-line is plotted up to its last whole line, then reported (exit 1).`;

/** Reads a whole recording into chart series (thinned on the way); a cut-off file up to its cut. */
async function readSeries(file: string, needs: StepField[]) {
  const cursor = eventCursor(file, { needs, purpose: `plot --chart ${needs.join(',')}` });
  let name = file === '-' ? '<stdin>' : basename(file).replace(/\.ndjson$/, '');
  const collect = collectSeries({ name });
  let cut: TruncatedError | null = null;
  try {
    for (let e: RunEvent | null = await cursor.next(); e; e = await cursor.next()) {
      if (e.type === 'run' && e.spec.name) name = e.spec.name;
      if (e.type === 'step') collect.add(e);
    }
  } catch (error) {
    if (!(error instanceof TruncatedError)) throw error;
    cut = error;
  }
  return { series: collect.series(), name, cut };
}

async function run(argv: readonly string[], ctx: Context): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      out: { type: 'string', short: 'o' },
      chart: { type: 'string' },
      width: { type: 'string' },
      height: { type: 'string' },
      title: { type: 'string' },
    },
    'plot',
  );
  if (values.help) {
    ctx.stdout.write(`${help}\n`);
    return EXIT.ok;
  }
  if (positionals.length === 0)
    throw usageError('plot: missing <file.ndjson> (see decaylab plot --help)');
  if (!values.out) throw usageError('plot: missing -o chart.svg (or -o - for stdout)');
  const chart = values.chart ?? 'all';
  if (!['loss', 'norms', 'all'].includes(chart))
    throw usageError(`--chart: expected loss, norms or all, got ${JSON.stringify(chart)}`);
  const width = intOption(values.width, 'width', { min: 100, max: 10_000 }) ?? 720;
  const height = intOption(values.height, 'height', { min: 50, max: 10_000 }) ?? 320;
  for (const [n, v] of [
    ['width', width],
    ['height', height],
  ] as const)
    if (v > 10_000) throw usageError(`--${n}: expected an integer ≤ 10000, got ${v}`);
  const needs: StepField[] =
    chart === 'loss' ? ['loss'] : chart === 'norms' ? ['norms'] : ['loss', 'norms'];
  // Open the output first: a bad -o path (or one of the recordings) fails before any reading.
  const out = openOutput(values.out, { stdout: ctx.stdout, inputs: positionals });
  const runs: Awaited<ReturnType<typeof readSeries>>[] = [];
  try {
    for (const file of positionals) runs.push(await readSeries(file, needs));
    if (runs.every((r) => r.series.train.length === 0 && Object.keys(r.series.norms).length === 0))
      throw new CliError(`${positionals.join(', ')}: no step events to plot`);
  } catch (error) {
    out.discard();
    throw error;
  }
  // Plot and linkedom load only when a chart is drawn (they are most of the CLI's startup time).
  const { compareChart, lossChart, normChart } = await import('@decaylab/charts');
  const { serverDocument, stackSvgs } = await import('../plot/renderSvg.js');
  const document = serverDocument();
  const opts = { document, width, height };
  const charts: Element[] = [];
  if (runs.length === 1) {
    const s = (runs[0] as (typeof runs)[number]).series;
    if (chart !== 'norms') charts.push(lossChart(s, opts) as Element);
    if (chart !== 'loss') charts.push(normChart(s.norms, opts) as Element);
  } else {
    const series = runs.map((r, i) => ({ ...r.series, name: `#${i + 1}` }));
    if (chart !== 'norms')
      charts.push(compareChart(series, { ...opts, metric: 'loss' }) as Element);
    if (chart !== 'loss')
      charts.push(compareChart(series, { ...opts, metric: 'norms' }) as Element);
  }
  const files = positionals.map((f) => (f === '-' ? '<stdin>' : basename(f)));
  const title =
    values.title ??
    (runs.length === 1 ? `${runs[0]?.name} (${files[0]})` : `${runs.length} runs compared`);
  const notes = runs.length === 1 ? [] : runs.map((r, i) => `#${i + 1}  ${files[i]} (${r.name})`);
  const svg = stackSvgs(charts, { title, notes });
  out.write(svg);
  await out.commit();
  if (out.closed === 'epipe') return EXIT.ok;
  if (values.out !== STDOUT)
    ctx.stderr.write(
      `wrote ${safeText(values.out)} (${charts.length} chart${charts.length === 1 ? '' : 's'}, ${Math.round(svg.length / 1024)} KiB)\n`,
    );
  const cut = runs.find((r) => r.cut)?.cut;
  if (cut) {
    ctx.stderr.write(`decaylab: ${safeText(cut.message)} (plotted up to the line before it)\n`);
    return EXIT.input;
  }
  return EXIT.ok;
}

/** `decaylab plot`. */
export const plotCommand: Command = {
  name: 'plot',
  summary: "render the docs site's charts of recordings to an SVG file",
  help,
  run,
};
