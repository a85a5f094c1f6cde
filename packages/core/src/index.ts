export { train, type TrainOptions } from './train.js';
export { parseSpec, MAX_STEPS } from './spec/parseSpec.js';
export { SpecError, type SpecIssue } from './spec/specError.js';
export type {
  Activation,
  AdamSpec,
  BlobsData,
  DataSpec,
  Dataset,
  GeneratedData,
  HighdimData,
  InitSpec,
  InlineData,
  Json,
  LineData,
  LossKind,
  ModelSpec,
  OptimizerSpec,
  ParamGroupSpec,
  PenaltySpec,
  PolynomialData,
  RunSpec,
  SgdSpec,
} from './spec/types.js';
export {
  EVENT_VERSION,
  type EndEvent,
  type EndReason,
  type LossValues,
  type ParamValues,
  type RunEvent,
  type RunStartEvent,
  type StepEvent,
} from './events.js';
export { sgd } from './optim/sgd.js';
export { adam } from './optim/adam.js';
export { adamw } from './optim/adamw.js';
export { linear, logistic, mlp, polynomial } from './models/factories.js';
export { paramShapes } from './models/paramShapes.js';
export { line } from './data/line.js';
export { cubic, cubicTruth } from './data/cubic.js';
export { highdim } from './data/highdim.js';
export { blobs } from './data/blobs.js';
export { materialize } from './data/materialize.js';
export { rng, type Rng } from './random/rng.js';
export { every } from './operators/every.js';
export { smooth } from './operators/smooth.js';
export { summarize, type RunSummary } from './operators/summarize.js';
export { encodeEvent } from './ndjson/encodeEvent.js';
export { parseEvent } from './ndjson/parseEvent.js';
export { fromNdjson, type FromNdjsonOptions } from './ndjson/fromNdjson.js';
export { ReplayError } from './ndjson/replayError.js';
export { ridgeSolution } from './ridgeSolution.js';
