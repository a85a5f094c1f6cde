import { describe, expect, it } from 'vitest';
import * as standIn from './realTableRows';

describe("the real tables' rows on the site", () => {
  it('fail on any use, naming the table, until the playground provides them', () => {
    expect(() => standIn.CARS_ROWS.length).toThrow(/the cars rows are not loaded on this page/);
    expect(() => standIn.PENGUINS_ROWS.map((r) => r)).toThrow(/the penguins rows/);
    const cars = [[18, 8, 307, 130, 3504, 12, 1970]];
    const penguins = [[0, 39.1, 18.7, 181, 3750]];
    standIn.provideRealTableRows({ CARS_ROWS: cars, PENGUINS_ROWS: penguins });
    // Live bindings: what core's `import { CARS_ROWS }` reads from now on.
    expect(standIn.CARS_ROWS).toBe(cars);
    expect(standIn.PENGUINS_ROWS).toBe(penguins);
  });
});
