// Types for `astro check`: Starlight's `Astro.locals.t` and its virtual modules, used by our
// Search override (src/components/Search.astro).
/// <reference path="../.astro/types.d.ts" />
/// <reference types="@astrojs/starlight/locals" />
/// <reference path="../../../node_modules/@astrojs/starlight/virtual.d.ts" />

/** A worker module's URL, built as an entry of the page build (see `moduleWorker` in astro.config.mjs). */
declare module '*?module-worker' {
  const url: string;
  export default url;
}

/** @decaylab/core's data/realTableRows.js, resolved by the realTableRowsOnDemand plugin (astro.config.mjs). */
declare module 'decaylab:real-table-rows' {
  export const CARS_ROWS: readonly (readonly number[])[];
  export const PENGUINS_ROWS: readonly (readonly number[])[];
}
