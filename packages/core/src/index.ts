export { blobs } from './data/blobs.js';
export { type CarsOptions, cars } from './data/cars.js';
export { cubic, cubicTruth } from './data/cubic.js';
export { highdim } from './data/highdim.js';
export { line } from './data/line.js';
export { materialize } from './data/materialize.js';
export { type PenguinsOptions, penguins } from './data/penguins.js';
export { CARS_COLUMNS, PENGUIN_SPECIES, PENGUINS_COLUMNS } from './data/realTableFacts.js';
export { type SplitOptions, splitTable } from './data/splitTable.js';
export {
  type EndEvent,
  type EndReason,
  EVENT_VERSION,
  type LossValues,
  type ParamHyper,
  type ParamValues,
  type RunEvent,
  type RunStartEvent,
  type StepEvent,
} from './events.js';
export { ExportError } from './export/exportError.js';
export { type PytorchScriptOptions, pytorchScript } from './export/pytorchScript.js';
export { exp } from './math/exp.js';
export { pow } from './math/pow.js';
export { tanh } from './math/tanh.js';
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
export {
  ADAM_DEFAULTS,
  ADAMW_DEFAULTS,
  DATA_DEFAULTS,
  GENERATED_KINDS,
  INIT_DEFAULTS,
  MLP_DEFAULTS,
  REAL_KINDS,
  SGD_DEFAULTS,
  SPEC_DEFAULTS,
} from './spec/defaults.js';
export {
  MAX_DEGREE,
  MAX_HIDDEN_LAYERS,
  MAX_HIDDEN_WIDTH,
  MAX_ROWS,
  MAX_STEPS,
} from './spec/limits.js';
export {
  MEMORY_BUDGET,
  type MemoryEstimate,
  type MemoryPart,
  memoryEstimate,
} from './spec/memoryEstimate.js';
export { parseSpec } from './spec/parseSpec.js';
export { runSpecSchema } from './spec/runSpecSchema.js';
export { SpecError, type SpecIssue } from './spec/specError.js';
export type {
  Activation,
  AdamSpec,
  BlobsData,
  CarsColumn,
  CarsData,
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
  PenguinSpecies,
  PenguinsColumn,
  PenguinsData,
  PolynomialData,
  RealData,
  RunSpec,
  SgdSpec,
} from './spec/types.js';
export { type TrainOptions, train } from './train.js';
