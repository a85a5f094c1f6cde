import { type InlineData, splitTable } from '@decaylab/core';

/** The most data rows a pasted CSV may have (the engine would take more; a text box should not). */
export const MAX_CSV_ROWS = 10_000;
/** The most columns a pasted CSV may have, the target included. */
export const MAX_CSV_COLUMNS = 64;

/** What can be wrong with a pasted CSV: the key of its message (`playground.csv.<problem>`). */
export type CsvProblem =
  | 'tooManyColumns'
  | 'oneColumn'
  | 'columnCount'
  | 'tooManyRows'
  | 'emptyCell'
  | 'notANumber'
  | 'notFinite'
  | 'headerOnly'
  | 'noRows'
  | 'nVal';

/** The values a problem's message names. */
export type CsvParams = Readonly<Record<string, string | number>>;

/**
 * English text of each problem, for `CsvError.message` (logs, tests, the library's language).
 * The page shows the reader's language instead: `playground.csv.<problem>` from its catalogue,
 * with the same params.
 */
const ENGLISH: Record<CsvProblem, (p: CsvParams) => string> = {
  tooManyColumns: (p) => `${p.count} columns (at most ${p.max})`,
  oneColumn: () => '1 column (expected at least 2: the inputs, then the target y last)',
  columnCount: (p) =>
    `${p.count} column${p.count === 1 ? '' : 's'} (expected ${p.expected}, as on line ${p.firstLine})`,
  tooManyRows: (p) => `more than ${p.max} rows (at most ${p.max})`,
  emptyCell: () => 'empty (expected a number)',
  notANumber: (p) => `${p.cell} is not a number`,
  notFinite: (p) => `${p.cell} is not a finite number`,
  headerOnly: () => 'a header but no rows of numbers',
  noRows: () => 'no rows of numbers (paste a table: inputs, then the target)',
  nVal: (p) =>
    `invalid nVal: ${p.nVal} (expected a fraction in [0, 1) or a whole number of rows below ${p.rows}, so that one row trains)`,
};

/**
 * A pasted CSV that cannot be read: `line` (1-based, counting every line of the text, blank and
 * comment lines too) and `column` (1-based) say where, when the problem is in one place;
 * `problem` and `params` say what, for a translated message. `message` is English, like
 * `parseSpec`'s, and starts with the place: `line 4, column 2: "abc" is not a number`.
 *
 * @example
 * try { csvToData('x,y\n1,2\n3') } catch (e) { if (e instanceof CsvError) e.line } // 3
 */
export class CsvError extends Error {
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly problem: CsvProblem;
  readonly params: CsvParams;

  constructor(
    problem: CsvProblem,
    params: CsvParams = {},
    { line, column }: { line?: number; column?: number } = {},
  ) {
    const where =
      line === undefined ? '' : `line ${line}${column === undefined ? '' : `, column ${column}`}: `;
    super(where + ENGLISH[problem](params));
    this.name = 'CsvError';
    this.line = line;
    this.column = column;
    this.problem = problem;
    this.params = params;
  }
}

/** Options for `csvToData`. */
export interface CsvDataOptions {
  /**
   * Rows held out for validation: below 1 a fraction of the rows (rounded to the nearest row),
   * from 1 up a whole number of rows. Default 0.2 (a fifth). At least one row always trains.
   */
  readonly nVal?: number;
  /** Seeds the shuffle that splits the rows (default 0). */
  readonly seed?: number;
}

/** What `csvToData` read: the data, whether the target is a 0/1 label, and the column names. */
export interface CsvData {
  readonly data: InlineData;
  /** `classification` when every target is 0 or 1 and both occur, else `regression`. */
  readonly task: 'regression' | 'classification';
  /** Every column's name, the target last: the header's, or `x1, x2, …, y` without a header. */
  readonly columns: string[];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The delimiter of a line: tab, then semicolon, then comma, else runs of spaces. */
function delimiterOf(line: string): string | RegExp {
  if (line.includes('\t')) return '\t';
  if (line.includes(';')) return ';';
  if (line.includes(',')) return ',';
  return / +/;
}

function cellsOf(line: string, delimiter: string | RegExp): string[] {
  return line.split(delimiter).map((cell) => {
    const t = cell.trim();
    return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).trim() : t;
  });
}

