import { type Catalogue, en } from './en';
import { zhCN } from './zh-CN';

/**
 * Every locale's catalogue, keyed by the `lang` its pages carry (`<html lang>`), the same codes
 * as the Starlight locales in astro.config.mjs.
 *
 * @example
 * catalogues['zh-CN']['notFound.home'] // '首页'
 */
export const catalogues: Readonly<Record<string, Catalogue>> = { en, 'zh-CN': zhCN };

/** The locale codes that have a catalogue. */
export const locales = Object.keys(catalogues);
