import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { docsDir } from '../scripts/i18n.js';
import { builtRoutes, distDir, launch, openPage, type TestBrowser } from './browser';

// The two locales: English at the root, Simplified Chinese under /zh-cn/ (Starlight i18n).
const baseUrl = inject('baseUrl');
const routes = builtRoutes();

describe('locales', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('every English page has its /zh-cn/ page and the other way round', () => {
    const english = routes.filter((r) => !r.startsWith('zh-cn/') && r !== 'zh-cn/');
    const chinese = routes.filter((r) => r.startsWith('zh-cn/')).map((r) => r.slice(6));
    expect(chinese.sort()).toEqual(english.sort());
  });

  it('only translated pages are in the Chinese search index (an untranslated one shows English)', () => {
    const chinese = routes.filter((r) => r === 'zh-cn/' || r.startsWith('zh-cn/'));
    const indexed = (r: string) =>
      readFileSync(join(distDir, r, 'index.html'), 'utf8').includes('data-pagefind-body');
    const translated = (r: string) => {
      const page = r.slice(6).replace(/\/$/, '') || 'index';
      return ['.md', '.mdx'].some((ext) => existsSync(join(docsDir, 'zh-cn', `${page}${ext}`)));
    };
    expect(chinese.filter((r) => indexed(r) !== translated(r))).toEqual([]);
    expect(chinese.filter(indexed).length).toBeGreaterThan(0);
  });

  it.each([
    ['reference/events/', 'zh-cn/reference/events/', '事件'],
    ['', 'zh-cn/', '章节'],
  ])(
    '/%s ↔ /%s: lang, hreflang, translated UI, and the picker keeps the query',
    async (en, zh, word) => {
      const { page, problems } = await openPage(browser, baseUrl, `${en}?keep.me=1#top`);
      try {
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        const alternates = await page
          .locator('link[rel="alternate"][hreflang]')
          .evaluateAll((ls) =>
            ls.map(
              (l) =>
                `${l.getAttribute('hreflang')} ${new URL((l as HTMLLinkElement).href).pathname}`,
            ),
          );
        expect(alternates).toEqual([`en /${en}`, `zh-CN /${zh}`]);

        const picker = page.locator('starlight-lang-select select:visible').first();
        await Promise.all([
          page.waitForURL((u) => u.pathname === `/${zh}`),
          picker.selectOption({ label: '简体中文' }),
        ]);
        expect(new URL(page.url()).search).toBe('?keep.me=1');
        expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
        expect(
          await page.locator('site-search button[data-open-modal]').getAttribute('aria-label'),
        ).toBe('搜索');
        expect(await page.locator('nav[aria-label="主要"]').first().textContent()).toContain(
          '参考',
        );
        expect(await page.locator('main').textContent()).toContain(word);

        const back = page.locator('starlight-lang-select select:visible').first();
        await Promise.all([
          page.waitForURL((u) => u.pathname === `/${en}`),
          back.selectOption({ label: 'English' }),
        ]);
        expect(new URL(page.url()).search).toBe('?keep.me=1');
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  it('a table on a Chinese page has a Chinese label for its scroll region', async () => {
    const { page, problems } = await openPage(browser, baseUrl, 'zh-cn/reference/events/');
    try {
      const labels = await page
        .locator('.dl-table-scroll')
        .evaluateAll((ds) => ds.map((d) => d.getAttribute('aria-label')));
      expect(labels.length).toBeGreaterThan(0);
      expect(new Set(labels)).toEqual(new Set(['表格（可滚动）']));
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
