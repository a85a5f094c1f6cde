import { train } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { visibleLength } from './ansi.js';
import { dashboardState, updateDashboard } from './dashboardState.js';
import { renderDashboard } from './renderDashboard.js';

const spec = {
  name: 'fixed',
  seed: 1,
  data: { kind: 'line', n: 20, nVal: 50, noise: 0.3 },
  model: { kind: 'polynomial', degree: 5 },
  optimizer: { kind: 'sgd', lr: 0.2, weightDecay: 0.001 },
  steps: 400,
};

function stateAfter(steps: number) {
  const s = dashboardState();
  let n = 0;
  train(spec).subscribe((e) => {
    if (e.type === 'step') n += 1;
    if (n <= steps || e.type !== 'step') updateDashboard(s, e);
  });
  return s;
}

describe('renderDashboard (a pure function)', () => {
  it('at 80 columns without colour: a fixed frame', () => {
    const lines = renderDashboard(stateAfter(400), {
      width: 80,
      height: 30,
      color: false,
      elapsed: 2,
      mode: 'run',
    });
    for (const l of lines) expect(visibleLength(l)).toBeLessThanOrEqual(80);
    expect(lines.join('\n')).not.toContain('\x1b');
    expect(`\n${lines.join('\n')}\n`).toMatchSnapshot();
  });

  it('mid-run: progress, steps/s and ETA', () => {
    const s = stateAfter(400);
    s.end = null;
    s.step = 100;
    const lines = renderDashboard(s, {
      width: 80,
      height: 30,
      color: false,
      elapsed: 0.5,
      mode: 'run',
    });
    expect(lines[2]).toMatch(/^█+░+ {2}25% {2}step 100\/400 {2}200 steps\/s {2}ETA 1\.5s$/);
    expect(lines[3]).toMatch(
      /^step 100 {2}epoch \d+ {2}lr 0\.2 {2}train \S+ {2}val \S+ {2}best \S+ @ \d+$/,
    );
  });

  it('shows λ, lr, the charts of train/val loss and ‖θ‖, and the keys when replaying', () => {
    const text = renderDashboard(stateAfter(400), {
      width: 100,
      height: 40,
      color: false,
      elapsed: 1,
      mode: 'replay ×2',
      paused: true,
      keys: 'space pause',
    }).join('\n');
    expect(text).toContain('λ weightDecay=0.001 (coupled)');
    expect(text).toContain('loss (log)  ── train  ── val');
    expect(text).toContain('‖θ‖₂  ── ‖weight‖');
    expect(text).toContain('decaylab replay ×2 · fixed');
    expect(text).toMatch(/[\u2801-\u28ff]/);
    expect(text.split('\n').at(-1)).toBe('space pause');
  });

  it('fits narrow and wide terminals', () => {
    for (const width of [40, 60, 120, 200]) {
      const lines = renderDashboard(stateAfter(400), {
        width,
        height: 24,
        color: true,
        elapsed: 1,
        mode: 'run',
      });
      for (const l of lines) expect(visibleLength(l)).toBeLessThanOrEqual(width);
    }
  });

  it('colour adds ANSI escapes only when on', () => {
    const on = renderDashboard(stateAfter(50), {
      width: 80,
      height: 24,
      color: true,
      elapsed: 1,
      mode: 'run',
    }).join('\n');
    expect(on).toContain('\x1b[36m');
  });

  it('keeps memory flat: the history is thinned to at most ~1024 points', () => {
    const s = dashboardState();
    train({ ...spec, steps: 5000 }).subscribe((e) => updateDashboard(s, e));
    expect(s.history.train.length).toBeLessThanOrEqual(1025);
    expect(s.history.train.at(-1)?.step).toBe(5000);
  });
});
