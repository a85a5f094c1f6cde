import type { ModelSpec } from '../spec/types.js';

/**
 * The parameters of a model in PyTorch's order and layout: `weight` and `bias` for linear,
 * logistic and polynomial models; `"{i}.weight"` [out × in] and `"{i}.bias"` [out] per mlp layer.
 *
 * @example
 * paramShapes({ kind: 'mlp', hidden: [8], activation: 'tanh' }, 2)
 * // [['0.weight', [8, 2]], ['0.bias', [8]], ['1.weight', [1, 8]], ['1.bias', [1]]]
 */
export function paramShapes(model: ModelSpec, inputDim: number): [string, number[]][] {
  switch (model.kind) {
    case 'linear':
    case 'logistic':
      return [
        ['weight', [inputDim]],
        ['bias', [1]],
      ];
    case 'polynomial':
      return [
        ['weight', [model.degree]],
        ['bias', [1]],
      ];
    case 'mlp': {
      const dims = [inputDim, ...model.hidden, 1];
      const out: [string, number[]][] = [];
      for (let i = 0; i + 1 < dims.length; i++) {
        const fanIn = dims[i] as number;
        const fanOut = dims[i + 1] as number;
        out.push([`${i}.weight`, [fanOut, fanIn]], [`${i}.bias`, [fanOut]]);
      }
      return out;
    }
  }
}

/** The number of values in a tensor of the given dims. */
export function sizeOf(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}
