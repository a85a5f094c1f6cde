import { catalogues } from './catalogues';
import type { MessageKey } from './en';

/** Thrown for a key that a locale's catalogue lacks, or for a language without a catalogue. */
export class MissingMessageError extends Error {
  override name = 'MissingMessageError';
}

/** Parameters of a message: `{name}` in the text is replaced by `String(params.name)`. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Reads one message of one locale. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * The catalogue code for a `lang` attribute: exact match first, then the primary subtag
 * (`en-GB` → `en`, `zh` or `zh-Hans` → `zh-CN`). Throws for a language without a catalogue.
 */
export function catalogueLang(lang: string): string {
  if (catalogues[lang]) return lang;
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  const match = Object.keys(catalogues).find(
    (code) => code.toLowerCase().split('-')[0] === primary,
  );
  if (!match)
    throw new MissingMessageError(
      `invalid lang: ${JSON.stringify(lang)} (expected one of ${Object.keys(catalogues).join(', ')})`,
    );
  return match;
}

/**
 * A `t(key, params)` for a language. A key missing from that language's catalogue throws a
 * `MissingMessageError`: there is no silent fallback to English.
 *
 * @example
 * const t = translator({ lang: 'zh-CN' });
 * t('notFound.text', { home: '<a href="/zh-cn/">首页</a>' });
 */
export function translator({ lang = 'en' }: { lang?: string } = {}): Translate {
  const code = catalogueLang(lang);
  const catalogue = catalogues[code] as Readonly<Record<string, string | undefined>>;
  return (key, params = {}) => {
    const text = catalogue[key];
    if (text === undefined)
      throw new MissingMessageError(
        `missing message ${JSON.stringify(key)} in the ${code} catalogue`,
      );
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}

/**
 * The `t` for the page an element is on: the `lang` of its closest ancestor that has one
 * (normally `<html lang>`), so a widget speaks its page's language.
 *
 * @example
 * const t = translatorFor(this); // inside a custom element's connectedCallback
 */
export function translatorFor(element: Element): Translate {
  const lang = element.closest('[lang]')?.getAttribute('lang') || 'en';
  return translator({ lang });
}
