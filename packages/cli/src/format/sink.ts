import type { RunEvent } from '@decaylab/core';

/** A consumer of a run's events: one of the output formats or the dashboard. */
export interface Sink {
  event(event: RunEvent): void;
  /** Called once after the last event (or when the stream stopped early). */
  finish(): void | Promise<void>;
}

/** The output formats of `run` and `replay`. */
export const FORMATS = ['ndjson', 'csv', 'table', 'summary'] as const;
export type Format = (typeof FORMATS)[number];
