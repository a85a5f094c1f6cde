import { exp, type ModelSpec, type ParamValues, tanh } from '@decaylab/core';

const ACTIVATE = {
  tanh,
  relu: (z: number) => Math.max(z, 0),
  sigmoid: (z: number) => 1 / (1 + exp(-z)),
} as const;

/**
 * The model's output (ŷ, or the logit for a classifier) at one input row, from parameters in
 * PyTorch's layout as the engine reports them: the forward pass the fit and boundary charts
 * draw. `predict.test.ts` checks it against the engine's own losses.
 *
 * @example
 * predictor({ kind: 'linear' }, { weight: [2], bias: [1] })([3]) // 7
 */
export function predictor(model: ModelSpec, params: ParamValues): (x: readonly number[]) => number {
  const get = (name: string) => params[name] ?? [];
  switch (model.kind) {
    case 'linear':
    case 'logistic': {
      const w = get('weight');
      const b = get('bias')[0] ?? 0;
      return (x) => {
        let s = b;
        for (let i = 0; i < w.length; i++) s += (w[i] as number) * (x[i] ?? 0);
        return s;
      };
    }
    case 'polynomial': {
      const w = get('weight');
      const b = get('bias')[0] ?? 0;
      return (x) => {
        const v = x[0] ?? 0;
        let s = b;
        let p = 1;
        for (let k = 0; k < w.length; k++) {
          p *= v;
          s += (w[k] as number) * p;
        }
        return s;
      };
    }
    case 'mlp': {
      const f = ACTIVATE[model.activation];
      const layers = model.hidden.length + 1;
      return (x) => {
        let h: number[] = [...x];
        for (let l = 0; l < layers; l++) {
          const w = get(`${l}.weight`);
          const b = get(`${l}.bias`);
          const out = b.length;
          const fin = h.length;
          const next = new Array<number>(out);
          for (let o = 0; o < out; o++) {
            let s = b[o] as number;
            for (let i = 0; i < fin; i++) s += (w[o * fin + i] as number) * (h[i] as number);
            next[o] = l < layers - 1 ? f(s) : s;
          }
          h = next;
        }
        return h[0] ?? Number.NaN;
      };
    }
  }
}
