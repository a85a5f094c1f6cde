/**
 * The playground's part of the Simplified Chinese catalogue, loaded by
 * `loadCatalogue(lang, 'playground')`: in the browser it holds only the keys the playground's
 * code (and the shared widget parts it uses) reads (the `clientCatalogues` plugin in
 * astro.config.mjs); elsewhere it is the whole catalogue.
 *
 * @example
 * import('./playground/zh-CN').then((m) => m.zhCN)
 */
export { zhCN } from '../zh-CN';
