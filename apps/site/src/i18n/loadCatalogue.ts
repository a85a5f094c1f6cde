import type { Catalogue } from './en';
import { catalogueLang, registerCatalogue } from './t';

/**
 * The parts of a catalogue the browser loads: `widgets` (the chapters' widgets and snippets),
 * `viewer` (the run viewer's keys, on the reference pages) and `playground` (the playground's
 * keys, on its page).
 */
export type CataloguePart = 'widgets' | 'viewer' | 'playground';

/** Each locale's catalogue parts as their own chunks: a page fetches only the language it speaks. */
const loaders: Readonly<Record<string, Record<CataloguePart, () => Promise<Catalogue>>>> = {
  en: {
    widgets: () => import('./en').then((m) => m.en),
    viewer: () => import('./viewer/en').then((m) => m.en),
    playground: () => import('./playground/en').then((m) => m.en),
  },
  'zh-CN': {
    widgets: () => import('./zh-CN').then((m) => m.zhCN),
    viewer: () => import('./viewer/zh-CN').then((m) => m.zhCN),
    playground: () => import('./playground/zh-CN').then((m) => m.zhCN),
  },
};

const loading = new Map<string, Promise<void>>();

/**
 * Fetches and registers (a part of) the catalogue for a `lang` (matched as `translator` does:
 * `zh` → `zh-CN`), once; rejects with a `MissingMessageError` for a language without one.
 *
 * @example
 * await loadCatalogue('zh-CN');
 * translator({ lang: 'zh-CN' })('widget.play'); // '播放'
 */
export function loadCatalogue(lang: string, part: CataloguePart = 'widgets'): Promise<void> {
  let code: string;
  try {
    code = catalogueLang(lang);
  } catch (error) {
    return Promise.reject(error);
  }
  let promise = loading.get(`${code}:${part}`);
  if (!promise) {
    const load = loaders[code]?.[part];
    promise = load
      ? load().then((catalogue) => registerCatalogue(code, catalogue))
      : Promise.reject(new Error(`no loader for the ${code} catalogue`));
    loading.set(`${code}:${part}`, promise);
  }
  return promise;
}

/**
 * Loads the catalogue `translatorFor(element)` will read: the `lang` of the element's closest
 * ancestor that has one (normally `<html lang>`).
 *
 * @example
 * Promise.all([loadCatalogueFor(el), import('./Widget')]) // in a loader, before the element upgrades
 */
export function loadCatalogueFor(element: Element, part?: CataloguePart): Promise<void> {
  return loadCatalogue(element.closest('[lang]')?.getAttribute('lang') || 'en', part);
}
