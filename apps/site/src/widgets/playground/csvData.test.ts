import { parseSpec, splitTable } from '@decaylab/core';
import { describe, expect, it } from 'vitest';
import { CsvError, csvToData, MAX_CSV_COLUMNS, MAX_CSV_ROWS } from './csvData';

/** The CsvError `f` throws (fails the test when it throws nothing or something else). */
function csvError(f: () => unknown): CsvError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(CsvError);
    return error as CsvError;
  }
  throw new Error('expected a CsvError');
}

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const mean = (v: readonly number[]) => v.reduce((s, a) => s + a, 0) / v.length;
const std = (v: readonly number[]) => Math.sqrt(mean(v.map((a) => (a - mean(v)) ** 2)));

const cars = `horsepower,weight,mpg
130,3504,18
165,3693,15
150,3436,18
150,3433,16
140,3449,17
198,4341,15
220,4354,14
215,4312,14
225,4425,14
190,3850,15
`;

describe('csvToData', () => {
  it('reads a header, inputs and the target last, split by the seed', () => {
    const { data, task, columns } = csvToData(cars, { nVal: 0.2, seed: 3 });
    expect(columns).toEqual(['horsepower', 'weight', 'mpg']);
    expect(task).toBe('regression');
    expect(data.train.x).toHaveLength(8);
    expect(data.val?.x).toHaveLength(2);
    expect(data.train.x[0]).toHaveLength(2);
    // splitTable's rule, on the numbers as read: inputs and target standardized by the train rows.
    const rows = cars
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',').map(Number));
    expect(data).toStrictEqual(
      splitTable(
        rows.map((r) => r.slice(0, 2)),
        rows.map((r) => r[2] as number),
        { nVal: 2, seed: 3, standardizeTarget: true },
      ),
    );
    for (let j = 0; j < 2; j++) {
      const column = data.train.x.map((r) => r[j] as number);
      expect(mean(column)).toBeCloseTo(0, 12);
      expect(std(column)).toBeCloseTo(1, 12);
    }
    expect(mean(data.train.y)).toBeCloseTo(0, 12);
  });

  it('is deterministic under the seed, and different seeds split differently', () => {
    expect(csvToData(cars, { seed: 7 })).toStrictEqual(csvToData(cars, { seed: 7 }));
    const splits = new Set(
      Array.from({ length: 20 }, (_, seed) => JSON.stringify(csvToData(cars, { seed }).data.val)),
    );
    expect(splits.size).toBeGreaterThan(10);
  });

  it('holds out a fraction (rounded) or a count of rows; one row always trains', () => {
    const rows = (nVal: number) => csvToData(cars, { nVal }).data.val?.x.length ?? 0;
    expect(rows(0)).toBe(0);
    expect(csvToData(cars, { nVal: 0 }).data.val).toBeUndefined();
    expect(rows(0.2)).toBe(2);
    expect(rows(0.25)).toBe(3); // 2.5 rounds up
    expect(rows(0.99)).toBe(9); // clamped: one row trains
    expect(rows(1)).toBe(1);
    expect(rows(9)).toBe(9);
    expect(csvToData('1,2\n3,4').data.val).toBeUndefined(); // 0.2 of 2 rows rounds to 0
    for (const nVal of [10, 11, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const e = csvError(() => csvToData(cars, { nVal }));
      expect(e.line).toBeUndefined();
      expect(e.message).toBe(
        `invalid nVal: ${nVal} (expected a fraction in [0, 1) or a whole number of rows below 10, so that one row trains)`,
      );
    }
  });

  it('reads tabs, semicolons (with decimal commas), spaces, quotes, CRLF, comments and blank lines', () => {
    const expected = csvToData('a,b,c\n1.5,2,0\n3,-4e-1,1\n5,6,1\n', { nVal: 0 });
    expect(expected.columns).toEqual(['a', 'b', 'c']);
    for (const text of [
      'a\tb\tc\r\n1.5\t2\t0\r\n3\t-4e-1\t1\r\n5\t6\t1\r\n',
      'a;b;c\n1,5;2;0\n3;-0,4;1\n5;6;1',
      '# measured 2024\n\n  a  b  c\n1.5 2 0\n3   -0.4 1   # outlier?\n\n5 6 1\n',
      '"a","b","c"\n"1.5","2","0"\n3,-.4,1\n+5,6.,1.0\n',
    ])
      expect(csvToData(text, { nVal: 0 })).toStrictEqual(expected);
  });

  it('names columns x1, x2, …, y without a header, and spots 0/1 labels', () => {
    const labels = csvToData('0.5,1.5,1\n-1,2,0\n2,0,1\n', { nVal: 0 });
    expect(labels.columns).toEqual(['x1', 'x2', 'y']);
    expect(labels.task).toBe('classification');
    expect(sorted(labels.data.train.y)).toEqual([0, 1, 1]); // labels are not standardized
    expect(csvToData('1,0\n2,0\n3,0').task).toBe('regression'); // one class only
    expect(csvToData('1,0\n2,1\n3,2').task).toBe('regression');
    expect(csvToData('1,0.5\n2,1\n3,0').task).toBe('regression');
  });

  it('gives data that parseSpec accepts, with the model the task suggests', () => {
    const reg = csvToData(cars);
    expect(() =>
      parseSpec({
        data: reg.data,
        model: { kind: 'linear' },
        optimizer: { kind: 'sgd', lr: 0.1 },
        steps: 5,
      }),
    ).not.toThrow();
    const cls = csvToData('0.5,1.5,1\n-1,2,0\n2,0,1\n1,1,0\n3,3,1');
    expect(() =>
      parseSpec({
        data: cls.data,
        model: { kind: 'logistic' },
        optimizer: { kind: 'sgd', lr: 0.1 },
        steps: 5,
      }),
    ).not.toThrow();
  });

  it('names the line and column of what it cannot read', () => {
    const cases: [string, string, number | undefined, number | undefined][] = [
      ['x,y\n1,2\n3,4\n5,abc', 'line 4, column 2: "abc" is not a number', 4, 2],
      ['a,b,c\n1,2,3\n4,5', 'line 3: 2 columns (expected 3, as on line 1)', 3, undefined],
      [
        '# c\n\na,b,c\n1,2,3\n4,5,6,7',
        'line 5: 4 columns (expected 3, as on line 3)',
        5,
        undefined,
      ],
      ['1,2\n3', 'line 2: 1 column (expected 2, as on line 1)', 2, undefined],
      ['x,y\n1,\n', 'line 2, column 2: empty (expected a number)', 2, 2],
      ['x,y\n1,NaN', 'line 2, column 2: "NaN" is not a number', 2, 2],
      ['1,1e999', 'line 1, column 2: "1e999" is not a finite number', 1, 2],
      ['x,y\n1,2\ny,x', 'line 3, column 1: "y" is not a number', 3, 1],
      [
        '1\n2\n3',
        'line 1: 1 column (expected at least 2: the inputs, then the target y last)',
        1,
        undefined,
      ],
      ['x,y\n# nothing yet\n', 'a header but no rows of numbers', undefined, undefined],
      ['', 'no rows of numbers (paste a table: inputs, then the target)', undefined, undefined],
      [
        ' \n# only a comment\n',
        'no rows of numbers (paste a table: inputs, then the target)',
        undefined,
        undefined,
      ],
    ];
    for (const [text, message, line, column] of cases) {
      const e = csvError(() => csvToData(text));
      expect(e.message).toBe(message);
      expect(e.name).toBe('CsvError');
      expect([e.line, e.column]).toEqual([line, column]);
    }
    expect(csvError(() => csvToData(`x,y\n1,${'z'.repeat(100)}`)).message).toBe(
      `line 2, column 2: "${'z'.repeat(40)}…" is not a number`,
    );
  });

  it(`takes up to ${MAX_CSV_ROWS} rows and ${MAX_CSV_COLUMNS} columns, and refuses more`, () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `${i},${i % 7}`).join('\n');
    expect(csvToData(rows(MAX_CSV_ROWS)).data.train.x.length).toBe(8000);
    const tooMany = csvError(() => csvToData(`x,y\n${rows(MAX_CSV_ROWS + 1)}`));
    expect(tooMany.message).toBe('line 10002: more than 10000 rows (at most 10000)');
    const wide = (n: number) => Array.from({ length: n }, (_, j) => `${j}`).join(',');
    expect(csvToData(`${wide(MAX_CSV_COLUMNS)}\n${wide(MAX_CSV_COLUMNS)}`).columns).toHaveLength(
      64,
    );
    expect(csvError(() => csvToData(wide(MAX_CSV_COLUMNS + 1))).message).toBe(
      'line 1: 65 columns (at most 64)',
    );
  });
});
