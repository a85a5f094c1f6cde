import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { RunEvent, StepEvent } from '@decaylab/core';
import { CliError, usageError } from '../cli/cliError.js';
import type { Command } from '../cli/command.js';
import type { Context } from '../cli/context.js';
import { EXIT } from '../cli/exitCodes.js';
import { intOption, parse } from '../cli/parse.js';
import { type ColorName, paint } from '../dashboard/ansi.js';
import { brailleChart } from '../dashboard/brailleChart.js';
import { fmt, pad } from '../text/fmt.js';
import { type EventCursor, eventCursor } from '../io/eventCursor.js';
import { collectSeries } from '../plot/collectSeries.js';
import { paramDiff } from '../summary/paramDiff.js';
import { type RunReport, runStats } from '../summary/runStats.js';

const help = `Usage: decaylab compare <a.ndjson> <b.ndjson>... [options]

Compares recordings: a side-by-side summary (the best validation loss marked), their loss curves
overlaid, and the largest parameter difference |θ − θ₁| from the first recording at each common
step. This is how you see that an L2 penalty and weightDecay coincide for SGD (a difference of 0
or at rounding level), or that Adam+L2 and AdamW do not.
\`decaylab compare DIR/*.ndjson\` merges the recordings of a sharded sweep.

Options:
  --rows N        how many steps of the difference table to show (default 10; 0 hides it)
  --format F      text (default) | csv (the summary table only)
  -o, --out FILE  also write the overlaid loss and norm curves as an SVG (the docs' charts)
  -h, --help      show this help`;

const COLORS: ColorName[] = ['cyan', 'magenta', 'yellow', 'green', 'blue', 'red'];

interface Lane {
  readonly label: string;
  readonly cursor: EventCursor;
  readonly stats: ReturnType<typeof runStats>;
  readonly series: ReturnType<typeof collectSeries>;
  head: RunEvent | null;
  lastStep: StepEvent | null;
}

async function advance(lane: Lane): Promise<void> {
  lane.head = await lane.cursor.next();
  if (lane.head) {
    lane.stats.add(lane.head);
    lane.series.add(lane.head);
    if (lane.head.type === 'step') lane.lastStep = lane.head;
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
  const { stat } = await import('node:fs/promises');
  for (const f of positionals) {
    const s = await stat(f).catch(() => null);
    if (!s?.isFile()) throw new CliError(`${f}: no such file`);
    if (s.size === 0) throw new CliError(`${f}: empty recording (no "run" header)`);
  }
  const labels = positionals.map((f) => basename(f).replace(/\.ndjson$/, ''));
  const lanes: Lane[] = positionals.map((f, i) => ({
    label: labels[i] as string,
    cursor: eventCursor(f),
    stats: runStats(),
    series: collectSeries({ name: `#${i + 1}` }),
    head: null,
    lastStep: null,
  }));
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
        i === 0 ? { value: 0, at: '' } : paramDiff(ref.params, (h as StepEvent).params),
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
  for (const lane of lanes) if (lane.lastStep) lane.series.last(lane.lastStep);
  const reports: RunReport[] = lanes.map((l) => l.stats.finish());
  comparable = comparable.map((c, i) => c && i > 0 && worst[i] !== null);

  // Side-by-side summary: one row per recording.
  const paramNames = [
    ...new Set(reports.flatMap((r) => Object.keys(r.summary.final?.norms ?? {}))),
  ].slice(0, 4);
  const bestVal = reports.reduce<number>((b, r, i) => {
    const v = r.summary.final?.val;
    const bv = reports[b]?.summary.final?.val;
    return v !== undefined && (bv === undefined || v < bv) ? i : b;
  }, 0);
  const header = [
    '#',
    'recording',
    'end',
    'steps',
    'train',
    'val',
    'best val @ step',
    ...paramNames.map((p) => `‖${p}‖`),
  ];
  const table = reports.map((r, i) => {
    const s = r.summary;
    return [
      `${i + 1}${i === bestVal && s.final?.val !== undefined ? '*' : ''}`,
      lanes[i]?.label ?? '',
      s.reason ?? 'incomplete',
      String(s.steps),
      fmt(s.final?.loss.total),
      fmt(s.final?.val),
      s.best?.metric === 'val' ? `${fmt(s.best.value)} @ ${s.best.step}` : '',
      ...paramNames.map((p) => fmt(s.final?.norms[p])),
    ];
  });
  if (format === 'csv') {
    const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    ctx.stdout.write(`${[header, ...table].map((r) => r.map(q).join(',')).join('\n')}\n`);
    return EXIT.ok;
  }
  const widths = header.map((h, c) =>
    Math.max(h.length, ...table.map((r) => (r[c] as string).length)),
  );
  const line = (r: string[]) =>
    r
      .map((v, c) => pad(v, widths[c] as number, { right: c > 1 }))
      .join('  ')
      .trimEnd();
  const out: string[] = [line(header), ...table.map(line)];
  if (reports[bestVal]?.summary.final?.val !== undefined)
    out.push('* lowest final validation loss');

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
  const others = lanes.map((_, i) => i).filter((i) => i > 0 && comparable[i]);
  out.push('');
  if (others.length === 0)
    out.push('parameters: no common steps with the same parameter shapes to compare');
  else {
    out.push(`largest parameter difference max|θ − θ₁| per step (vs #1 ${lanes[0]?.label})`);
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
          `max #${i + 1} ${lanes[i]?.label}: ${fmt(w.value)} at step ${w.step} (${w.at})${w.value === 0 ? ' · identical' : w.value < 1e-9 ? ' · the same up to rounding' : ''}`,
        );
    }
  }
  const skippedDiff = lanes.map((_, i) => i).filter((i) => i > 0 && !comparable[i]);
  for (const i of skippedDiff)
    out.push(
      `#${i + 1} ${lanes[i]?.label}: parameters not comparable (other shapes or no common steps)`,
    );
  ctx.stdout.write(`${out.join('\n')}\n`);

  if (values.out) {
    const { compareChart } = await import('@decaylab/charts');
    const { serverDocument, stackSvgs } = await import('../plot/renderSvg.js');
    const document = serverDocument();
    const charts = [
      compareChart(series, { document, width: 720, height: 320, metric: 'loss' }) as Element,
      compareChart(series, { document, width: 720, height: 320, metric: 'norms' }) as Element,
    ];
    await writeFile(
      values.out,
      stackSvgs(charts, {
        title: `${labels.length} runs compared`,
        notes: labels.map((l, i) => `#${i + 1}  ${l}`),
      }),
    ).catch((e: NodeJS.ErrnoException) => {
      throw new CliError(`${values.out}: cannot write (${e.code ?? e.message})`);
    });
    ctx.stderr.write(`wrote ${values.out}\n`);
  }
  return EXIT.ok;
}

/** `decaylab compare`. */
export const compareCommand: Command = {
  name: 'compare',
  summary: 'side-by-side summary, overlaid curves and parameter differences',
  help,
  run,
};
