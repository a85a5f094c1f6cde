import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';

/**
 * No UI string is hard-coded in widget code: every title, legend, label, readout and status comes
 * from the message catalogues (src/i18n). This scans the widgets' source for string literals (and,
 * in .astro files, text between tags) that look like English UI text. A heuristic: two English
 * words in a row, or any letters given as a `label`/`title`/`aria-label`. What is not UI text
 * (code shown to the reader, CSS, Plot options, error messages for developers) is allowed below
 * by exact text, with the reason.
 */
const root = join(__dirname, '..', 'widgets');

/** Literals that look like English but are not UI text. */
const allowed = new Set<string>([
  // Media query and Plot/DOM options.
  '(prefers-reduced-motion: reduce)',
  // Symbols and optimizer names, written the same in every language.
  '‖w‖ Adam + L2',
  '‖w‖ AdamW',
]);

/** Whole files that are not UI: code the streams page runs and shows, workers, specs for tests. */
const allowedFiles = [
  /\.test\.ts$/,
  /\.worker\.ts$/,
  /^streams\/snippets\//,
  /README\.md$/,
  // Shell commands and JSON the playground exports: code, not prose.
  /^playground\/exportTexts\.ts$/,
  // Library-language (English) messages, like parseSpec's: a URL key the spec does not have, and
  // CsvError.message. The page shows a pasted CSV's problem from its catalogue
  // (`playground.csv.<problem>`, with the error's params), not this text.
  /^playground\/(specQuery|csvData)\.ts$/,
];

/**
 * Files not yet moved to the catalogues (issue 9). This list may only shrink: a file in it that
 * no longer hard-codes a UI string fails the last test, so it is taken off when it is done.
 */
const pending = new Set<string>([]);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const twoWords = /\b[A-Za-z][a-z]+\s+[a-z]{2,}\b/;
const letters = /[A-Za-z]{2,}/;

/** Hard-coded UI strings of one file's source, as `line: text`. */
function findUiStrings(source: string, { astro = false } = {}): string[] {
  let code = source
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, (m, p: string) => p + ' '.repeat(m.length - p.length));
  if (astro)
    code = code
      .replace(/<style[\s\S]*?<\/style>/g, (m) => m.replace(/[^\n]/g, ' '))
      .replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '));
  const found: string[] = [];
  const lineOf = (index: number) => code.slice(0, index).split('\n').length;
  const literal = /(['"`])((?:\\.|(?!\1)[^\\])*?)\1/g;
  for (const m of code.matchAll(literal)) {
    const text = (m[2] ?? '').replace(/\$\{[^}]*\}/g, ' ');
    const before = code.slice(Math.max(0, (m.index ?? 0) - 40), m.index);
    if (/(import|from|require\()\s*$/.test(before) || /import\(\s*$/.test(before)) continue;
    if (/querySelector(All)?(<[^>]*>)?\(\s*$|closest(<[^>]*>)?\(\s*$|matchMedia\(\s*$/.test(before))
      continue;
    if (allowed.has(m[2] ?? '') || (m[2] ?? '') in en) continue; // a catalogue key
    // Developer errors (`dl-x: no chart named loss`), markup and class lists are not UI text.
    if (/^\$\{this\.(root\.)?localName\}: /.test(m[2] ?? '') || /^\s*</.test(text)) continue;
    if (/\bclass(:list)?=\s*$/.test(before)) continue;
    // Thrown errors are for developers (or, in the Streams page's editor, read like the console's).
    if (/new \w*Error\(\s*$/.test(before)) continue;
    // A claim's `says` names a test (what the docs claim, checked over seeds), not UI text.
    if (/\bsays:\s*$/.test(before)) continue;
    // A RunSpec's `name` is data (it is recorded in the run's events), not UI text.
    if (/\bname:\s*$/.test(before)) continue;
    const labelled =
      /\b(label|title|aria-label|ariaLabel|textContent)\s*[:=]\s*\{?\s*$/.test(before) ||
      /setAttribute\(\s*'(aria-label|aria-roledescription|title)',\s*$/.test(before);
    if (twoWords.test(text) || (labelled && letters.test(text)))
      found.push(`${lineOf(m.index ?? 0)}: ${m[0]}`);
  }
  if (astro) {
    const body = code
      .replace(/^---[\s\S]*?---/, (m) => m.replace(/[^\n]/g, ' '))
      .replace(/<script[\s\S]*?<\/script>/g, (m) => m.replace(/[^\n]/g, ' '));
    for (const m of body.matchAll(/>([^<>{}]*)</g)) {
      const text = (m[1] ?? '').trim();
      if (letters.test(text) && !allowed.has(text)) found.push(`${lineOf(m.index ?? 0)}: ${text}`);
    }
  }
  return found;
}

describe('widget UI strings come from the catalogues', () => {
  it('the heuristic finds English UI text (so the scan can fail)', () => {
    expect(findUiStrings(`play.textContent = 'Pause';`)).toHaveLength(1);
    expect(findUiStrings(`legend([{ label: 'training points' }])`)).toHaveLength(1);
    expect(findUiStrings(`this.status(\`Could not run: \${e}\`);`)).toHaveLength(1);
    expect(findUiStrings(`<button>Reset</button>`, { astro: true })).toHaveLength(1);
    expect(findUiStrings(`<Widget title="Loss per step" />`, { astro: true })).toHaveLength(1);
    expect(findUiStrings(`g.setAttribute('aria-roledescription', '2D handle');`)).toHaveLength(1);
    expect(findUiStrings(`import { x } from './some file';\n// a comment with words`)).toEqual([]);
    expect(findUiStrings(`this.t('widget.play'); el.dataset.state = 'done';`)).toEqual([]);
  });

  const scanned = files(root)
    .map((file) => relative(root, file).split('\\').join('/'))
    .filter((name) => /\.(ts|astro)$/.test(name) && !allowedFiles.some((r) => r.test(name)))
    .map((name) => ({
      name,
      found: findUiStrings(readFileSync(join(root, name), 'utf8'), {
        astro: name.endsWith('.astro'),
      }),
    }));

  it('no widget source file hard-codes one', () => {
    const problems = scanned
      .filter(({ name }) => !pending.has(name))
      .flatMap(({ name, found }) => found.map((s) => `${name}:${s}`));
    expect(problems).toEqual([]);
  });

  it('the list of files still to move only names files that still need it', () => {
    const done = scanned.filter(({ name, found }) => pending.has(name) && found.length === 0);
    expect(done.map(({ name }) => name)).toEqual([]);
  });
});
