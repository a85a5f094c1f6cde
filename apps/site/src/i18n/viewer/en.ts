/**
 * The run viewer's part of the English catalogue, loaded by `loadCatalogue(lang, 'viewer')`: in
 * the browser it holds only the keys `RunViewerElement` reads, and `../en` the other widgets'
 * keys (the `clientCatalogues` plugin in astro.config.mjs); elsewhere it is the whole catalogue.
 *
 * @example
 * import('./viewer/en').then((m) => m.en)
 */
export { en } from '../en';
