import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, renderAllWidgets, type TestBrowser, waitForState } from './browser';

// Widgets speak the page's language (issue 9): on a /zh-cn/ page every word a widget shows or
// announces comes from the Chinese catalogue. Chapter 1's page exists under /zh-cn/ whether it is
// translated yet or not (Starlight shows the English text as a fallback, in a zh-CN page): either
// way its widget must be Chinese.
const baseUrl = inject('baseUrl');

/**
 * English words a reader sees or hears in `selector`: its visible text (not code, not the
 * recorded spec, not file names) and every aria-label in it. Symbols (λ, γ, k_max, L0, x, y) are
 * not words.
 */
const englishWords = (page: Page, selector: string, { skip = '' } = {}) =>
  page.locator(selector).evaluate((el, skip) => {
    const clone = el.cloneNode(true) as HTMLElement;
    for (const s of clone.querySelectorAll(
      `noscript, style, script, pre, code, textarea${skip ? `, ${skip}` : ''}`,
    ))
      s.remove();
    // Plot's own aria-labels (`x-axis tick`) are inside an svg role="img": not announced.
    const labels = [...el.querySelectorAll('[aria-label]')]
      .filter((e) => !e.parentElement?.closest('svg'))
      .map((e) => e.getAttribute('aria-label') ?? '');
    const text = [clone.textContent ?? '', ...labels]
      .join('\n')
      .replace(/\S+\.ndjson/g, '')
      .replace(/k_max|L0|‖\w+‖/g, '')
      // Names of methods, formats and types, written the same in Chinese (see the glossary).
      .replace(/\b(SGD|AdamW|Adam|NDJSON|RunSpec)\b/g, '');
    return [...new Set(text.match(/\b[A-Za-z]{3,}\b/g) ?? [])];
  }, skip);

describe('widgets on Chinese pages', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('chapter 1 in Chinese: 播放 / 单步 / 重置, and no English UI word in the widget', async () => {
    const { page, problems } = await openPage(
      browser,
      baseUrl,
      'zh-cn/chapters/01-what-weight-decay-is/',
    );
    try {
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      await renderAllWidgets(page);
      const widget = 'dl-overfit';
      const buttons = () =>
        page
          .locator(`${widget} .dl-buttons button`)
          .evaluateAll((bs) => bs.map((b) => b.textContent?.trim()));
      await page.locator(`${widget} [data-action="reset"]`).click();
      await waitForState(page, widget, 'paused');
      expect(await buttons()).toEqual(['播放', '单步', '重置']);
      await page.locator(`${widget} [data-action="step"]`).click();
      await page.locator(`${widget} [data-action="play"]`).click();
      expect((await buttons())[0]).toBe('暂停');
      await waitForState(page, widget);
      expect((await buttons())[0]).toBe('重播');
      expect(await page.locator(`${widget} .dl-seed`).textContent()).toContain('随机种子');
      expect(await page.locator(`${widget} .dl-slider label`).textContent()).toBe('λ（权重衰减）');
      const chartText = await page.locator(`${widget} [data-chart="loss"]`).textContent();
      expect(chartText).toContain('训练');
      expect(chartText).toContain('验证');
      expect(await englishWords(page, widget)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the same widget on the English page still reads Play / Step / Reset', async () => {
    const { page, problems } = await openPage(
      browser,
      baseUrl,
      'chapters/01-what-weight-decay-is/',
    );
    try {
      await renderAllWidgets(page);
      await page.locator('dl-overfit [data-action="reset"]').click();
      await waitForState(page, 'dl-overfit', 'paused');
      expect(
        await page
          .locator('dl-overfit .dl-buttons button')
          .evaluateAll((bs) => bs.map((b) => b.textContent?.trim())),
      ).toEqual(['Play', 'Step', 'Reset']);
      expect(await page.locator('dl-overfit [data-chart="loss"]').textContent()).toContain('train');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the run viewer in Chinese: the example recording, its summary and charts, no English UI word', async () => {
    const { page, problems } = await openPage(browser, baseUrl, 'zh-cn/reference/viewer/');
    try {
      const viewer = 'dl-run-viewer';
      expect(await page.locator(`${viewer} [data-status]`).textContent()).toBe('还没有载入记录。');
      await page.locator(`${viewer} [data-action="example"]`).click();
      await waitForState(page, viewer, 'loaded');
      await page.waitForFunction(() => document.querySelector('dl-run-viewer [data-chart] svg'));
      expect(await page.locator(`${viewer} [data-status]`).textContent()).toMatch(
        /共 \d+ 个训练步事件/,
      );
      expect(await page.locator(`${viewer} [data-chart="loss"]`).textContent()).toContain('训练');
      // The summary's values are the recording's own data (optimizer kind, run name): only its
      // terms (dt) must be Chinese.
      expect(await englishWords(page, viewer, { skip: 'dd' })).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('Streams API examples in Chinese: 运行 / 停止 / 还原', async () => {
    const { page, problems } = await openPage(browser, baseUrl, 'zh-cn/reference/streams/');
    try {
      const snippet = page.locator('dl-snippet').first();
      expect(
        await snippet.locator('button').evaluateAll((bs) => bs.map((b) => b.textContent?.trim())),
      ).toEqual(['运行', '停止', '还原']);
      expect(await snippet.locator('.dl-snippet-hint').textContent()).toContain('可编辑');
      expect(await snippet.locator('[data-output]').getAttribute('aria-label')).toMatch(/^输出：/);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
