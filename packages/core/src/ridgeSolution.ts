import { materialize } from './data/materialize.js';
import { polynomialFeatures } from './models/polynomialFeatures.js';
import { parseSpec } from './spec/parseSpec.js';
import { SpecError } from './spec/specError.js';

/**
 * The exact minimizer of mse + λ/2·‖θ‖² for a linear or polynomial model, where each
 * parameter's λ is the l2 penalty's (if it covers the parameter) plus the coupled weightDecay
 * of its param group (sgd or adam). Solves (2/n·AᵀA + Λ)·θ = 2/n·Aᵀy with A = [X | 1].
 *
 * @example
 * ridgeSolution({ data: { kind: 'line' }, model: { kind: 'linear' },
 *   penalty: { kind: 'l2', lambda: 0.1 }, optimizer: { kind: 'sgd', lr: 0.1 }, steps: 1 })
 * // { weight: [0.93…], bias: [0.01…] }
 */
export function ridgeSolution(input: unknown): { weight: number[]; bias: number[] } {
  const spec = parseSpec(input);
  const { model, optimizer, penalty } = spec;
  if ((model.kind !== 'linear' && model.kind !== 'polynomial') || spec.loss !== 'mse') {
    throw new SpecError([
      { path: 'model', message: 'ridgeSolution needs a linear or polynomial model with mse loss' },
    ]);
  }
  if (penalty && penalty.kind !== 'l2') {
    throw new SpecError([
      {
        path: 'penalty.kind',
        message: 'ridgeSolution needs an l2 penalty (l1 has no closed form)',
      },
    ]);
  }
  const data = materialize(spec.data, spec.seed).train;
  const rows =
    model.kind === 'polynomial'
      ? toRows(polynomialFeatures(data.x, model.degree), model.degree)
      : data.x;
  const n = rows.length;
  const d = (rows[0]?.length ?? 0) + 1;
  const lambdaOf = (name: string) => {
    const group = spec.paramGroups.find((g) => g.params.includes(name));
    const wd = optimizer.kind === 'adamw' ? 0 : (group?.weightDecay ?? optimizer.weightDecay);
    return wd + (penalty?.params.includes(name) ? penalty.lambda : 0);
  };
  const lw = lambdaOf('weight');
  const lb = lambdaOf('bias');
  const H: number[][] = Array.from({ length: d }, () => new Array<number>(d + 1).fill(0));
  for (let i = 0; i < n; i++) {
    const a = [...(rows[i] as number[]), 1];
    const yi = data.y[i] as number;
    for (let r = 0; r < d; r++) {
      const hr = H[r] as number[];
      for (let c = 0; c < d; c++)
        hr[c] = (hr[c] as number) + (2 / n) * (a[r] as number) * (a[c] as number);
      hr[d] = (hr[d] as number) + (2 / n) * (a[r] as number) * yi;
    }
  }
  for (let r = 0; r < d; r++)
    (H[r] as number[])[r] = ((H[r] as number[])[r] as number) + (r < d - 1 ? lw : lb);
  const theta = solve(H);
  return { weight: theta.slice(0, d - 1), bias: [theta[d - 1] as number] };
}

function toRows(m: Float64Array, width: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.length; i += width) out.push(Array.from(m.subarray(i, i + width)));
  return out;
}

/** Gaussian elimination with partial pivoting on an augmented matrix [A | b]. */
function solve(M: number[][]): number[] {
  const n = M.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (
        Math.abs((M[r] as number[])[col] as number) >
        Math.abs((M[pivot] as number[])[col] as number)
      )
        pivot = r;
    }
    [M[col], M[pivot]] = [M[pivot] as number[], M[col] as number[]];
    const p = M[col] as number[];
    const pv = p[col] as number;
    if (pv === 0)
      throw new SpecError([
        { path: 'data', message: 'the ridge system is singular (add an l2 penalty)' },
      ]);
    for (let r = col + 1; r < n; r++) {
      const row = M[r] as number[];
      const f = (row[col] as number) / pv;
      for (let c = col; c <= n; c++) row[c] = (row[c] as number) - f * (p[c] as number);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = M[r] as number[];
    let s = row[n] as number;
    for (let c = r + 1; c < n; c++) s -= (row[c] as number) * (x[c] as number);
    x[r] = s / (row[r] as number);
  }
  return x;
}
