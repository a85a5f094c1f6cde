#!/usr/bin/env node
// Keeps the Chinese pages (docs/zh-cn/) in step with the English ones (docs/):
//   node scripts/i18n.js check         lists every problem, exits 1 if there is one
//   node scripts/i18n.js hash [page…]  records the English source's hash in the Chinese page's
//                                      frontmatter (`sourceHash`), after you updated its text;
//                                      `page` is e.g. chapters/05-geometry (all pages if none)
// Root shortcut: `npm run i18n:hash -- chapters/05-geometry`. The check runs in `npm test`
// (test/i18n-in-step.test.ts).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The top-level docs/ folder: English pages at its root, each other locale in a folder. */
export const docsDir = fileURLToPath(new URL('../../../docs/', import.meta.url));

/** The translated locales: folder under docs/ → its name in messages. */
export const translatedLocales = ['zh-cn'];

/**
 * English pages whose Chinese translation waits for the chapter rewrite of issue 7 (to be
 * translated once, after it), and its references page. The check reports them as pending, not as errors; a page listed
 * here that has a translation is an error, so this list can only shrink. Empty it.
 */
export const awaitingTranslation = [];

/** Pages of a docs folder as `dir/name` without extension → file (files starting with _ are not pages). */
export function pagesIn(dir) {
  const out = new Map();
  const walk = (sub) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!sub && translatedLocales.includes(entry.name)) continue;
        walk(rel);
      } else if (/\.mdx?$/.test(entry.name) && !entry.name.startsWith('_'))
        out.set(rel.replace(/\.mdx?$/, ''), join(dir, rel));
    }
  };
  walk('');
  return out;
}

/** The hash recorded for an English source: sha256 of its text (LF line endings), 12 hex digits. */
export const sourceHash = (text) =>
  createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex').slice(0, 12);

const frontmatter = (text) => /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);

/** The `sourceHash` in a page's frontmatter, or undefined. */
export const recordedHash = (text) =>
  /^sourceHash:\s*['"]?([0-9a-f]{12})['"]?\s*$/m.exec(frontmatter(text)?.[1] ?? '')?.[1];

/**
 * What must match between a page and its translation: its widgets (MDX components, with their
 * `name` attribute if any) in order, and its number of headings; fenced code is ignored.
 */
export function outline(text) {
  const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---/, '');
  const prose = body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1\s*$/gm, '');
  const widgets = [...prose.matchAll(/<([A-Z]\w*)\b([^>]*)>/g)].map(([, tag, attrs]) => {
    const name = /\bname="([^"]+)"/.exec(attrs ?? '')?.[1];
    return name ? `${tag}[${name}]` : tag;
  });
  const headings = [...prose.matchAll(/^#{1,6}\s+\S/gm)].length;
  return { widgets, headings };
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”]/;

/**
 * Lines (1-based) of a Chinese page where a paragraph is broken between two CJK characters: the
 * browser renders that line break as a space (“重要， 它会”), so Chinese prose is not hard-wrapped.
 */
export function cjkLineBreaks(text) {
  const lines = text.split(/\r?\n/);
  const out = [];
  let fence = false;
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i] ?? '';
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence || /^\s*[|#]/.test(line)) continue;
    const next = (lines[i + 1] ?? '').trim();
    if (CJK.test(line.trimEnd().slice(-1)) && CJK.test(next.slice(0, 1))) out.push(i + 1);
  }
  return out;
}

/**
 * Every problem between the English pages and one locale's, one line each, and the pages
 * still waiting for a translation.
 */
export function checkLocale(locale = 'zh-cn', { pending = awaitingTranslation } = {}) {
  const english = pagesIn(docsDir);
  const translated = pagesIn(join(docsDir, locale));
  const problems = [];
  const waiting = [];
  for (const [page, file] of english) {
    const tfile = translated.get(page);
    const where = `docs/${locale}/${tfile?.slice(join(docsDir, locale).length + 1) ?? `${page}.md(x)`}`;
    if (!tfile) {
      if (pending.includes(page)) waiting.push(page);
      else
        problems.push(`${where} is missing: docs/${file.slice(docsDir.length)} has no translation`);
      continue;
    }
    if (pending.includes(page))
      problems.push(
        `${page} is translated: remove it from awaitingTranslation in apps/site/scripts/i18n.js`,
      );
    const source = readFileSync(file, 'utf8');
    const text = readFileSync(tfile, 'utf8');
    const a = outline(source);
    const b = outline(text);
    if (a.widgets.join() !== b.widgets.join())
      problems.push(
        `${where}: widgets ${b.widgets.join(', ') || '(none)'} (expected ${a.widgets.join(', ') || '(none)'}, as in docs/${file.slice(docsDir.length)})`,
      );
    if (a.headings !== b.headings)
      problems.push(
        `${where}: ${b.headings} headings (expected ${a.headings}, as in docs/${file.slice(docsDir.length)})`,
      );
    const breaks = cjkLineBreaks(text);
    if (breaks.length)
      problems.push(
        `${where}: lines ${breaks.join(', ')} break a paragraph between two CJK characters (shown as a space): join them`,
      );
    const recorded = recordedHash(text);
    const now = sourceHash(source);
    if (recorded !== now)
      problems.push(
        recorded
          ? `${where} is stale: docs/${file.slice(docsDir.length)} changed after it was translated (sourceHash ${recorded}, now ${now}); update the translation, then run \`npm run i18n:hash -- ${page}\``
          : `${where} has no sourceHash: run \`npm run i18n:hash -- ${page}\` once it is translated`,
      );
  }
  for (const page of translated.keys())
    if (!english.has(page))
      problems.push(`docs/${locale}/${page}: no English page docs/${page}.md(x)`);
  return { problems, waiting };
}

/** Writes the current English hash into the translated pages (all of them if `pages` is empty). */
export function writeHashes(pages = [], locale = 'zh-cn') {
  const english = pagesIn(docsDir);
  const translated = pagesIn(join(docsDir, locale));
  const wanted = pages.length
    ? pages.map((p) => p.replace(/^\/+|\/+$|\.mdx?$/g, ''))
    : [...translated.keys()];
  const written = [];
  for (const page of wanted) {
    const tfile = translated.get(page);
    const file = english.get(page);
    if (!tfile || !file)
      throw new Error(
        `invalid page: ${page} (expected a page with both docs/${page}.md(x) and docs/${locale}/${page}.md(x))`,
      );
    const hash = sourceHash(readFileSync(file, 'utf8'));
    const text = readFileSync(tfile, 'utf8');
    const front = frontmatter(text);
    if (!front) throw new Error(`invalid ${tfile}: no frontmatter`);
    const body = /^sourceHash:/m.test(front[1])
      ? front[1].replace(/^sourceHash:.*$/m, `sourceHash: ${hash}`)
      : `${front[1]}\nsourceHash: ${hash}`;
    writeFileSync(tfile, text.replace(front[0], `---\n${body}\n---`));
    written.push(`${page} ${hash}`);
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [command = 'check', ...args] = process.argv.slice(2);
  try {
    if (command === 'hash') {
      for (const line of writeHashes(args)) console.log(`i18n: sourceHash ${line}`);
    } else if (command === 'check') {
      let bad = 0;
      for (const locale of translatedLocales) {
        const { problems, waiting } = checkLocale(locale);
        for (const p of problems) console.error(p);
        if (waiting.length) console.log(`${locale}: awaiting translation: ${waiting.join(', ')}`);
        bad += problems.length;
      }
      process.exit(bad ? 1 : 0);
    } else {
      console.error(`invalid command: ${command} (expected check or hash)`);
      process.exit(2);
    }
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
