import type { Catalogue } from './en';

/** Parameters used by a message (`{name}` or `{name, plural, …}`), sorted and unique. */
const params = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort();

/**
 * The problems of a locale's catalogue against the reference (English) one, one line each:
 * missing keys, extra keys, empty messages and messages whose `{parameters}` differ. An empty
 * list means the catalogue is complete.
 *
 * @example
 * checkCatalogue(en, zhCN, 'zh-CN') // []
 */
export function checkCatalogue(
  reference: Catalogue,
  catalogue: Readonly<Record<string, string>>,
  name: string,
): string[] {
  const problems: string[] = [];
  for (const [key, text] of Object.entries(reference)) {
    const other = catalogue[key];
    if (other === undefined) problems.push(`${name}: missing key ${key}`);
    else if (other.trim() === '') problems.push(`${name}: empty message ${key}`);
    else if (params(other).join() !== params(text).join())
      problems.push(
        `${name}: ${key} has parameters {${params(other).join('}, {')}} (expected {${params(text).join('}, {')}})`,
      );
  }
  for (const key of Object.keys(catalogue))
    if (!(key in reference))
      problems.push(`${name}: extra key ${key} (not in the English catalogue)`);
  return problems;
}
