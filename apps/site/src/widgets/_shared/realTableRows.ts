// @decaylab/core's real-table rows (its data/realTableRows.js) as the site bundles them. Only the
// playground trains on real data, so the rows (≈ 7 KB gzip) load with its runtime and not with
// every chapter's engine: the `realTableRowsOnDemand` plugin in astro.config.mjs points core's
// own import of them here, and the playground's runtime hands over the real rows with
// `provideRealTableRows` (from the virtual module `decaylab:real-table-rows`, the real file).
// Until then any use of a row fails with a message that says so.

/** The rows of one real table, as core's realTableRows.js holds them. */
type Rows = readonly (readonly number[])[];

/** A stand-in that throws on any use, naming the table. */
function notProvided(table: string): Rows {
  return new Proxy([], {
    get() {
      throw new Error(
        `the ${table} rows are not loaded on this page: import the playground's runtime (or provideRealTableRows) first`,
      );
    },
  });
}

export let CARS_ROWS: Rows = notProvided('cars');
export let PENGUINS_ROWS: Rows = notProvided('penguins');

/**
 * Makes the real rows the ones core reads (its imports of CARS_ROWS and PENGUINS_ROWS are live
 * bindings to these).
 *
 * @example
 * import * as rows from 'decaylab:real-table-rows';
 * provideRealTableRows(rows);
 */
export function provideRealTableRows(rows: { CARS_ROWS: Rows; PENGUINS_ROWS: Rows }): void {
  CARS_ROWS = rows.CARS_ROWS;
  PENGUINS_ROWS = rows.PENGUINS_ROWS;
}
