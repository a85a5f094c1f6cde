// Everything heavy the playground needs (the engine, RxJS, Plot, the exports), loaded when the
// playground element is defined, never on page load.
export * as Plot from './playgroundPlot';
export {
  encodeEvent,
  ExportError,
  materialize,
  parseSpec,
  pytorchScript,
  SpecError,
  train,
} from '@decaylab/core';
export { Clock } from '../_shared/Clock';
export { csvToData, CsvError } from './csvData';
export { cliCommand, recordingText, specJson } from './exportTexts';
export { fieldProblems } from './fieldProblems';
export { decodeSpecQuery, encodeSpecQuery } from './specQuery';
