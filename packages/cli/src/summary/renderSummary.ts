import { fmt } from '../text/fmt.js';
import { safeText } from '../text/safeText.js';
import { describeDecay, describeModel } from './describeSpec.js';
import type { RunReport } from './runStats.js';

/**
 * The final summary as text lines: the run, final losses, the best validation step, and per
 * parameter the norm before → after and how much decay pulled it.
 *
 * @example
 * process.stdout.write(renderSummary(report).join('\n') + '\n');
 */
export function renderSummary(
  report: RunReport,
  { label, stopped }: { label?: string; stopped?: 'q' | 'interrupted' } = {},
): string[] {
  const { summary, decayPull, end } = report;
  const spec = summary.spec;
  const lines: string[] = [];
  const name = label ?? spec?.name ?? 'run';
  const last = summary.final?.step;
  const outcome =
    end?.reason === 'diverged' && end.step !== undefined
      ? `diverged at step ${end.step} (after ${summary.steps} completed steps)`
      : end
        ? `${end.reason} after ${summary.steps} steps${last !== undefined && last < summary.steps ? ` (recorded up to step ${last})` : ''}`
        : stopped
          ? `stopped (${stopped === 'q' ? 'q' : 'interrupted'}) at step ${last ?? 0} of ${spec?.steps ?? '?'}`
          : `incomplete (no end event) after ${summary.steps} steps`;
  lines.push(`run         ${name}: ${outcome}`);
  if (spec) {
    lines.push(`model       ${describeModel(spec)}`);
    lines.push(`decay       ${describeDecay(spec)}`);
  }
  const f = summary.final;
  if (f) {
    const val = f.val !== undefined ? `   val ${fmt(f.val)}` : '';
    lines.push(
      `final loss  train ${fmt(f.loss.total)} (data ${fmt(f.loss.data)} + penalty ${fmt(f.loss.penalty)})${val}   at step ${f.step}`,
    );
  }
  if (summary.best) {
    lines.push(
      `best ${summary.best.metric === 'val' ? 'val  ' : 'train'}  ${fmt(summary.best.value)} at step ${summary.best.step}`,
    );
  }
  if (f) {
    lines.push('parameters  ‖θ‖ start → end            change    decay pull Σ‖lr·decay‖');
    for (const [p, n] of Object.entries(f.norms)) {
      const n0 = summary.initialNorms[p];
      const ratio = summary.shrink[p];
      const change =
        ratio === undefined
          ? n0 === 0
            ? 'from 0'
            : ''
          : Math.abs(ratio - 1) < 5e-6
            ? '0%'
            : ratio < 1
              ? `−${fmt((1 - ratio) * 100, { digits: 3 })}%`
              : ratio < 100
                ? `+${fmt((ratio - 1) * 100, { digits: 3 })}%`
                : `×${fmt(ratio, { digits: 3 })}`;
      const pull = decayPull[p] ? fmt(decayPull[p]) : 'none';
      lines.push(
        `  ${p.padEnd(10)}${`${fmt(n0)} → ${fmt(n)}`.padEnd(24)} ${change.padEnd(9)} ${pull}`,
      );
    }
  }
  // Names come from recordings: no control character reaches the terminal.
  return lines.map((line) => safeText(line));
}
