import type { MessageKey } from '../../i18n/en';
import type { Translate } from '../../i18n/t';
import type { CsvError, CsvProblem } from './csvData';

/** The catalogue key of each CSV problem (written out: the browser's catalogue keeps literals). */
const KEYS: Record<CsvProblem, MessageKey> = {
  tooManyColumns: 'playground.csv.tooManyColumns',
  oneColumn: 'playground.csv.oneColumn',
  columnCount: 'playground.csv.columnCount',
  tooManyRows: 'playground.csv.tooManyRows',
  emptyCell: 'playground.csv.emptyCell',
  notANumber: 'playground.csv.notANumber',
  notFinite: 'playground.csv.notFinite',
  headerOnly: 'playground.csv.headerOnly',
  noRows: 'playground.csv.noRows',
  nVal: 'playground.csv.nVal',
};

/**
 * A pasted CSV's problem in the page's language, with its place (`line 4, column 2: …`).
 *
 * @example
 * csvMessage(error, t) // '第 4 行第 2 列：abc 不是数字'
 */
export function csvMessage(error: CsvError, t: Translate): string {
  const problem = t(KEYS[error.problem], error.params);
  if (error.line === undefined) return problem;
  if (error.column === undefined) return t('playground.csvAtLine', { line: error.line, problem });
  return t('playground.csvAt', { line: error.line, column: error.column, problem });
}
