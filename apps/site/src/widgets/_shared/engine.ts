// Everything that needs the engine or RxJS, loaded lazily with Plot (never on page load).

export type { RunEvent, StepEvent } from '@decaylab/core';
export { materialize, ridgeSolution, train } from '@decaylab/core';
export { Clock } from './Clock';
