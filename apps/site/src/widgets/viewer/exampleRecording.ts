import { encodeEvent, train } from '@decaylab/core';

/**
 * The spec of the viewer's example: the CLI's `overfitting-decay` idea, a degree-9 polynomial on
 * 20 noisy points of y = x with weightDecay 1e-2, kept short so it records in a few milliseconds.
 */
export const exampleSpec = {
  name: 'example: degree-9 polynomial, weightDecay 1e-2',
  seed: 1,
  data: { kind: 'line', n: 20, nVal: 100, noise: 0.3 },
  model: { kind: 'polynomial', degree: 9 },
  optimizer: { kind: 'sgd', lr: 0.3, momentum: 0.9, weightDecay: 1e-2 },
  steps: 1000,
} as const;

/**
 * Records `spec` exactly as `decaylab run --out` would: one `encodeEvent` line per event.
 *
 * @example
 * const text = exampleRecording(); // '{"type":"run",…}\n{"type":"step",…}\n…'
 */
export function exampleRecording(spec: unknown = exampleSpec): string {
  const lines: string[] = [];
  train(spec).subscribe((e) => lines.push(encodeEvent(e)));
  return `${lines.join('\n')}\n`;
}
