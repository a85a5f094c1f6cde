import { catalogues } from './catalogues';

/**
 * The `lang` of the page at `pathname` as the site's locales lay it out: English at the root,
 * every other locale under its lower-cased code (`/zh-cn/…` → `zh-CN`). Components that render at
 * build time (the widgets' `.astro` frames and no-JavaScript fallbacks) use it with `translator`.
 *
 * @example
 * pageLang('/zh-cn/reference/streams/') // 'zh-CN'
 * pageLang('/chapters/01-what-weight-decay-is/') // 'en'
 */
export function pageLang(pathname: string): string {
  const first = pathname
    .split('/')
    .find((part) => part !== '')
    ?.toLowerCase();
  return Object.keys(catalogues).find((code) => code.toLowerCase() === first) ?? 'en';
}
