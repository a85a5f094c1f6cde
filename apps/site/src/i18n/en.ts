/**
 * The English message catalogue: every UI string of the site that is not page content, keyed by
 * `area.name`. `{name}` marks a parameter filled in by `t(key, { name })`. This is the reference
 * catalogue: every other locale must have exactly these keys (see `checkCatalogue`).
 *
 * @example
 * en['table.scrollable'] // 'Table (scrollable)'
 */
export const en = {
  'table.scrollable': 'Table (scrollable)',
  'notFound.title': 'Page not found',
  'notFound.description': 'This page does not exist.',
  'notFound.text': 'This page does not exist. Try the {home} or the search.',
  'notFound.home': 'home page',
} as const;

/** A message key: one of the English catalogue's keys. */
export type MessageKey = keyof typeof en;

/** A catalogue for one locale: a string for every key, no more, no fewer. */
export type Catalogue = { readonly [K in MessageKey]: string };
