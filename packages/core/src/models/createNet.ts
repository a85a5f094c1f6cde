import type { ModelSpec } from '../spec/types.js';
import { affineNet } from './affine.js';
import { mlpNet } from './mlpNet.js';
import type { Net } from './net.js';
import { polynomialFeatures } from './polynomialFeatures.js';

/** Builds the engine's Net for a model spec and an input width. */
export function createNet(model: ModelSpec, inputDim: number): Net {
  switch (model.kind) {
    case 'linear':
    case 'logistic':
      return affineNet(inputDim);
    case 'polynomial':
      return affineNet(model.degree, (x) => polynomialFeatures(x, model.degree));
    case 'mlp':
      return mlpNet(inputDim, model.hidden, model.activation);
  }
}
