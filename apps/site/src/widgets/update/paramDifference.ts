/** Parameters by name, as in a step event. */
export type Params = { readonly [name: string]: readonly number[] };

/**
 * The largest |a − b| over every value of every parameter: how far apart two runs are.
 *
 * @example
 * paramDifference({ w: [1, 2] }, { w: [1, 2.5] }) // 0.5
 */
export function paramDifference(a: Params, b: Params): number {
  let max = 0;
  for (const name of Object.keys(a)) {
    const x = a[name] ?? [];
    const y = b[name];
    if (!y || y.length !== x.length) return Infinity;
    for (let i = 0; i < x.length; i++)
      max = Math.max(max, Math.abs((x[i] as number) - (y[i] as number)));
  }
  return max;
}

/** Every value of every parameter, in order: θ as one flat vector. */
export function flatten(p: Params): number[] {
  return Object.values(p).flatMap((v) => [...v]);
}
