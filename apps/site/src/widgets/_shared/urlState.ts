/**
 * Reads this widget's values from the page URL: query params named `<id>.<key>`.
 *
 * @example
 * readUrlState('ch3') // { lambda: '-3', degree: '9' } for ?ch3.lambda=-3&ch3.degree=9
 */
export function readUrlState(id: string): Record<string, string> {
  const out: Record<string, string> = {};
  const prefix = `${id}.`;
  for (const [key, value] of new URLSearchParams(location.search)) {
    if (key.startsWith(prefix)) out[key.slice(prefix.length)] = value;
  }
  return out;
}

/**
 * Writes this widget's values into the URL with `history.replaceState` (no new history entry),
 * keeping every other param and the hash.
 *
 * @example
 * writeUrlState('ch3', { lambda: '-2' })
 */
export function writeUrlState(id: string, values: Record<string, string>): void {
  const url = new URL(location.href);
  for (const [key, value] of Object.entries(values)) url.searchParams.set(`${id}.${key}`, value);
  history.replaceState(history.state, '', url);
}
