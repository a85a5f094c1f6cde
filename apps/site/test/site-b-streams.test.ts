import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, type TestBrowser } from './browser';

const baseUrl = inject('baseUrl');

describe('Streams API page', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('every example runs in the browser against the real engine and prints its events', async () => {
    const { page, problems } = await openPage(browser, baseUrl, 'reference/streams/');
    try {
      const snippets = page.locator('dl-snippet');
      const count = await snippets.count();
      expect(count).toBeGreaterThanOrEqual(6);
      for (let i = 0; i < count; i++) {
        const s = snippets.nth(i);
        await s.scrollIntoViewIfNeeded();
        await s.locator('[data-action="run"]').click();
        await page.waitForFunction(
          (el) => ['done', 'error'].includes((el as HTMLElement).dataset.state ?? ''),
          await s.elementHandle(),
          { timeout: 20_000 },
        );
        await expect(s.getAttribute('data-state')).resolves.toBe('done');
        const out = (await s.locator('[data-output]').textContent()) ?? '';
        expect(out.trim().length).toBeGreaterThan(0);
        expect(await s.locator('.dl-out-error').count()).toBe(0);
      }
      const first = (await snippets.first().locator('[data-output]').textContent()) ?? '';
      expect(first).toContain('step 500: loss');
      expect(first.trim().split('\n').at(-1)).toBe('end completed 500');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('an edited snippet runs as edited, and its errors are shown, not thrown', async () => {
    const { page, problems } = await openPage(browser, baseUrl, 'reference/streams/');
    try {
      const s = page.locator('dl-snippet').first();
      await s
        .locator('textarea')
        .fill(
          "import { train } from '@decaylab/core';\ntrain({ steps: 1 }).subscribe({ error: (e) => console.log('caught', e.name) });\nnotDefined();",
        );
      await s.locator('[data-action="run"]').click();
      await page.waitForFunction(
        (el) => (el as HTMLElement).dataset.state === 'error',
        await s.elementHandle(),
      );
      const out = (await s.locator('[data-output]').textContent()) ?? '';
      expect(out).toContain('caught SpecError');
      expect(out).toContain('ReferenceError: notDefined is not defined');
      await s.locator('[data-action="restore"]').click();
      await expect(s.locator('textarea').inputValue()).resolves.toContain(
        "import { every, train } from '@decaylab/core';",
      );
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
