// Everything that needs the engine or RxJS, loaded lazily with Plot (never on page load).
export { materialize, ridgeSolution, train } from '@decaylab/core';
export type { RunEvent, StepEvent } from '@decaylab/core';
export { Clock } from './Clock';
