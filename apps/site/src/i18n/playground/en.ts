/**
 * The playground's part of the English catalogue, loaded by `loadCatalogue(lang, 'playground')`:
 * in the browser it holds only the keys the playground's code (and the shared widget parts it
 * uses) reads, so chapter pages do not carry them (the `clientCatalogues` plugin in
 * astro.config.mjs); elsewhere it is the whole catalogue.
 *
 * @example
 * import('./playground/en').then((m) => m.en)
 */
export { en } from '../en';
