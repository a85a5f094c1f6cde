import type { RunSpec } from '@decaylab/core';
import { fmt } from '../text/fmt.js';

/** `polynomial(9) on line(n=20, nVal=100)`: the model and the data in a few words. */
export function describeModel(spec: RunSpec): string {
  const m = spec.model;
  const model =
    m.kind === 'polynomial'
      ? `polynomial(${m.degree})`
      : m.kind === 'mlp'
        ? `mlp[${m.hidden.join(',')}] ${m.activation}`
        : m.kind;
  const d = spec.data;
  const data =
    'train' in d
      ? `inline data (${d.train.y.length} rows${d.val ? `, ${d.val.y.length} val` : ''})`
      : d.kind === 'cars'
        ? `cars[${d.columns.join(',')} → mpg](nVal=${d.nVal})`
        : d.kind === 'penguins'
          ? `penguins[${d.columns.join(',')} → ${d.positive} vs ${d.negative}](nVal=${d.nVal})`
          : `${d.kind}(n=${d.n}, nVal=${d.nVal})`;
  return `${model} on ${data}`;
}

/** `sgd lr=0.1 weightDecay=1e-3 · l2 λ=0.01`: the optimizer and the decay, in a few words. */
export function describeDecay(spec: RunSpec): string {
  const o = spec.optimizer;
  const parts = [`${o.kind} lr=${fmt(o.lr)}`];
  if (o.kind === 'sgd' && o.momentum) parts.push(`momentum=${fmt(o.momentum)}`);
  parts.push(
    `λ weightDecay=${fmt(o.weightDecay)}${o.kind === 'adamw' ? ' (decoupled)' : o.weightDecay ? ' (coupled)' : ''}`,
  );
  if (spec.penalty)
    parts.push(
      `${spec.penalty.kind} penalty λ=${fmt(spec.penalty.lambda)} on ${spec.penalty.params.join(',')}`,
    );
  for (const g of spec.paramGroups) {
    parts.push(
      `group ${g.params.join(',')}: ${g.weightDecay !== undefined ? `weightDecay=${fmt(g.weightDecay)}` : ''}${g.lr !== undefined ? ` lr=${fmt(g.lr)}` : ''}`.trim(),
    );
  }
  return parts.join(' · ');
}
