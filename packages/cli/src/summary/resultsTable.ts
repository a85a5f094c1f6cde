import { fmt, pad } from '../text/fmt.js';
import { safeText } from '../text/safeText.js';
import type { RunReport } from './runStats.js';

/** One row of a results table: a sweep's combination or a compared recording. */
export interface ResultRow {
  /** The row's number (1-based: the combination's index in the whole grid, or the file's position). */
  readonly index: number;
  /** One value per key column: a grid axis's value or a recording's label. */
  readonly keys: readonly unknown[];
  /** The run's report, or null when it failed (then `error` says why). */
  readonly report: RunReport | null;
  readonly error?: string;
}

/** How many ‖θ‖ columns the text table shows (CSV has them all). */
export const TEXT_NORM_COLUMNS = 4;

/** The footnote under the best row. */
export const BEST_NOTE = '* lowest final validation loss';

/** The row with the lowest final validation loss (the first on ties), or -1. */
export function bestRow(rows: readonly ResultRow[]): number {
  let best = -1;
  let bestVal = Number.POSITIVE_INFINITY;
  rows.forEach((r, k) => {
    const v = r.report?.summary.final?.val;
    if (v !== undefined && v < bestVal) {
      best = k;
      bestVal = v;
    }
  });
  return best;
}

function paramNames(rows: readonly ResultRow[]): string[] {
  const names = new Set<string>();
  for (const r of rows)
    for (const p of Object.keys(r.report?.summary.final?.norms ?? {})) names.add(p);
  return [...names];
}

const keyText = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

/**
 * The results of several runs as a text table: one row per run, its end, steps, final train and
 * validation loss, best validation loss and step, and ‖θ‖ of the first parameters; the best
 * row's number is marked `*`. Sweep, merge and compare print exactly this.
 *
 * @example
 * process.stdout.write(resultsText(rows, { keyHeaders: ['optimizer.weightDecay'] }).join('\n') + '\n');
 */
export function resultsText(
  rows: readonly ResultRow[],
  { keyHeaders }: { keyHeaders: readonly string[] },
): string[] {
  const best = bestRow(rows);
  const params = paramNames(rows).slice(0, TEXT_NORM_COLUMNS);
  const header = [
    '#',
    ...keyHeaders,
    'end',
    'steps',
    'train',
    'val',
    'best val @ step',
    ...params.map((p) => `‖${safeText(p)}‖`),
  ];
  const body = rows.map((r, k) => {
    const s = r.report?.summary;
    const keys = r.keys.map((v) => safeText(keyText(v)));
    const mark = `${r.index}${k === best ? '*' : ''}`;
    if (!s)
      return [
        mark,
        ...keys,
        `error: ${safeText(r.error ?? 'failed')}`,
        '',
        '',
        '',
        '',
        ...params.map(() => ''),
      ];
    return [
      mark,
      ...keys,
      s.reason ?? 'incomplete',
      String(s.steps),
      fmt(s.final?.loss.total),
      fmt(s.final?.val),
      s.best?.metric === 'val' ? `${fmt(s.best.value)} @ ${s.best.step}` : '',
      ...params.map((p) => fmt(s.final?.norms[p])),
    ];
  });
  const keyCols = new Set(keyHeaders.map((_, i) => i + 1));
  const widths = header.map((h, c) =>
    Math.max([...h].length, ...body.map((r) => [...(r[c] ?? '')].length)),
  );
  const line = (r: readonly string[]) =>
    r
      .map((v, c) => pad(v, widths[c] as number, { right: !keyCols.has(c) }))
      .join('  ')
      .trimEnd();
  const lines = [line(header), ...body.map(line)];
  if (best >= 0) lines.push(BEST_NOTE);
  return lines;
}

function csvCell(v: unknown): string {
  const text =
    v === undefined || v === null
      ? ''
      : typeof v === 'string'
        ? v
        : typeof v === 'number'
          ? String(v)
          : (JSON.stringify(v) ?? '');
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** An ASCII column name: `norm_0.weight`; other characters become `_`. */
const asciiName = (s: string): string => s.replace(/[^\x20-\x7e]/g, '_');

/**
 * The same results as CSV data: full precision (shortest round-trip numbers), one value per
 * column (`best_val` and `best_val_step` apart), a separate `best` column (true/false), ASCII
 * headers, and every parameter's norm (`norm_NAME`).
 *
 * @example
 * resultsCsv(rows, { keyHeaders: ['optimizer.weightDecay'] })
 * // index,optimizer.weightDecay,end,steps,train,val,best_val,best_val_step,norm_weight,norm_bias,best,error
 */
export function resultsCsv(
  rows: readonly ResultRow[],
  { keyHeaders }: { keyHeaders: readonly string[] },
): string {
  const best = bestRow(rows);
  const params = paramNames(rows);
  const header = [
    'index',
    ...keyHeaders,
    'end',
    'steps',
    'train',
    'val',
    'best_val',
    'best_val_step',
    ...params.map((p) => `norm_${p}`),
    'best',
    'error',
  ].map(asciiName);
  const body = rows.map((r, k) => {
    const s = r.report?.summary;
    const bestVal = s?.best?.metric === 'val' ? s.best : undefined;
    return [
      r.index,
      ...r.keys,
      s ? (s.reason ?? 'incomplete') : 'error',
      s?.steps,
      s?.final?.loss.total,
      s?.final?.val,
      bestVal?.value,
      bestVal?.step,
      ...params.map((p) => s?.final?.norms[p]),
      k === best ? 'true' : 'false',
      r.error ?? '',
    ];
  });
  return `${[header, ...body].map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}
