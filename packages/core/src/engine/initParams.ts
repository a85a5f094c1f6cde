import type { ParamLayout } from '../models/paramLayout.js';
import { rng, STREAM } from '../random/rng.js';
import type { InitSpec } from '../spec/types.js';

/** Fills the flat parameter vector from an init spec (inline values, seeded normal, or zeros). */
export function initParams(
  init: InitSpec,
  seed: number,
  layout: ParamLayout,
  theta: Float64Array,
): void {
  const { names, offsets, sizes } = layout;
  if (init.kind === 'zeros') return;
  if (init.kind === 'normal') {
    const { std, bias } = init as { std: number; bias: 'zeros' | 'normal' };
    const r = rng(seed, STREAM.init);
    names.forEach((name, p) => {
      if (name.endsWith('bias') && bias === 'zeros') return;
      const o = offsets[p] as number;
      for (let i = 0; i < (sizes[p] as number); i++) theta[o + i] = std * r.normal();
    });
    return;
  }
  const values = init as { readonly [name: string]: readonly number[] };
  names.forEach((name, p) => {
    theta.set(values[name] as readonly number[], offsets[p] as number);
  });
}
