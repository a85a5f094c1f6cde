import { pow } from '@decaylab/core';

/**
 * A slider's value at slider position `position`: 10^position on a log slider, the position
 * itself on a linear one. The one place a log slider's value is computed (the widgets' runs,
 * their controls and the value shown next to the slider), with the engine's `pow`: Chromium's
 * `10 ** -5` is 0.00001 and Node's (the tests') 9.999999999999999e-6.
 *
 * @example
 * positionValue('log', -2) // 0.01
 * positionValue('linear', 0.5) // 0.5
 */
export function positionValue(scale: string | undefined, position: number): number {
  return scale === 'log' ? pow(10, position) : position;
}