/** A cell as a number (a decimal comma is read when `;` separates the cells), or undefined. */
function numberOf(cell: string, delimiter: string | RegExp): number | undefined {
  const text = delimiter === ';' ? cell.replace(/^([+-]?\d*),(\d)/, '$1.$2') : cell;
  return NUMBER.test(text) ? Number(text) : undefined;
}

/**
 * Reads a pasted table of numbers into inline data for a RunSpec: one row per line, cells
 * separated by tabs, semicolons or commas (the first data line decides; failing all three, by
 * spaces), the **last column the target y** and the others the inputs. A first line with a cell
 * that is not a number is the header; blank lines and `#` comments (to the end of a line) are
 * skipped; a cell may be quoted (`"1.5"`); with `;` a decimal comma is read (`1,5`). At most
 * `MAX_CSV_ROWS` (10,000) rows and `MAX_CSV_COLUMNS` (64) columns. The rows are split into
 * training and validation with a shuffle seeded by `seed`, and standardized by the training
 * rows' mean and standard deviation, inputs always and the target for regression (core's
 * `splitTable`, the same rule as the `cars` and `penguins` tables). Throws a `CsvError` naming the
 * line and column (messages are English, like `parseSpec`'s).
 *
 * @example
 * const { data, task, columns } = csvToData('horsepower,mpg\n130,18\n165,15\n150,18\n95,24', { nVal: 1 });
 * // task 'regression', columns ['horsepower', 'mpg'], 3 training rows, 1 validation row
 */
export function csvToData(text: string, { nVal = 0.2, seed = 0 }: CsvDataOptions = {}): CsvData {
  const lines = text.split(/\r\n|\r|\n/);
  let delimiter: string | RegExp | undefined;
  let header: string[] | undefined;
  let width = 0;
  let firstLine = 0;
  const x: number[][] = [];
  const y: number[] = [];
  lines.forEach((raw, i) => {
    const line = i + 1;
    const content = raw.replace(/#.*/, '').trim();
    if (content === '') return;
    if (delimiter === undefined) {
      delimiter = delimiterOf(content);
      const cells = cellsOf(content, delimiter);
      width = cells.length;
      firstLine = line;
      if (width > MAX_CSV_COLUMNS)
        throw new CsvError('tooManyColumns', { count: width, max: MAX_CSV_COLUMNS }, { line });
      if (width < 2) throw new CsvError('oneColumn', {}, { line });
      if (cells.some((c) => numberOf(c, delimiter as string | RegExp) === undefined)) {
        header = cells;
        return;
      }
    }
    const cells = cellsOf(content, delimiter);
    if (cells.length !== width)
      throw new CsvError(
        'columnCount',
        { count: cells.length, expected: width, firstLine },
        { line },
      );
    if (y.length === MAX_CSV_ROWS)
      throw new CsvError('tooManyRows', { max: MAX_CSV_ROWS }, { line });
    const row = cells.map((cell, j) => {
      const v = numberOf(cell, delimiter as string | RegExp);
      if (v === undefined || !Number.isFinite(v))
        throw new CsvError(
          cell === '' ? 'emptyCell' : v === undefined ? 'notANumber' : 'notFinite',
          { cell: JSON.stringify(cell.length > 40 ? `${cell.slice(0, 40)}…` : cell) },
          { line, column: j + 1 },
        );
      return v;
    });
    y.push(row.pop() as number);
    x.push(row);
  });
  if (y.length === 0) throw new CsvError(header ? 'headerOnly' : 'noRows');
  const held = nVal < 1 ? Math.min(Math.round(nVal * y.length), y.length - 1) : nVal;
  if (!(nVal >= 0) || !Number.isInteger(held) || held >= y.length)
    throw new CsvError('nVal', { nVal, rows: y.length });
  const task =
    y.every((v) => v === 0 || v === 1) && y.includes(0) && y.includes(1)
      ? 'classification'
      : 'regression';
  const columns =
    header ?? Array.from({ length: width }, (_, j) => (j === width - 1 ? 'y' : `x${j + 1}`));
  return {
    data: splitTable(x, y, { nVal: held, seed, standardizeTarget: task === 'regression' }),
    task,
    columns,
  };
}
