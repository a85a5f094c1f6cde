import { take } from 'rxjs';
import { materialize } from '../data/materialize.js';
import type { RunStartEvent } from '../events.js';
import { parseSpec } from '../spec/parseSpec.js';
import { inputDimOf, isReal, rowsOf } from '../spec/readData.js';
import type { Dataset, ParamGroupSpec, RunSpec } from '../spec/types.js';
import { train } from '../train.js';
import { checkExportable } from './checkExportable.js';
import { epochOrders } from './epochOrders.js';
import { ExportError } from './exportError.js';
import { type PyValue, py, pyNumber, pythonLiteral } from './pythonLiteral.js';

/** Options for `pytorchScript`. */
export interface PytorchScriptOptions {
  /** The `decaylab run` command line the script's instructions compare against. */
  readonly command?: string;
  /** The most numbers the script may embed (data, initial parameters, batch order). */
  readonly maxValues?: number;
}

/** One resolved param group: the hyperparameters of each parameter's group. */
type Hyper = Required<Omit<ParamGroupSpec, 'params'>>;

const TORCH_CLASS = { sgd: 'SGD', adam: 'Adam', adamw: 'AdamW' } as const;

/** torch.optim's keyword for each decaylab hyperparameter, and torch's own default for it. */
const TORCH_KWARGS: Record<string, { kwarg: string; sgd?: unknown; adam?: unknown }> = {
  lr: { kwarg: 'lr' },
  momentum: { kwarg: 'momentum', sgd: 0 },
  dampening: { kwarg: 'dampening', sgd: 0 },
  nesterov: { kwarg: 'nesterov', sgd: false },
  betas: { kwarg: 'betas', adam: '0.9,0.999' },
  eps: { kwarg: 'eps', adam: 1e-8 },
  weightDecay: { kwarg: 'weight_decay' },
  amsgrad: { kwarg: 'amsgrad', adam: false },
  maximize: { kwarg: 'maximize', sgd: false, adam: false },
};

/** A section heading: `# ---- name ------…` to 88 columns. */
const rule = (name: string) => `# ---- ${name} `.padEnd(88, '-');

/**
 * A self-contained PyTorch script (float64, only `torch`) that reproduces a decaylab run: it
 * embeds the materialised data, the engine's initial parameters and minibatch order, builds the
 * model with the same parameter names, the optimizer with the same param groups and the penalty
 * added to the loss, trains, and prints the same RunEvent NDJSON as `decaylab run`, so that
 * `decaylab compare` shows the largest parameter difference per step. Browser-safe.
 *
 * Throws a `SpecError` for an invalid spec and an `ExportError` for a run PyTorch cannot express
 * (or one too large to embed).
 *
 * @example
 * const script = pytorchScript({
 *   data: { kind: 'line', n: 20 },
 *   model: { kind: 'linear' },
 *   optimizer: { kind: 'sgd', lr: 0.1, weightDecay: 0.1 },
 *   steps: 100,
 * });
 * // python3 run.py > torch.ndjson
 */
export function pytorchScript(spec: unknown, options: PytorchScriptOptions = {}): string {
  const { command = 'decaylab run spec.json', maxValues = 2_000_000 } = options;
  const parsed = parseSpec(spec);
  checkExportable(parsed);
  const batched = batching(parsed);
  const orderValues = batched ? batched.epochs * batched.rows : 0;
  const estimate = estimateValues(parsed) + orderValues;
  if (estimate > maxValues) throw tooLarge(estimate, maxValues);
  const start = runEvent(parsed);
  const data = materialize(parsed.data, parsed.seed);
  const total =
    orderValues +
    size(data.train) +
    (data.val ? size(data.val) : 0) +
    Object.values(start.params).reduce((s, p) => s + p.length, 0);
  if (total > maxValues) throw tooLarge(total, maxValues);

  const names = Object.keys(start.shapes);
  const groups = resolveGroups(parsed, names);
  const width = data.train.x[0]?.length ?? 0;
  return [
    header(parsed, command),
    dataSection(parsed, data.train, data.val),
    modelSection(parsed, width, start),
    lossSection(parsed),
    optimizerSection(parsed, groups),
    batchSection(parsed, batched),
    recordingSection(parsed, start, groups, data.val !== undefined),
    trainingSection(parsed, data.val !== undefined),
  ].join('\n\n\n');
}

