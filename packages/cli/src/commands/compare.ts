import { basename } from 'node:path';
import { collectSeries } from '@decaylab/charts/data';
import { type RunEvent, type StepEvent, TruncatedError } from '@decaylab/core';
import { usageError } from '../cli/cliError.js';
import type { Command } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { EXIT } from '../cli/exitCodes.js';
import { intOption, parse } from '../cli/parse.js';
import { type ColorName, paint } from '../dashboard/ansi.js';
import { brailleChart } from '../dashboard/brailleChart.js';
import { type EventCursor, eventCursor } from '../io/eventCursor.js';
import { openOutput, STDOUT } from '../io/openOutput.js';
import { paramDiff } from '../summary/paramDiff.js';
import { resultsCsv, resultsText } from '../summary/resultsTable.js';
import { type RunReport, runStats } from '../summary/runStats.js';
import { fmt, pad } from '../text/fmt.js';
import { safeText } from '../text/safeText.js';

const help = `Usage: decaylab compare <a.ndjson> <b.ndjson>... [options]   (- reads one from stdin)

Compares recordings: a side-by-side summary (the best validation loss marked), their loss curves
overlaid, and the largest parameter difference |θ − θ₁| from the first recording at each common
step. This is how you see that an L2 penalty and weightDecay coincide for SGD (a difference of 0
or at rounding level), or that Adam+L2 and AdamW do not.
A sharded sweep's table comes from \`decaylab merge DIR...\`; compare overlays any recordings.

Options:
  --rows N        how many steps of the difference table to show (default 10; 0 hides it)
  --format F      text (default) | csv (the summary table only)
  -o, --out FILE  also write the overlaid loss and norm curves as an SVG (the docs' charts)
  -h, --help      show this help

Recordings come from \`decaylab run SPEC --out FILE\` (or \`sweep --out DIR\`); those written with
\`--fields\` compare if they have loss and norms (params for the differences). A recording cut
off mid-line is compared up to its last whole line, then reported (exit 1).`;

const COLORS: ColorName[] = ['cyan', 'magenta', 'yellow', 'green', 'blue', 'red'];

interface Lane {
  readonly label: string;
  readonly cursor: EventCursor;
  readonly stats: ReturnType<typeof runStats>;
  readonly series: ReturnType<typeof collectSeries>;
  head: RunEvent | null;
  /** Set when the file was cut off mid-line: the lane ends at the line before. */
  cut: TruncatedError | null;
}

async function advance(lane: Lane): Promise<void> {
  try {
    lane.head = await lane.cursor.next();
  } catch (error) {
    if (!(error instanceof TruncatedError)) throw error;
    lane.cut = error;
    lane.head = null;
  }
  if (lane.head) {
    lane.stats.add(lane.head);
    if (lane.head.type === 'step') lane.series.add(lane.head);
  }
}

async function run(argv: readonly string[], ctx: Context): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { rows: { type: 'string' }, format: { type: 'string' }, out: { type: 'string', short: 'o' } },
    'compare',
  );
  if (values.help) {
    ctx.stdout.write(`${help}\n`);
    return EXIT.ok;
  }
  if (positionals.length < 2)
    throw usageError('compare: expected at least two recordings (see decaylab compare --help)');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'csv')
    throw usageError(`--format: expected text or csv, got ${JSON.stringify(format)}`);
  const rows = intOption(values.rows, 'rows', { min: 0 }) ?? 10;
  // Outputs open first: a bad -o path, or -o naming one of the recordings, fails before reading.
  const svgOut = values.out
    ? openOutput(values.out, { stdout: ctx.stdout, inputs: positionals })
    : null;
  const labels = positionals.map((f) =>
    f === '-' ? '<stdin>' : basename(f).replace(/\.ndjson$/, ''),
  );
  const lanes: Lane[] = positionals.map((f, i) => ({
    label: labels[i] as string,
    cursor: eventCursor(f, { needs: ['loss', 'norms'], purpose: 'compare' }),
    stats: runStats(),
    series: collectSeries({ name: `#${i + 1}` }),
    head: null,
    cut: null,
  }));
  try {
    return await compareLanes(lanes, { ctx, format, rows, svgOut, labels });
  } catch (error) {
    svgOut?.discard();
    throw error;
  } finally {
    for (const lane of lanes) await lane.cursor.close();
  }
}

