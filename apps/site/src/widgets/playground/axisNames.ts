import type { RunSpec } from '@decaylab/core';
import type { MessageKey } from '../../i18n/en';
import type { Translate } from '../../i18n/t';

/** The catalogue key of each real table's column (written out: the browser keeps literals). */
const COLUMN_KEYS: Readonly<Record<string, MessageKey>> = {
  cylinders: 'playground.opt.cylinders',
  displacement: 'playground.opt.displacement',
  horsepower: 'playground.opt.horsepower',
  weight: 'playground.opt.weight',
  acceleration: 'playground.opt.acceleration',
  year: 'playground.opt.year',
  beakLength: 'playground.opt.beakLength',
  beakDepth: 'playground.opt.beakDepth',
  flipperLength: 'playground.opt.flipperLength',
  bodyMass: 'playground.opt.bodyMass',
};

/**
 * The names of a run's input columns for chart axes: a real table's columns ("horsepower
 * (standardized)"), else `x` for one column and "input 1", "input 2", … for more.
 *
 * @example
 * axisNames(spec, t) // ['horsepower (standardized)'] for cars on horsepower
 */
export function axisNames(spec: RunSpec, t: Translate, count: number): string[] {
  const data = spec.data as { kind?: string; columns?: readonly string[] };
  const columns = data.kind === 'cars' || data.kind === 'penguins' ? (data.columns ?? []) : [];
  return Array.from({ length: count }, (_, i) => {
    const key = columns[i] === undefined ? undefined : COLUMN_KEYS[columns[i]];
    if (key) return t('playground.axisStandardized', { name: t(key) });
    return count === 1 ? t('playground.axisInput') : t('playground.axisFeature', { n: i + 1 });
  });
}