/** The run's first event, from the engine itself: the initial parameters exactly as it draws them. */
function runEvent(spec: RunSpec): RunStartEvent {
  let start: RunStartEvent | undefined;
  let failure: unknown;
  train(spec)
    .pipe(take(1))
    .subscribe({
      next: (e) => {
        if (e.type === 'run') start = e;
      },
      error: (e) => {
        failure = e;
      },
    });
  if (failure !== undefined) throw failure;
  if (!start) throw new ExportError('cannot export: the engine emitted no run event');
  return start;
}

function size(d: Dataset): number {
  return d.y.length * ((d.x[0]?.length ?? 0) + 1);
}

/** Numbers the data will take, from the spec alone (so a huge run is refused before it is drawn). */
function estimateValues(spec: RunSpec): number {
  if ('train' in spec.data) return 0;
  const rows = rowsOf(spec.data);
  return (rows.train + rows.val) * (inputDimOf(spec.data) + 1);
}

function tooLarge(values: number, max: number): ExportError {
  return new ExportError(
    `cannot export: the script would embed ${values} numbers (data, initial parameters, batch order; at most ${max}): use fewer rows or steps`,
  );
}

/** Minibatching as the engine does it, or null for full-batch steps. */
function batching(
  spec: RunSpec,
): { size: number; perEpoch: number; epochs: number; rows: number } | null {
  const rows = rowsOf(spec.data).train;
  const bs = spec.batchSize;
  if (bs === null || bs >= rows) return null;
  const perEpoch = Math.ceil(rows / bs);
  return { size: bs, perEpoch, epochs: Math.ceil(spec.steps / perEpoch), rows };
}

/** Param groups as PyTorch and the engine resolve them: unlisted parameters first, with the optimizer's settings. */
function resolveGroups(
  spec: RunSpec,
  names: readonly string[],
): { params: string[]; hyper: Hyper; own: boolean }[] {
  const { kind: _kind, ...base } = spec.optimizer;
  const listed = new Set(spec.paramGroups.flatMap((g) => g.params));
  const rest = names.filter((n) => !listed.has(n));
  const out: { params: string[]; hyper: Hyper; own: boolean }[] = [];
  if (rest.length > 0) out.push({ params: rest, hyper: base as Hyper, own: false });
  for (const { params, ...h } of spec.paramGroups) {
    out.push({ params: [...params], hyper: { ...base, ...h } as Hyper, own: true });
  }
  return out;
}

function describeData(spec: RunSpec): string {
  if ('train' in spec.data) return 'given inline in the spec';
  const { kind, ...rest } = spec.data;
  const opts = Object.entries(rest)
    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(' ') : v}`)
    .join(', ');
  if (isReal(spec.data))
    return `the ${kind === 'cars' ? 'Auto MPG cars' : 'Palmer penguins'} table shipped with decaylab, split into training and validation rows by seed ${spec.seed} and standardized with the training rows' mean and std (data kind "${kind}": ${opts})`;
  return `drawn by decaylab from seed ${spec.seed} (data kind "${kind}": ${opts})`;
}

