import type { RunEvent } from '@decaylab/core';
import type { Context } from '../cli/context.js';
import type { Sink } from '../format/sink.js';
import type { Output } from '../io/output.js';
import { renderSummary } from '../summary/renderSummary.js';
import { runStats } from '../summary/runStats.js';
import { dashboardState, updateDashboard } from './dashboardState.js';
import { type DashboardView, renderDashboard } from './renderDashboard.js';

/** Playback controls the replay command shares with the dashboard. */
export interface Playback {
  readonly mode: string;
  paused: boolean;
  /** Milliseconds spent paused so far (left out of steps/s and ETA). */
  pausedMs: number;
  readonly keys?: string;
  /** Set when the viewer stopped the replay (q, Ctrl-C): the summary says so instead of "incomplete". */
  stopped?: 'q' | 'interrupted';
}

/**
 * The live dashboard as a sink: redraws in place at most every `frameMs`, then leaves the last
 * frame and the final summary on screen.
 *
 * @example
 * dashboardSink(output(process.stdout), { ctx, mode: 'run' })
 */
export function dashboardSink(
  out: Output,
  {
    ctx,
    mode,
    playback,
    frameMs = 100,
  }: { ctx: Context; mode: string; playback?: Playback; frameMs?: number },
): Sink & { redraw(): void } {
  const state = dashboardState();
  const stats = runStats();
  const start = performance.now();
  let last = -Infinity;
  let drawn = 0;
  const view = (): DashboardView => ({
    width: Math.max(40, ctx.width - 1),
    height: Math.max(20, ctx.height),
    color: ctx.color,
    elapsed: (performance.now() - start - (playback?.pausedMs ?? 0)) / 1000,
    mode: playback?.mode ?? mode,
    paused: playback?.paused ?? false,
    ...(playback?.keys && !state.end ? { keys: playback.keys } : {}),
  });
  const draw = () => {
    last = performance.now();
    const lines = renderDashboard(state, view());
    let text = drawn ? `\x1b[${drawn}F` : '\x1b[?25l';
    for (const l of lines) text += `\x1b[2K${l}\n`;
    text += '\x1b[J';
    drawn = lines.length;
    out.write(text);
    out.flush();
  };
  return {
    event(e: RunEvent) {
      updateDashboard(state, e);
      stats.add(e);
      if (e.type !== 'step' || performance.now() - last >= frameMs) draw();
    },
    redraw: draw,
    finish() {
      draw();
      out.write(
        `\x1b[?25h\n${renderSummary(stats.finish(), playback?.stopped ? { stopped: playback.stopped } : {}).join('\n')}\n`,
      );
      out.flush();
    },
  };
}
