/** Number rules shared by the section readers of `parseSpec`. */

export const positive = { min: 0, minExclusive: true, expected: 'a positive finite number' };
export const nonNegative = { min: 0, expected: 'a finite number ≥ 0' };

/** An integer from 1 to `max`. */
export const count = (max: number) => ({
  min: 1,
  max,
  integer: true,
  expected: `an integer from 1 to ${max}`,
});

/** An integer ≥ 1 (bounded by the memory budget, not by a fixed cap). */
export const size = {
  min: 1,
  max: Number.MAX_SAFE_INTEGER,
  integer: true,
  expected: 'an integer ≥ 1',
};
