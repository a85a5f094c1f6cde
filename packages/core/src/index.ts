export { blobs } from './data/blobs.js';
export { cubic, cubicTruth } from './data/cubic.js';
export { highdim } from './data/highdim.js';
export { line } from './data/line.js';
export { materialize } from './data/materialize.js';
export {
  type EndEvent,
  type EndReason,
  EVENT_VERSION,
  type LossValues,
  type ParamValues,
  type RunEvent,
  type RunStartEvent,
  type StepEvent,
} from './events.js';
export { linear, logistic, mlp, polynomial } from './models/factories.js';
export { paramShapes } from './models/paramShapes.js';
export { encodeEvent } from './ndjson/encodeEvent.js';
export { type FromNdjsonOptions, fromNdjson } from './ndjson/fromNdjson.js';
export {
  FULL_STEP_FIELDS,
  type ParseEventOptions,
  parseEvent,
  STEP_FIELDS,
  type StepField,
} from './ndjson/parseEvent.js';
export {
  type RecordingReader,
  type RecordingReaderOptions,
  recordingReader,
  TruncatedError,
} from './ndjson/recordingReader.js';
export { NotARecordingError, ReplayError } from './ndjson/replayError.js';
export { every } from './operators/every.js';
export { smooth } from './operators/smooth.js';
export { type RunSummary, summarize } from './operators/summarize.js';
export { adam } from './optim/adam.js';
export { adamw } from './optim/adamw.js';
export { sgd } from './optim/sgd.js';
export { type Rng, rng } from './random/rng.js';
export { ridgeSolution } from './ridgeSolution.js';
export { MAX_STEPS, parseSpec } from './spec/parseSpec.js';
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
export { type TrainOptions, train } from './train.js';