/** Text that is safe inside a Python docstring: JSON's escapes, which Python reads the same. */
function docText(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

function header(spec: RunSpec, command: string): string {
  const title = spec.name ? docText(spec.name) : 'A decaylab run';
  return `#!/usr/bin/env python3
"""${title}, reproduced in PyTorch.

Exported by \`decaylab export --to pytorch\`. It trains the same model on the same data from the
same initial parameters as \`decaylab run\`, in float64, and prints the same RunEvent NDJSON (one
JSON event per line), so that

    ${docText(command)} > run.ndjson
    python3 this_script.py > torch.ndjson
    decaylab compare run.ndjson torch.ndjson

shows the largest parameter difference at each step (rounding level). Needs only torch.
"""
import json
import math

import torch
import torch.nn.functional as F
from torch import nn

torch.set_default_dtype(torch.float64)  # decaylab computes in float64 too`;
}

/** Text as `# ` comment lines of at most 88 columns. */
function comment(text: string): string {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(' ')) {
    if (line.length > 1 && line.length + 1 + word.length > 88) {
      lines.push(line);
      line = '#';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

function tensor(name: string, value: PyValue): string {
  return `${name} = torch.tensor(${pythonLiteral(value, { floats: true })})`;
}

function dataSection(spec: RunSpec, trainSet: Dataset, val: Dataset | undefined): string {
  const rows = `${trainSet.y.length} training rows${val ? ` and ${val.y.length} validation rows` : ''}`;
  const lines = [
    `${rule('data')}`,
    comment(`${rows}, ${describeData(spec)}.`),
    tensor('X_train', trainSet.x),
    tensor('y_train', trainSet.y),
  ];
  if (val) lines.push(tensor('X_val', val.x), tensor('y_val', val.y));
  return lines.join('\n');
}

function shapeText(names: readonly string[], shapes: readonly (readonly number[])[]): string {
  return names.map((n, i) => `"${n}" [${(shapes[i] ?? []).join(', ')}]`).join(', ');
}

function modelSection(spec: RunSpec, width: number, start: RunStartEvent): string {
  const { model } = spec;
  let code: string;
  switch (model.kind) {
    case 'linear':
    case 'logistic': {
      const what =
        model.kind === 'linear'
          ? 'ŷ = x·wᵀ + b, one output per row'
          : 'The logit z = x·wᵀ + b of logistic regression (the loss applies the sigmoid)';
      code = `class Linear(nn.Linear):
    """${what}.
    Parameters ${shapeText(['weight', 'bias'], [[1, width], [1]])}."""

    def forward(self, x):
        return super().forward(x).squeeze(1)


model = Linear(${width}, 1)`;
      break;
    }
    case 'polynomial':
      code = `class Polynomial(nn.Linear):
    """ŷ = w₁x + w₂x² + … + w_d·x^d + b, on the first input column.
    Parameters "weight" [1, d] and "bias" [1]."""

    def __init__(self, degree):
        super().__init__(degree, 1)
        self.degree = degree

    def forward(self, x):
        powers = torch.cat([x[:, :1] ** k for k in range(1, self.degree + 1)], dim=1)
        return super().forward(powers).squeeze(1)


model = Polynomial(${model.degree})`;
      break;
    case 'mlp': {
      const sizes = [width, ...model.hidden, 1];
      const names = sizes.slice(1).flatMap((_, i) => [`${i}.weight`, `${i}.bias`]);
      code = `class MLP(nn.ModuleList):
    """Dense layers ${sizes.join(' → ')} with ${model.activation} between them.
    Parameters ${names.join(', ')}: the names decaylab uses."""

    def __init__(self, sizes):
        super().__init__(nn.Linear(n_in, n_out) for n_in, n_out in zip(sizes, sizes[1:]))

    def forward(self, x):
        *hidden, last = self
        for layer in hidden:
            x = torch.${model.activation}(layer(x))
        return last(x).squeeze(1)


model = MLP(${pythonLiteral(sizes)})`;
      break;
    }
    default:
      throw new ExportError(
        `cannot export model.kind ${JSON.stringify((model as { kind: string }).kind)} to PyTorch`,
      );
  }
  const init = describeInit(spec);
  return `${rule('model')}
${code}
params = dict(model.named_parameters())

${comment(`The initial parameters decaylab starts from (${init}), copied in over PyTorch's own random initialization so that both runs start at the same point.`)}
INIT = ${pythonLiteral(start.params as PyValue, { floats: true })}
with torch.no_grad():
    for name, p in params.items():
        p.copy_(torch.tensor(INIT[name]).reshape(p.shape))`;
}

function describeInit(spec: RunSpec): string {
  const { init } = spec;
  if (init.kind === 'zeros') return 'init: zeros';
  if (init.kind === 'normal') {
    const { std, bias } = init as { std: number; bias: string };
    return `init: normal, std ${std}, biases ${bias}, from seed ${spec.seed}`;
  }
  return 'given inline in the spec';
}

function lossSection(spec: RunSpec): string {
  const loss =
    spec.loss === 'mse'
      ? `def data_loss(prediction, y):
    """L0: the mean squared error."""
    return F.mse_loss(prediction, y)`
      : `def data_loss(logits, y):
    """L0: binary cross-entropy on logits (the mean over rows)."""
    return F.binary_cross_entropy_with_logits(logits, y)`;
  const pen = spec.penalty;
  if (!pen) return `${rule('loss')}\n${loss}`;
  const list = pythonLiteral(pen.params as PyValue);
  const term =
    pen.kind === 'l2'
      ? { formula: 'λ/2·Σθ²', grad: 'λθ', code: `(params[name] ** 2).sum()` }
      : { formula: 'λ·Σ|θ|', grad: 'λ·sign(θ)', code: `params[name].abs().sum()` };
  const sum =
    pen.params.length === 0 ? 'torch.tensor(0.0)' : `sum(${term.code} for name in PENALIZED)`;
  const value = pen.kind === 'l2' ? `LAMBDA / 2 * ${sum}` : `LAMBDA * ${sum}`;
  const note =
    pen.kind === 'l2'
      ? "Its gradient λθ is the same pull as SGD's weight_decay = λ; with Adam it is not AdamW's decoupled decay."
      : 'Its gradient λ·sign(θ) pulls every weight toward 0 by the same amount, whatever its size: small weights end up chattering within about lr·λ of 0 (a step crosses 0 rather than stopping on it; a proximal or clipped update is what lands weights exactly on 0).';
  return `${rule('loss')}
${loss}


${comment(`Weight decay as a penalty added to the loss: L = L0 + ${term.formula} over ${pen.params.join(', ') || 'no parameters'}. ${note}`)}
LAMBDA = ${pyNumber(pen.lambda)}
PENALIZED = ${list}


def penalty():
    """The penalty term ${term.formula}; autograd gives its gradient ${term.grad}."""
    return ${value}`;
}

const DECAY_NOTE = {
  sgd: `# Weight decay in the optimizer: SGD's weight_decay is coupled, it adds weight_decay·θ to the
# gradient (before momentum), the same pull as an L2 penalty with λ = weight_decay.`,
  adam: `# Weight decay in the optimizer: Adam's weight_decay is coupled, it adds weight_decay·θ to the
# gradient, which then goes through the adaptive denominator (unlike AdamW's).`,
  adamw: `# Weight decay in the optimizer: AdamW's weight_decay is decoupled, each step first shrinks
# θ ← θ·(1 − lr·weight_decay), untouched by the adaptive denominator, then takes the Adam step.`,
} as const;

function kwargValue(key: string, value: unknown): string {
  if (key === 'betas') {
    const [a, b] = value as [number, number];
    return `(${pyNumber(a)}, ${pyNumber(b)})`;
  }
  return pythonLiteral(value as PyValue);
}

function isTorchDefault(kind: 'sgd' | 'adam', key: string, value: unknown): boolean {
  const d = TORCH_KWARGS[key]?.[kind];
  if (d === undefined) return false;
  return key === 'betas' ? String(value) === d : value === d;
}

function optimizerSection(
  spec: RunSpec,
  groups: { params: string[]; hyper: Hyper; own: boolean }[],
): string {
  const { optimizer } = spec;
  const family = optimizer.kind === 'sgd' ? 'sgd' : 'adam';
  const { kind, ...base } = optimizer;
  const kwargs = Object.entries(base)
    .filter(([k, v]) => k === 'lr' || k === 'weightDecay' || !isTorchDefault(family, k, v))
    .map(([k, v]) => `    ${TORCH_KWARGS[k]?.kwarg ?? k}=${kwargValue(k, v)},`);
  const cls = `torch.optim.${TORCH_CLASS[kind]}`;
  let first: string;
  if (spec.paramGroups.length === 0) first = '    model.parameters(),';
  else {
    const lines = groups.map(({ params, hyper, own }) => {
      const ps = `"params": [${params.map((p) => `params["${p}"]`).join(', ')}]`;
      const overrides = own
        ? Object.entries(hyper)
            .filter(([k, v]) => String(v) !== String((base as Record<string, unknown>)[k]))
            .map(([k, v]) => `, "${TORCH_KWARGS[k]?.kwarg ?? k}": ${kwargValue(k, v)}`)
        : [];
      const note = own ? '' : '  # every other parameter: the settings below';
      return `        {${ps}${overrides.join('')}},${note}`;
    });
    first = `    [\n${lines.join('\n')}\n    ],`;
  }
  return `${rule('optimizer')}
${DECAY_NOTE[kind]}
optimizer = ${cls}(
${first}
${kwargs.join('\n')}
)`;
}

function batchSection(
  spec: RunSpec,
  b: { size: number; perEpoch: number; epochs: number; rows: number } | null,
): string {
  if (!b) {
    return `${rule('batches')}
def batch(step):
    """Full batch: every step trains on all the training rows (and its epoch is the step)."""
    return X_train, y_train, step`;
  }
  const orders = epochOrders(spec.seed, b.rows, b.epochs);
  return `${rule('batches')}
${comment(`Minibatches of ${b.size} rows in decaylab's order: the engine shuffles the ${b.rows} training rows once per epoch with a generator seeded by the run's seed; here is that order, one list per epoch (${b.perEpoch} batches an epoch, the last one shorter when ${b.size} does not divide ${b.rows}).`)}
BATCH_SIZE = ${b.size}
BATCHES_PER_EPOCH = ${b.perEpoch}
EPOCH_ORDER = ${pythonLiteral(orders)}


def batch(step):
    """The training rows of a 1-based step, and its 1-based epoch."""
    epoch, k = divmod(step - 1, BATCHES_PER_EPOCH)
    rows = EPOCH_ORDER[epoch][k * BATCH_SIZE : (k + 1) * BATCH_SIZE]
    return X_train[rows], y_train[rows], epoch + 1`;
}

/** The spec as a Python literal, with inline data and init pointing at the script's tensors. */
function specLiteral(spec: RunSpec, hasVal: boolean): string {
  const out: Record<string, PyValue> = { ...(spec as unknown as Record<string, PyValue>) };
  if ('train' in spec.data) {
    const set = (s: string) => py(`{"x": X_${s}.tolist(), "y": y_${s}.tolist()}`);
    out.data = hasVal ? { train: set('train'), val: set('val') } : { train: set('train') };
  }
  if (spec.init.kind !== 'normal' && spec.init.kind !== 'zeros') out.init = py('INIT');
  return pythonLiteral(out);
}

/** The Python lines of decay_terms: per parameter (in order), its decayGrad and decoupledDecay. */
function decayLines(
  spec: RunSpec,
  names: readonly string[],
  hyperOf: ReadonlyMap<string, Hyper>,
): { coupled: string[]; decoupled: string[] } {
  const pen = spec.penalty;
  const decoupledKind = spec.optimizer.kind === 'adamw';
  const coupled: string[] = [];
  const decoupled: string[] = [];
  for (const p of names) {
    const h = hyperOf.get(p);
    if (!h) continue;
    const b = `before["${p}"]`;
    const penalized = pen !== null && pen.lambda !== 0 && pen.params.includes(p);
    const wd = !decoupledKind && h.weightDecay !== 0;
    if (penalized || wd) {
      const terms: string[] = [];
      const notes: string[] = [];
      if (penalized && pen) {
        terms.push(pen.kind === 'l2' ? `LAMBDA * ${b}` : `LAMBDA * torch.sign(${b})`);
        notes.push(pen.kind === 'l2' ? 'the penalty: λθ' : 'the penalty: λ·sign(θ)');
      }
      if (wd) {
        terms.push(`${pyNumber(h.weightDecay)} * ${b}`);
        notes.push('weight_decay·θ');
      }
      coupled.push(`        "${p}": ${terms.join(' + ')},  # ${notes.join(' + ')}`);
    }
    if (decoupledKind && h.weightDecay !== 0) {
      decoupled.push(
        `        "${p}": ${pyNumber(h.lr)} * ${pyNumber(h.weightDecay)} * ${b},  # lr·weight_decay·θ`,
      );
    }
  }
  return { coupled, decoupled };
}

function recordingSection(
  spec: RunSpec,
  start: RunStartEvent,
  groups: { params: string[]; hyper: Hyper }[],
  hasVal: boolean,
): string {
  const hyperOf = new Map(groups.flatMap((g) => g.params.map((p) => [p, g.hyper] as const)));
  const { coupled, decoupled } = decayLines(spec, Object.keys(start.shapes), hyperOf);
  const dict = (lines: string[]) => (lines.length ? `{\n${lines.join('\n')}\n    }` : '{}');
  const terms = [`"decayGrad": values_of(decay_grad)`];
  if (decoupled.length) terms.push(`"decoupledDecay": values_of(decoupled)`);
  return `${rule('recording')}
# The same RunEvent NDJSON as \`decaylab run\` (decaylab's docs/reference/events.md).
SPEC = ${specLiteral(spec, hasVal)}
SHAPES = ${pythonLiteral(start.shapes as PyValue)}


def plain(x):
    """A value with floats as JavaScript's JSON writes them: 1, not 1.0; null for ±inf, NaN."""
    if isinstance(x, float):
        if not math.isfinite(x):
            return None
        return int(x) if x.is_integer() and abs(x) < 1e21 else x
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, list):
        return [plain(v) for v in x]
    return x


def emit(event):
    print(json.dumps(plain(event), separators=(",", ":"), allow_nan=False))


def values_of(tensors):
    """Each tensor as a flat list, in PyTorch's (row-major) layout."""
    return {name: t.detach().reshape(-1).tolist() for name, t in tensors.items()}


def decay_terms(before):
    """What weight decay adds this step, from θ before it: the event's decayGrad (the penalty's
    gradient plus coupled weight_decay·θ) and, for AdamW, decoupledDecay (lr·weight_decay·θ)."""
    decay_grad = ${dict(coupled)}
${decoupled.length ? `    decoupled = ${dict(decoupled)}\n` : ''}    return {${terms.join(', ')}}`;
}

function trainingSection(spec: RunSpec, hasVal: boolean): string {
  const pen = spec.penalty !== null;
  const where =
    spec.optimizer.kind === 'adamw'
      ? 'θ ← θ·(1 − lr·weight_decay), then the Adam step'
      : spec.optimizer.kind === 'adam'
        ? 'Adam on p.grad + weight_decay·θ'
        : 'θ ← θ − lr·(p.grad + weight_decay·θ), with momentum if any';
  const lossLines = pen
    ? `    loss = data_loss(model(X), y)  # L0 on this step's rows
    reg = penalty()  # weight decay as a loss term
    total = loss.item() + reg.item()
    if not math.isfinite(total):
        end = diverged(step)
        break
    loss.backward()  # p.grad = ∂L0/∂θ
    grad = values_of({name: p.grad for name, p in params.items()})
    reg.backward()  # p.grad += the penalty's gradient`
    : `    loss = data_loss(model(X), y)  # L0 on this step's rows
    total = loss.item()
    if not math.isfinite(total):
        end = diverged(step)
        break
    loss.backward()  # p.grad = ∂L0/∂θ
    grad = values_of({name: p.grad for name, p in params.items()})`;
  const valLines = hasVal
    ? `    with torch.no_grad():
        val_loss = data_loss(model(X_val), y_val).item()
    finite = all(bool(torch.isfinite(p).all()) for p in params.values()) and math.isfinite(val_loss)`
    : `    finite = all(bool(torch.isfinite(p).all()) for p in params.values())`;
  return `${rule('training')}
def diverged(step):
    return {"type": "end", "reason": "diverged", "steps": step - 1, "step": step}


emit({"type": "run", "version": 1, "spec": SPEC, "shapes": SHAPES, "params": values_of(params)})
end = {"type": "end", "reason": "completed", "steps": ${spec.steps}}
for step in range(1, ${spec.steps} + 1):
    X, y, epoch = batch(step)
    before = {name: p.detach().clone() for name, p in params.items()}

    optimizer.zero_grad()
${lossLines}
    optimizer.step()  # weight_decay enters here: ${where}

${valLines}
    if not finite:
        end = diverged(step)
        break
    emit(
        {
            "type": "step",
            "step": step,
            "epoch": epoch,
            "lr": optimizer.defaults["lr"],
            "loss": {"data": loss.item(), "penalty": ${pen ? 'reg.item()' : '0'}, "total": total},
            "grad": grad,
            **decay_terms(before),
            "params": values_of(params),${hasVal ? '\n            "val": {"loss": val_loss},' : ''}
            "norms": {name: (p**2).sum().sqrt().item() for name, p in params.items()},
        }
    )
emit(end)
`;
}
