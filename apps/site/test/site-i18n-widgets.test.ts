import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it, vi } from 'vitest';
import {
  chapterRoutesAllLocales,
  launch,
  localeOf,
  openPage,
  PAGES_AT_ONCE,
  pairedRoute,
  renderAllWidgets,
  type TestBrowser,
  widgetSnapshot,
} from './browser';

// Every chapter in both locales: a slider changes the view and the URL, and the language picker
// carries that state to the paired page, where the widget shows it.
const baseUrl = inject('baseUrl');
const chapters = chapterRoutesAllLocales();
/** The language picker's option label for each locale. */
const pickerLabel: Record<string, string> = { '': 'English', 'zh-cn': '简体中文' };
/** The numbers a widget shows (readouts and slider outputs), whatever the language around them. */
const numbers = (texts: string[]) =>
  texts.map(
    (t) =>
      // Sorted within a readout: a sentence may name its numbers in another order in Chinese.
      t
        .match(/[−-]?\d+(?:[.,]\d+)*(?:e[−+-]?\d+)?/g)
        ?.sort()
        .join(' ') ?? '',
  );
const shownNumbers = async (page: Page, widget: string) =>
  numbers(await page.locator(`${widget} [data-readout], ${widget} output`).allTextContents());

/**
 * Brings a widget into view and waits until its run is over (`data-state` not `playing`) and
 * its numbers stay the same for a moment (a restarted run may not have flagged itself yet).
 */
async function settle(page: Page, widget: string, timeout = 90_000): Promise<string[]> {
  await page.locator(widget).scrollIntoViewIfNeeded();
  const end = Date.now() + timeout;
  let last: string[] | undefined;
  while (Date.now() < end) {
    await page.waitForFunction(
      (sel) => document.querySelector<HTMLElement>(sel)?.dataset.state !== 'playing',
      widget,
      { timeout },
    );
    // Readouts fed by a worker over seeds (chapter 1's "wins") may land after the run ends.
    await page.waitForFunction(
      (sel) =>
        [...document.querySelectorAll(`${sel} [data-readout]`)].every(
          (r) => (r.textContent ?? '').trim() !== '…',
        ),
      widget,
      { timeout },
    );
    const now = await shownNumbers(page, widget);
    if (last && JSON.stringify(last) === JSON.stringify(now)) return now;
    last = now;
    await page.waitForTimeout(400);
  }
  throw new Error(`${widget} did not settle in ${timeout} ms`);
}

vi.setConfig({ maxConcurrency: PAGES_AT_ONCE });

describe.concurrent('sliders and the language picker, in every locale', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch({ reducedMotion: 'reduce' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('covers the seven chapters in each locale', ({ expect }) => {
    for (const locale of Object.keys(pickerLabel))
      expect(chapters.filter((r) => localeOf(r) === locale)).toHaveLength(7);
  });

  it.for(chapters)(
    '/%s: a slider changes the view and the URL; the picker keeps that state on the paired page',
    { timeout: 120_000 },
    async (route, { expect }) => {
      const { page, problems } = await openPage(browser, baseUrl, route);
      try {
        await renderAllWidgets(page);
        // English pages move the first widget that has a slider, translated ones the last, so
        // two widgets per chapter get moved. Not chapter 7's λ sweep: its n slider retrains all
        // 198 runs at 2–3× the cost on each page (over 90 s on a loaded CI machine); its state
        // from the URL is checked by site-a-ticks (n at both ends) and site-a3-content (seeds).
        const ids = (
          await page
            .locator('.dl-widget')
            .evaluateAll((ws) =>
              ws
                .filter((w) => w.querySelector('input[type="range"][data-name]'))
                .map((w) => (w as HTMLElement).dataset.id ?? ''),
            )
        ).filter((id) => id !== 'sweep');
        expect(ids.length, 'widgets with a slider').toBeGreaterThan(0);
        const id = (localeOf(route) ? ids.at(-1) : ids[0]) ?? '';
        const widget = `.dl-widget[data-id="${id}"]`;
        const slider = page.locator(`${widget} input[type="range"][data-name]`).first();
        const name = (await slider.getAttribute('data-name')) ?? '';
        const param = `${id}.${name}`;
        await settle(page, widget);
        const before = await widgetSnapshot(page, widget);
        const [value, max] = await slider.evaluate((s) => [
          (s as HTMLInputElement).value,
          (s as HTMLInputElement).max,
        ]);

        // Two keyboard steps (away from the end it may be at).
        await slider.scrollIntoViewIfNeeded();
        await slider.focus();
        const key = Number(value) < Number(max) ? 'ArrowRight' : 'ArrowLeft';
        for (let i = 0; i < 2; i++) await page.keyboard.press(key);
        const moved = await slider.inputValue();
        expect(moved, `${param} moved`).not.toBe(value);
        await expect
          .poll(() => new URL(page.url()).searchParams.get(param), { timeout: 10_000 })
          .toBe(moved);
        await expect
          .poll(async () => (await widgetSnapshot(page, widget)).charts, { timeout: 30_000 })
          .not.toEqual(before.charts);
        const shown = await settle(page, widget);
        const search = new URL(page.url()).search;

        // The language picker: the paired page, the same query, the same widget state.
        const other = localeOf(route) ? '' : 'zh-cn';
        const target = pairedRoute(route, other);
        await page.locator(widget).scrollIntoViewIfNeeded();
        await Promise.all([
          page.waitForURL((u) => u.pathname === `/${target}`),
          page
            .locator('starlight-lang-select select:visible')
            .first()
            .selectOption({ label: pickerLabel[other] ?? '' }),
        ]);
        expect(new URL(page.url()).search).toBe(search);
        expect(await page.getAttribute('html', 'lang')).toBe(other ? 'zh-CN' : 'en');
        await renderAllWidgets(page);
        await expect(
          page.locator(`${widget} input[data-name="${name}"]`).first().inputValue(),
        ).resolves.toBe(moved);
        expect(await settle(page, widget)).toEqual(shown);
        expect(new URL(page.url()).searchParams.get(param)).toBe(moved);
        expect(await page.locator('.dl-status:not(:empty)').allTextContents()).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});
