import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, inject, it, vi } from 'vitest';
import {
  blankTickLabels,
  chapterRoutes,
  distDir,
  launch,
  openPage,
  PAGES_AT_ONCE,
  playgroundSettled,
  renderAllWidgets,
  settleAllWidgets,
  type TestBrowser,
} from './browser';

const baseUrl = inject('baseUrl');

// Every chapter with all its widgets' sliders at their minimum, then at their maximum (the
// defaults are checked with every page in site-a-pages): each chart's axes label every tick.
// A loss that moves less than a decade at a slider's end is where Plot's log ticks went blank.

/** A built page's sliders: `<input id="<widget>-<name>" data-name="<name>" type="range" min max>`. */
function sliders(route: string) {
  const html = readFileSync(join(distDir, route, 'index.html'), 'utf8');
  return [...html.matchAll(/<input\s[^>]*type="range"[^>]*>/g)].map(([tag]) => {
    const attr = Object.fromEntries(
      [...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    const name = attr['data-name'] ?? '';
    const id = (attr.id ?? '').slice(0, -(name.length + 1));
    return { key: `${id}.${name}`, min: attr.min ?? '', max: attr.max ?? '' };
  });
}

/** The page's URL with every slider at one end (`?<widget>.<slider>=<position>`). */
function atEnd(route: string, end: 'min' | 'max'): string {
  const query = new URLSearchParams(sliders(route).map((s) => [s.key, s[end]]));
  return `${route}?${query}`;
}

const cases = chapterRoutes().flatMap((route) =>
  (['min', 'max'] as const).map((end) => [atEnd(route, end), end] as const),
);

/** Playground runs whose loss moves less than a decade (0.69 → 0.55; 0.3 → 0.09). */
const playground = [
  'playground/?data.kind=blobs&model.kind=logistic&optimizer.kind=sgd&optimizer.lr=0.01&steps=50',
  'playground/?data.kind=line&model.kind=polynomial&model.degree=3&optimizer.kind=sgd&optimizer.lr=0.05&steps=60',
];

vi.setConfig({ maxConcurrency: PAGES_AT_ONCE });

describe.concurrent('tick labels at the sliders’ ends', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launch({ reducedMotion: 'reduce' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds the sliders of every chapter', ({ expect }) => {
    for (const route of chapterRoutes()) {
      const found = sliders(route);
      expect(found.length, route).toBeGreaterThan(0);
      for (const s of found) expect(s.key, route).toMatch(/^[a-z][\w-]*\.\w+$/);
    }
  });

  it.for(cases)(
    '/%s (sliders at their %s): every tick has its label',
    async ([path], { expect }) => {
      const { page, problems } = await openPage(browser, baseUrl, path);
      try {
        await renderAllWidgets(page);
        await settleAllWidgets(page);
        expect(await blankTickLabels(page)).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );

  it.for(playground)('/%s: every tick has its label', async (path, { expect }) => {
    const { page, problems } = await openPage(browser, baseUrl, path);
    try {
      await page.locator('dl-playground').scrollIntoViewIfNeeded();
      await playgroundSettled(page);
      expect(await blankTickLabels(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
