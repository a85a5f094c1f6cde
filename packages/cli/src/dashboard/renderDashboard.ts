import { describeDecay, describeModel } from '../summary/describeSpec.js';
import { duration, fmt, int } from '../text/fmt.js';
import { safeText } from '../text/safeText.js';
import { type ColorName, paint, visibleLength } from './ansi.js';
import { brailleChart } from './brailleChart.js';
import type { DashboardState } from './dashboardState.js';

/** What the dashboard knows besides the run: time, terminal and (for replay) playback. */
export interface DashboardView {
  readonly width: number;
  readonly height: number;
  readonly color: boolean;
  /** Seconds since the run (or replay) started. */
  readonly elapsed: number;
  /** `run` or `replay ×4` / `replay max`. */
  readonly mode: string;
  readonly paused?: boolean;
  /** A hint line, such as the replay keys. */
  readonly keys?: string;
}

const NORM_COLORS: ColorName[] = ['green', 'yellow', 'blue', 'magenta', 'cyan', 'red'];

function cut(line: string, width: number): string {
  if (visibleLength(line) <= width) return line;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI escapes
  return [...line.replace(/\x1b\[[0-9;]*m/g, '')].slice(0, width).join('');
}

/**
 * Draws the live dashboard as lines of at most `width` columns: header, progress bar with
 * steps/s and ETA, current λ / lr / step, a loss chart (train and val) and a ‖θ‖ chart.
 * A pure function of its inputs, so it is tested at a fixed width.
 *
 * @example
 * renderDashboard(state, { width: 80, height: 24, color: false, elapsed: 1.5, mode: 'run' }).join('\n')
 */
export function renderDashboard(s: DashboardState, view: DashboardView): string[] {
  const { width, height, color, elapsed, mode } = view;
  const c = (text: string, name: ColorName) => paint(text, name, color);
  const lines: string[] = [];
  const name = safeText(s.spec?.name ?? 'run');
  lines.push(
    `${c('decaylab', 'bold')} ${mode} · ${name}${s.spec ? ` · ${describeModel(s.spec)}` : ''}`,
  );
  if (s.spec) lines.push(c(describeDecay(s.spec), 'gray'));

  const total = Math.max(1, s.total);
  const frac = Math.min(1, s.step / total);
  const rate = elapsed > 0 ? s.step / elapsed : 0;
  const eta = rate > 0 ? (total - s.step) / rate : Number.NaN;
  const status = s.end
    ? `${s.end.reason}${s.end.reason === 'diverged' && s.end.step ? ` at step ${s.end.step}` : ''}`
    : view.paused
      ? 'paused'
      : `ETA ${duration(eta)}`;
  const info = ` ${String(Math.floor(frac * 100)).padStart(3)}%  step ${int(s.step)}/${int(total)}  ${int(rate)} steps/s  ${status}`;
  const barWidth = Math.max(10, Math.min(50, width - visibleLength(info) - 2));
  const filled = Math.round(frac * barWidth);
  lines.push(
    `${c('█'.repeat(filled), s.end?.reason === 'diverged' ? 'red' : 'cyan')}${c('░'.repeat(barWidth - filled), 'gray')}${info}`,
  );
  lines.push(
    // A `--fields` recording may lack epoch and lr: show what is there.
    `step ${int(s.step)}  ${s.epoch ? `epoch ${s.epoch}  ` : ''}${s.lr !== undefined && s.lr !== null ? `lr ${fmt(s.lr)}  ` : ''}` +
      `${c(`train ${fmt(s.train)}`, 'cyan')}${s.val !== null ? `  ${c(`val ${fmt(s.val)}`, 'magenta')}` : ''}` +
      (s.best ? `  best ${fmt(s.best.value)} @ ${s.best.step}` : ''),
  );

  const room = Math.max(8, height - lines.length - 5);
  const lossH = Math.max(3, Math.min(12, Math.ceil(room * 0.55) - 1));
  const normH = Math.max(3, Math.min(10, room - lossH - 2));
  lines.push(
    `${c('loss', 'bold')} (log)  ${c('── train', 'cyan')}${s.history.val.length ? `  ${c('── val', 'magenta')}` : ''}`,
  );
  lines.push(
    ...brailleChart(
      [
        { points: s.history.train, color: 'cyan' },
        { points: s.history.val, color: 'magenta' },
      ],
      { width, height: lossH, log: true, color },
    ),
  );
  const names = Object.keys(s.history.norms);
  const legend = names
    .map((n, i) =>
      c(`── ‖${n}‖ ${fmt(s.norms[n])}`, NORM_COLORS[i % NORM_COLORS.length] as ColorName),
    )
    .join('  ');
  lines.push(`${c('‖θ‖₂', 'bold')}  ${legend}`);
  lines.push(
    ...brailleChart(
      names.map((n, i) => ({
        points: s.history.norms[n] ?? [],
        color: NORM_COLORS[i % NORM_COLORS.length] as ColorName,
      })),
      { width, height: normH, color },
    ),
  );
  if (view.keys) lines.push(c(view.keys, 'gray'));
  return lines.map((l) => cut(l, width));
}
