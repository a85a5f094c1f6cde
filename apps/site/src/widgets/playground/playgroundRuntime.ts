// Everything heavy the playground needs (the engine, RxJS, Plot, the exports, the real tables'
// rows), loaded when the playground element is defined, never on page load.
import * as realTableRows from 'decaylab:real-table-rows';
import { provideRealTableRows } from '../_shared/realTableRows';

provideRealTableRows(realTableRows);

/** This module's type, for the parts the element hands it to (`import type` only: it loads lazily). */
export type PlaygroundRuntime = typeof import('./playgroundRuntime');

export {
  ExportError,
  encodeEvent,
  materialize,
  parseSpec,
  pytorchScript,
  SpecError,
  train,
} from '@decaylab/core';
export { Clock } from '../_shared/Clock';
export { CsvError, csvToData } from './csvData';
export { cliCommand, recordingText, specJson } from './exportTexts';
export { fieldProblems } from './fieldProblems';
export * as Plot from './playgroundPlot';
export { decodeSpecQuery, encodeSpecQuery } from './specQuery';
