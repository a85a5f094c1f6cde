import type { Catalogue, MessageKey } from './en';

/** Thrown for a key that a locale's catalogue lacks, or for a language without a catalogue. */
export class MissingMessageError extends Error {
  override name = 'MissingMessageError';
}

/**
 * Parameters of a message: `{name}` in the text is replaced by `String(params.name)`, and
 * `{name, plural, one {# step} other {# steps}}` by the branch of `name`'s plural category in
 * the catalogue's language (`Intl.PluralRules`; `other` when the category has no branch), with
 * `#` replaced by the parameter.
 */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Reads one message of one locale. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * The locale codes that have a catalogue, keyed like the `lang` their pages carry (`<html lang>`),
 * the same codes as the Starlight locales in astro.config.mjs. `catalogues.ts` holds the
 * catalogues themselves; this module does not import them, so a page's client JS carries only
 * the catalogue it loads (`loadCatalogue`).
 */
export const catalogueCodes: readonly string[] = ['en', 'zh-CN'];

/** The catalogues registered so far: both on the server (`server.ts`), the page's one in the browser. */
const registry = new Map<string, Catalogue>();

/**
 * Makes a locale's catalogue available to `translator` and `translatorFor`. The browser registers
 * the page's catalogue through `loadCatalogue`; build-time code through `server.ts`.
 *
 * @example
 * registerCatalogue('zh-CN', zhCN);
 */
export function registerCatalogue(code: string, catalogue: Catalogue): void {
  if (!catalogueCodes.includes(code))
    throw new MissingMessageError(`invalid catalogue code: ${JSON.stringify(code)}`);
  // The browser loads a catalogue in parts (`loadCatalogue`): merge them.
  registry.set(code, { ...registry.get(code), ...catalogue });
}

/**
 * The catalogue code for a `lang` attribute: exact match first, then the primary subtag
 * (`en-GB` → `en`, `zh` or `zh-Hans` → `zh-CN`). Throws for a language without a catalogue.
 */
export function catalogueLang(lang: string): string {
  if (catalogueCodes.includes(lang)) return lang;
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  const match = catalogueCodes.find((code) => code.toLowerCase().split('-')[0] === primary);
  if (!match)
    throw new MissingMessageError(
      `invalid lang: ${JSON.stringify(lang)} (expected one of ${catalogueCodes.join(', ')})`,
    );
  return match;
}

/**
 * A `t(key, params)` for a language. A key missing from that language's catalogue throws a
 * `MissingMessageError`, and so does a language whose catalogue is not registered (in the
 * browser: not loaded yet, see `loadCatalogue`): there is no silent fallback to English.
 *
 * @example
 * const t = translator({ lang: 'zh-CN' });
 * t('notFound.text', { home: '<a href="/zh-cn/">首页</a>' });
 */
export function translator({ lang = 'en' }: { lang?: string } = {}): Translate {
  const code = catalogueLang(lang);
  const catalogue = registry.get(code) as Readonly<Record<string, string | undefined>> | undefined;
  if (!catalogue)
    throw new MissingMessageError(
      `the ${code} catalogue is not loaded (await loadCatalogue(${JSON.stringify(code)}) first)`,
    );
  const rules = new Intl.PluralRules(code);
  return (key, params = {}) => {
    const text = catalogue[key];
    if (text === undefined)
      throw new MissingMessageError(
        `missing message ${JSON.stringify(key)} in the ${code} catalogue`,
      );
    return text
      .replace(PLURAL, (whole, name: string, branches: string) =>
        name in params ? pluralBranch(rules, branches, params[name]) : whole,
      )
      .replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      );
  };
}

/** `{name, plural, one {…} other {…}}`: the parameter's name and the branches. */
const PLURAL = /\{(\w+), plural,((?:\s*\w+\s*\{[^{}]*\})+)\s*\}/g;

/** The branch of `branches` for `value`'s plural category, `#` replaced by the value. */
function pluralBranch(rules: Intl.PluralRules, branches: string, value: string | number): string {
  const byCategory = new Map(
    [...branches.matchAll(/(\w+)\s*\{([^{}]*)\}/g)].map((m) => [m[1], m[2] ?? ''] as const),
  );
  const category = rules.select(Number(value));
  const branch = byCategory.get(category) ?? byCategory.get('other') ?? '';
  return branch.replace(/#/g, String(value));
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
