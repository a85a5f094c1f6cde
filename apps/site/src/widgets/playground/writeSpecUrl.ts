/** The longest query the page writes into the address bar (links beyond it break in places). */
export const MAX_URL_QUERY = 60_000;

/**
 * Puts a spec's query (`encodeSpecQuery`'s, with or without its `?`) in the address bar, with
 * no new history entry. A query longer than `MAX_URL_QUERY` (a large pasted CSV) is not
 * written: the address is left at the page alone (`written: false`, and its length in `chars`)
 * and the caller says so (the JSON export carries the spec).
 *
 * @example
 * const url = writeSpecUrl(encodeSpecQuery(spec));
 * if (!url.written) status(t('playground.urlTooLong', { chars: url.chars }));
 */
export function writeSpecUrl(query: string): { readonly written: boolean; readonly chars: number } {
  const bare = query.replace(/^\?/, '');
  const { pathname, hash } = location;
  const written = bare.length <= MAX_URL_QUERY;
  const url = written && bare ? `${pathname}?${bare}${hash}` : `${pathname}${hash}`;
  history.replaceState(history.state, '', url);
  return { written, chars: bare.length };
}
