/**
 * The run viewer's part of the Simplified Chinese catalogue, loaded by
 * `loadCatalogue(lang, 'viewer')`: in the browser it holds only the keys `RunViewerElement` reads
 * (the `clientCatalogues` plugin in astro.config.mjs); elsewhere it is the whole catalogue.
 *
 * @example
 * import('./viewer/zh-CN').then((m) => m.zhCN)
 */
export { zhCN } from '../zh-CN';
