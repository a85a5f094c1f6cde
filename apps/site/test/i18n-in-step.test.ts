import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  awaitingTranslation,
  checkLocale,
  cjkLineBreaks,
  outline,
  recordedHash,
  sourceHash,
  translatedLocales,
} from '../scripts/i18n.js';

// The in-step check: every English page in docs/ has a translation in docs/zh-cn/ with the
// same widgets in the same order, the same number of headings, and the sourceHash of the
// English text it was translated from (`npm run i18n:hash -- <page>` records it).
describe.each(translatedLocales)('docs/%s is in step with the English pages', (locale) => {
  it('has no missing, extra, stale or differently shaped page', () => {
    const { problems } = checkLocale(locale);
    expect(problems).toEqual([]);
  });

  it('the pages awaiting translation are only those still untranslated (the list only shrinks)', () => {
    const { waiting } = checkLocale(locale);
    expect(waiting).toEqual(awaitingTranslation);
  });
});

describe('the check can fail', () => {
  const page = [
    '---',
    'title: T',
    '---',
    "import A from '@widgets/a/A.astro';",
    '## One',
    '<A />',
    '```sh',
    '# a shell comment, not a heading',
    '<B />',
    '```',
    '## Two',
    '<Snippet name="01-stream" title="x" />',
  ].join('\n');

  it('outline: widgets in order (with their name) and headings, code ignored', () => {
    expect(outline(page)).toEqual({ widgets: ['A', 'Snippet[01-stream]'], headings: 2 });
  });

  it('a Chinese paragraph broken between two CJK characters is found (it would show a space)', () => {
    expect(
      cjkLineBreaks('它为什么重要，\n它会让模型\n\n```\n代码\n代码\n```\n`x` 与\n`y`'),
    ).toEqual([1]);
  });

  it('a page changed after its translation is named, with how to update the hash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'decaylab-i18n-'));
    try {
      const file = join(dir, 'page.mdx');
      writeFileSync(file, page);
      const hash = sourceHash(readFileSync(file, 'utf8'));
      expect(hash).toMatch(/^[0-9a-f]{12}$/);
      expect(sourceHash(page.replace('One', 'Uno'))).not.toBe(hash);
      expect(sourceHash(page.replace(/\n/g, '\r\n'))).toBe(hash);
      expect(recordedHash(`---\ntitle: T\nsourceHash: ${hash}\n---\n`)).toBe(hash);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a stale, reshaped or missing translation is reported by name', () => {
    // Pretend the home page is still waiting: it is translated, so that is an error too.
    const { problems } = checkLocale('zh-cn', { pending: ['index'] });
    expect(problems.some((p) => p.startsWith('index is translated'))).toBe(true);
    const missing = checkLocale('zh-cn', { pending: [] }).problems;
    for (const p of awaitingTranslation)
      expect(missing.some((m) => m.includes(`docs/zh-cn/${p}.md(x) is missing`))).toBe(true);
  });
});
