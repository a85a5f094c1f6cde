import type { RunEvent, RunSpec } from '@decaylab/core';

type Point = { step: number; value: number };

/** Everything the dashboard shows, as plain data: `renderDashboard` draws it. */
export interface DashboardState {
  spec: RunSpec | null;
  total: number;
  step: number;
  epoch: number;
  lr: number;
  train: number | null;
  val: number | null;
  best: { step: number; value: number; metric: 'val' | 'total' } | null;
  norms: Record<string, number>;
  history: { train: Point[]; val: Point[]; norms: Record<string, Point[]> };
  /** The history keeps every `stride`-th step (doubling as it fills), so memory stays flat. */
  stride: number;
  end: { reason: string; steps: number; step?: number } | null;
}

const MAX_POINTS = 1024;

/** A fresh state. */
export function dashboardState(): DashboardState {
  return {
    spec: null,
    total: 0,
    step: 0,
    epoch: 0,
    lr: 0,
    train: null,
    val: null,
    best: null,
    norms: {},
    history: { train: [], val: [], norms: {} },
    stride: 1,
    end: null,
  };
}

function thin(points: Point[]): Point[] {
  return points.filter((_, i) => i % 2 === 0);
}

/**
 * Folds one event into the state (mutating it, for speed).
 *
 * @example
 * const s = dashboardState();
 * for (const e of events) updateDashboard(s, e);
 */
export function updateDashboard(s: DashboardState, e: RunEvent): DashboardState {
  if (e.type === 'run') {
    s.spec = e.spec;
    s.total = e.spec.steps;
  } else if (e.type === 'step') {
    s.step = e.step;
    s.epoch = e.epoch;
    s.lr = e.lr;
    s.train = e.loss?.total ?? null;
    s.val = e.val?.loss ?? null;
    s.norms = e.norms ?? {};
    const metric = e.val ? 'val' : 'total';
    const value = e.val ? e.val.loss : e.loss?.total;
    if (value !== undefined && (!s.best || value < s.best.value))
      s.best = { step: e.step, value, metric };
    const last = s.history.train[s.history.train.length - 1];
    if (!last || e.step - last.step >= s.stride) {
      const h = s.history;
      if (s.train !== null) h.train.push({ step: e.step, value: s.train });
      if (s.val !== null) h.val.push({ step: e.step, value: s.val });
      for (const [k, v] of Object.entries(s.norms)) {
        h.norms[k] ??= [];
        h.norms[k].push({ step: e.step, value: v });
      }
      if (h.train.length > MAX_POINTS) {
        s.stride *= 2;
        h.train = thin(h.train);
        h.val = thin(h.val);
        for (const k of Object.keys(h.norms)) h.norms[k] = thin(h.norms[k] as Point[]);
      }
    }
  } else {
    const h = s.history;
    const last = h.train[h.train.length - 1];
    if (s.train !== null && (!last || last.step < s.step)) {
      h.train.push({ step: s.step, value: s.train });
      if (s.val !== null) h.val.push({ step: s.step, value: s.val });
      for (const [k, v] of Object.entries(s.norms)) {
        h.norms[k] ??= [];
        h.norms[k].push({ step: s.step, value: v });
      }
    }
    s.end = { reason: e.reason, steps: e.steps, ...(e.step !== undefined ? { step: e.step } : {}) };
  }
  return s;
}
