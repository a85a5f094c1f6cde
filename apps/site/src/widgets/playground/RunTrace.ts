import type { EndEvent, InlineData, ParamValues, RunEvent, RunSpec } from '@decaylab/core';

/** A parameter group as the charts show it: its parameters' names, joined as its label. */
export interface GroupInfo {
  readonly label: string;
  readonly params: readonly string[];
}

/** A loss point: the total training loss before the step, the validation loss after it. */
export interface LossPoint {
  readonly step: number;
  readonly train: number;
  readonly val?: number;
}

/** A per-group value at a step (the weight norm, or the decay pull). */
export interface GroupPoint {
  readonly step: number;
  readonly group: string;
  readonly value: number;
}

/**
 * The parameter groups of a normalized spec, as PyTorch forms them: one per `paramGroups`
 * entry, after the group of every parameter no entry lists (the optimizer's own settings).
 *
 * @example
 * paramGroupsOf(spec, ['weight', 'bias']) // [{ label: 'weight', … }, { label: 'bias', … }]
 */
export function paramGroupsOf(spec: RunSpec, names: readonly string[]): GroupInfo[] {
  const listed = new Set(spec.paramGroups.flatMap((g) => g.params));
  const rest = names.filter((n) => !listed.has(n));
  return [rest, ...spec.paramGroups.map((g) => g.params)]
    .filter((params) => params.length > 0)
    .map((params) => ({ label: params.join(', '), params }));
}

/** True for a weight (not a bias) parameter: `weight`, `0.weight`, … */
export const isWeight = (name: string) => /(^|\.)weight$/.test(name);

/**
 * What the playground draws of one run, gathered from its events (DOM-free): the losses, each
 * parameter group's norm ‖θ_g‖ and decay pull, and the latest parameters. The decay pull of a
 * group is ‖what weight decay and the penalty add to its gradient‖ (`decayGrad`), plus, for
 * AdamW's decoupled decay, the shrink per unit of learning rate (`decoupledDecay / lr` = λθ),
 * so both read in gradient units.
 *
 * @example
 * const trace = new RunTrace();
 * train(spec).subscribe((e) => trace.add(e));
 * trace.loss.at(-1)?.train
 */
export class RunTrace {
  spec: RunSpec | undefined;
  groups: GroupInfo[] = [];
  readonly loss: LossPoint[] = [];
  readonly norms: GroupPoint[] = [];
  readonly pulls: GroupPoint[] = [];
  /** θ after the latest step (the initial θ before the first one). */
  params: ParamValues | undefined;
  /** The latest step reported. */
  step = 0;
  end: EndEvent | undefined;
  /** The run's rows (materialized by the caller from the `run` event's spec), for the charts. */
  data: InlineData | undefined;
  private lr: Record<string, number> = {};

  add(event: RunEvent): void {
    if (event.type === 'run') {
      this.spec = event.spec;
      this.groups = paramGroupsOf(event.spec, Object.keys(event.shapes));
      this.params = event.params;
      for (const name of Object.keys(event.shapes))
        this.lr[name] = event.paramHyper?.[name]?.lr ?? event.spec.optimizer.lr;
      return;
    }
    if (event.type === 'end') {
      this.end = event;
      return;
    }
    this.step = event.step;
    this.params = event.params;
    this.loss.push({
      step: event.step,
      train: event.loss.total,
      ...(event.val ? { val: event.val.loss } : {}),
    });
    for (const group of this.groups) {
      let norm2 = 0;
      let pull2 = 0;
      for (const name of group.params) {
        norm2 += (event.norms[name] ?? 0) ** 2;
        for (const v of event.decayGrad[name] ?? []) pull2 += v * v;
        const lr = this.lr[name] ?? 1;
        for (const v of event.decoupledDecay?.[name] ?? []) pull2 += (v / lr) ** 2;
      }
      this.norms.push({ step: event.step, group: group.label, value: Math.sqrt(norm2) });
      this.pulls.push({ step: event.step, group: group.label, value: Math.sqrt(pull2) });
    }
  }

  /** Every weight value (biases left out) of the latest parameters. */
  weights(): number[] {
    return Object.entries(this.params ?? {})
      .filter(([name]) => isWeight(name))
      .flatMap(([, values]) => [...values]);
  }
}