async function compareLanes(
  lanes: Lane[],
  {
    ctx,
    format,
    rows,
    svgOut,
    labels,
  }: {
    ctx: Context;
    format: string;
    rows: number;
    svgOut: ReturnType<typeof openOutput> | null;
    labels: string[];
  },
): Promise<number> {
  // Walk all recordings in step order; at each step they all have, diff the parameters.
  const diffs: { step: number; values: ({ value: number; at: string } | null)[] }[] = [];
  const worst: ({ step: number; value: number; at: string } | null)[] = lanes.map(() => null);
  let comparable = lanes.map(() => true);
  for (const lane of lanes) await advance(lane);
  for (;;) {
    for (const lane of lanes) while (lane.head && lane.head.type !== 'step') await advance(lane);
    const heads = lanes.map((l) => l.head as StepEvent | null);
    if (heads.some((h) => h === null)) break;
    const steps = heads.map((h) => (h as StepEvent).step);
    const lo = Math.min(...steps);
    if (steps.every((s) => s === lo)) {
      const ref = heads[0] as StepEvent;
      const vals = heads.map((h, i) =>
        i === 0
          ? { value: 0, at: '' }
          : ref.params && h?.params
            ? paramDiff(ref.params, h.params)
            : null,
      );
      vals.forEach((v, i) => {
        if (i === 0) return;
        if (!v) comparable[i] = false;
        else if (!worst[i] || v.value > (worst[i]?.value ?? 0)) worst[i] = { step: lo, ...v };
      });
      diffs.push({ step: lo, values: vals });
      if (diffs.length > 4096) {
        const kept = diffs.filter((_, i) => i % 2 === 0);
        diffs.length = 0;
        diffs.push(...kept);
      }
      for (const lane of lanes) await advance(lane);
    } else {
      for (const lane of lanes) if ((lane.head as StepEvent).step === lo) await advance(lane);
    }
  }
  for (const lane of lanes) while (lane.head) await advance(lane);
  const reports: RunReport[] = lanes.map((l) => l.stats.finish());
  comparable = comparable.map((c, i) => c && i > 0 && worst[i] !== null);
  const stdout = openOutput(STDOUT, { stdout: ctx.stdout });
  const resultRows = reports.map((report, i) => ({
    index: i + 1,
    keys: [safeText(labels[i] ?? '')],
    report,
  }));
  const finish = async (): Promise<number> => {
    await stdout.commit();
    if (stdout.closed === 'epipe') {
      svgOut?.discard();
      return EXIT.ok;
    }
    const cut = lanes.find((l) => l.cut)?.cut;
    if (cut) {
      ctx.stderr.write(`decaylab: ${safeText(cut.message)} (compared up to the line before it)\n`);
      return EXIT.input;
    }
    return EXIT.ok;
  };

  if (format === 'csv') {
    stdout.write(resultsCsv(resultRows, { keyHeaders: ['recording'] }));
    svgOut?.discard();
    return finish();
  }
  const out: string[] = resultsText(resultRows, { keyHeaders: ['recording'] });

  // Overlaid loss curves (val when the runs have it, else train).
  const color = ctx.color;
  const useVal = reports.every((r) => r.summary.final?.val !== undefined);
  const series = lanes.map((l) => l.series.series());
  out.push(
    '',
    `${useVal ? 'validation' : 'training'} loss (log)  ${series.map((_, i) => paint(`── ${i + 1}`, COLORS[i % COLORS.length], color)).join('  ')}`,
  );
  out.push(
    ...brailleChart(
      series.map((s, i) => ({
        points: (useVal ? s.val : s.train) ?? [],
        color: COLORS[i % COLORS.length] as ColorName,
      })),
      { width: Math.min(ctx.width, 100), height: 10, log: true, color },
    ),
  );

  // The largest parameter difference per step, against the first recording.
  const label = (i: number) => safeText(lanes[i]?.label ?? '');
  const others = lanes.map((_, i) => i).filter((i) => i > 0 && comparable[i]);
  out.push('');
  if (others.length === 0)
    out.push('parameters: no common steps with the same parameter shapes to compare');
  else {
    out.push(`largest parameter difference max|θ − θ₁| per step (vs #1 ${label(0)})`);
    if (rows > 0 && diffs.length > 0) {
      const pick =
        diffs.length <= rows
          ? diffs
          : Array.from(
              { length: rows },
              (_, k) =>
                diffs[
                  Math.round((k * (diffs.length - 1)) / (rows - 1 || 1))
                ] as (typeof diffs)[number],
            );
      const cols = others.slice(0, 6);
      out.push(
        `${pad('step', 10, { right: true })}  ${cols.map((i) => pad(`#${i + 1}`, 12, { right: true })).join('  ')}`,
      );
      for (const d of pick) {
        out.push(
          `${pad(String(d.step), 10, { right: true })}  ${cols.map((i) => pad(fmt(d.values[i]?.value), 12, { right: true })).join('  ')}`,
        );
      }
    }
    for (const i of others) {
      const w = worst[i];
      if (w)
        out.push(
          `max #${i + 1} ${label(i)}: ${fmt(w.value)} at step ${w.step} (${w.at})${w.value === 0 ? ' · identical' : w.value < 1e-9 ? ' · the same up to rounding' : ''}`,
        );
    }
  }
  const skippedDiff = lanes.map((_, i) => i).filter((i) => i > 0 && !comparable[i]);
  for (const i of skippedDiff)
    out.push(
      `#${i + 1} ${label(i)}: parameters not comparable (other shapes, no params recorded, or no common steps)`,
    );
  // With -o -, stdout is the SVG alone.
  if (!svgOut?.isStdout) stdout.write(`${out.join('\n')}\n`);
  stdout.flush();

  if (svgOut) {
    const { compareChart } = await import('@decaylab/charts');
    const { serverDocument, stackSvgs } = await import('../plot/renderSvg.js');
    const document = serverDocument();
    const charts = [
      compareChart(series, { document, width: 720, height: 320, metric: 'loss' }) as Element,
      compareChart(series, { document, width: 720, height: 320, metric: 'norms' }) as Element,
    ];
    svgOut.write(
      stackSvgs(charts, {
        title: `${labels.length} runs compared`,
        notes: labels.map((l, i) => `#${i + 1}  ${l}`),
      }),
    );
    await svgOut.commit();
    if (!svgOut.isStdout) ctx.stderr.write(`wrote ${safeText(svgOut.file)}\n`);
  }
  return finish();
}

/** `decaylab compare`. */
export const compareCommand: Command = {
  name: 'compare',
  summary: 'side-by-side summary, overlaid curves and parameter differences',
  help,
  run,
};
