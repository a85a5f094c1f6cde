import { train } from '@decaylab/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Clock } from './Clock';

// Node has no animation frames: queue them and fire them by hand.
let frames: (() => void)[] = [];
beforeEach(() => {
  frames = [];
  globalThis.requestAnimationFrame = (cb: FrameRequestCallback) => frames.push(() => cb(0));
  globalThis.cancelAnimationFrame = () => {
    frames = [];
  };
});
afterEach(() => {
  Reflect.deleteProperty(globalThis, 'requestAnimationFrame');
  Reflect.deleteProperty(globalThis, 'cancelAnimationFrame');
});
const frame = () => {
  const now = frames;
  frames = [];
  for (const f of now) f();
};

const spec = {
  data: { kind: 'line', n: 10, nVal: 0 },
  model: { kind: 'linear' },
  optimizer: { kind: 'sgd', lr: 0.1 },
  steps: 50,
} as const;

describe('Clock', () => {
  it('runs chunkSteps steps of train() per animation frame while playing', () => {
    const clock = new Clock();
    const steps: number[] = [];
    train(spec, { scheduler: clock, chunkSteps: 5, budgetMs: 1000 }).subscribe((e) => {
      if (e.type === 'step') steps.push(e.step);
    });
    expect(steps).toEqual([]); // nothing before the first frame
    frame();
    expect(steps).toHaveLength(5);
    frame();
    expect(steps).toHaveLength(10);
  });

  it('does nothing while paused, exactly n steps per step(n), and resumes on play', () => {
    const clock = new Clock({ playing: false });
    let last = 0;
    let ended = false;
    train(spec, { scheduler: clock, chunkSteps: 20, budgetMs: 1000 }).subscribe((e) => {
      if (e.type === 'step') last = e.step;
      if (e.type === 'end') ended = true;
    });
    frame();
    expect(last).toBe(0);
    clock.step(3);
    expect(last).toBe(3);
    clock.step(7);
    expect(last).toBe(10);
    expect(clock.busy).toBe(true);
    clock.play();
    frame();
    expect(last).toBe(30);
    frame();
    frame();
    expect(last).toBe(50);
    expect(ended).toBe(true);
    expect(clock.busy).toBe(false);
  });

  it('stops the work when the subscriber unsubscribes', () => {
    const clock = new Clock();
    let last = 0;
    const sub = train(spec, { scheduler: clock, chunkSteps: 5, budgetMs: 1000 }).subscribe((e) => {
      if (e.type === 'step') last = e.step;
    });
    frame();
    sub.unsubscribe();
    frame();
    frame();
    expect(last).toBe(5);
    expect(clock.busy).toBe(false);
  });
});
