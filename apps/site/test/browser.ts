import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../scripts/chromium.js';
import { docsDir, pagesIn, translatedLocales } from '../scripts/i18n.js';

/** A running Chromium with its own fresh profile directory; `close()` removes both. */
export interface TestBrowser {
  readonly context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Options for `launch`. */
export interface LaunchOptions {
  readonly colorScheme?: 'light' | 'dark';
  readonly reducedMotion?: 'reduce' | 'no-preference';
  readonly width?: number;
  readonly height?: number;
  /** Run the page's JavaScript. Default true (false: test the no-JS fallbacks). */
  readonly javaScriptEnabled?: boolean;
}

/**
 * Launches Chromium with the project's flags and a fresh user-data-dir.
 *
 * @example
 * const browser = await launch({ colorScheme: 'dark' });
 * const page = await browser.newPage();
 */
export async function launch({
  colorScheme = 'light',
  reducedMotion = 'no-preference',
  width = 1280,
  height = 900,
  javaScriptEnabled = true,
}: LaunchOptions = {}): Promise<TestBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'decaylab-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    args: CHROMIUM_FLAGS,
    headless: true,
    colorScheme,
    reducedMotion,
    viewport: { width, height },
    javaScriptEnabled,
  });
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A page plus everything it reported: console errors/warnings, uncaught errors, failed requests. */
export interface OpenedPage {
  readonly page: Page;
  /** `error: …` / `warning: …` / `pageerror: …` / `requestfailed: …` lines. */
  readonly problems: string[];
}

/**
 * Opens `path` (relative to the test server) and records every console error or warning,
 * uncaught exception and failed request from then on.
 *
 * @example
 * const { page, problems } = await openPage(browser, 'chapters/03-smaller-weights/');
 * expect(problems).toEqual([]);
 */
export async function openPage(
  browser: TestBrowser,
  baseUrl: string,
  path: string,
): Promise<OpenedPage> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning')
      problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (req) =>
    problems.push(`requestfailed: ${req.url()} ${req.failure()?.errorText ?? ''}`),
  );
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`http ${res.status()}: ${res.url()}`);
  });
  await page.goto(new URL(path, baseUrl).href, { waitUntil: 'load' });
  return { page, problems };
}

/**
 * Scrolls every widget into view (so each loads Plot and starts) and waits until each has
 * drawn an <svg> into every chart slot. A widget marked `data-awaits-input` (it draws only
 * after the reader gives it something, like the run viewer) only has to be defined.
 */
export async function renderAllWidgets(page: Page, { timeout = 45_000 } = {}): Promise<number> {
  const count = await page.locator('.dl-widget').count();
  for (let i = 0; i < count; i++) {
    const widget = page.locator('.dl-widget').nth(i);
    await widget.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (el) => {
        const widget = el as HTMLElement;
        if (widget.hasAttribute('data-awaits-input')) return widget.matches(':defined');
        const slots = [...widget.querySelectorAll('[data-chart]')];
        return slots.length > 0 && slots.every((s) => s.querySelector('svg'));
      },
      await widget.elementHandle(),
      { timeout },
    );
  }
  return count;
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** One axe-core violation, reduced to what a failure message needs. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/**
 * Runs axe-core (WCAG 2 A/AA rules) on the page and returns the serious and critical violations.
 * `contrast: false` leaves out color-contrast, two thirds of axe's time on a chapter: the phone
 * layout's pages use the colours whose contrast the 1280 px passes check in both schemes.
 *
 * @example
 * expect(await axeViolations(page)).toEqual([]);
 */
export async function axeViolations(
  page: Page,
  { contrast = true }: { contrast?: boolean } = {},
): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async (contrast) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page at run time
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
      rules: contrast ? {} : { 'color-contrast': { enabled: false } },
    });
    return result.violations.map(
      (v: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }),
    );
  }, contrast);
  return (violations as AxeViolation[]).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
}

/** The built site (apps/site/dist, or SITE_DIST: see scripts/serve.js). */
export const distDir = process.env.SITE_DIST
  ? `${resolve(process.env.SITE_DIST)}/`
  : fileURLToPath(new URL('../dist/', import.meta.url));

/**
 * Every page of the built site, as paths relative to the site root (`''`, `chapters/01-…/`),
 * found by walking dist/ for index.html files (so new pages are covered automatically).
 */
export function builtRoutes(dir = distDir): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (name === '_astro' || name === 'pagefind') continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'index.html') out.push(relative(dir, d).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.map((r) => (r === '' ? '' : `${r}/`)).sort();
}

/** Routes of chapter pages (`chapters/NN-…/`). */
export function chapterRoutes(): string[] {
  return builtRoutes().filter((r) => r.startsWith('chapters/'));
}

/** The site's locales: `''` (English, at the root), then each translated one (`'zh-cn'`). */
export const locales: readonly string[] = ['', ...translatedLocales];

/** The locale of a route: `'zh-cn'` for `zh-cn/…`, `''` for an English one. */
export const localeOf = (route: string): string =>
  translatedLocales.find((l) => route === `${l}/` || route.startsWith(`${l}/`)) ?? '';

/** A route in another locale: `pairedRoute('chapters/05-geometry/', 'zh-cn')` → `zh-cn/chapters/05-geometry/`. */
export const pairedRoute = (route: string, locale: string): string => {
  const from = localeOf(route);
  const bare = from ? route.slice(from.length + 1) : route;
  return locale ? `${locale}/${bare}` : bare;
};

/**
 * The routes of a translated locale's pages, from its docs folder (`docs/zh-cn/chapters/05-geometry.mdx`
 * → `zh-cn/chapters/05-geometry/`), so a newly translated page is tested without editing a test.
 * Untranslated pages are built too (Starlight's English fallback): `builtRoutes()` has those.
 */
export function translatedRoutes(locale = 'zh-cn'): string[] {
  return [...pagesIn(join(docsDir, locale)).keys()]
    .map((page) => `${locale}/${page === 'index' ? '' : `${page.replace(/\/index$/, '')}/`}`)
    .sort();
}

/** Routes of chapter pages in every locale (`chapters/…/`, `zh-cn/chapters/…/`). */
export function chapterRoutesAllLocales(): string[] {
  return builtRoutes().filter((r) => pairedRoute(r, '').startsWith('chapters/'));
}

/**
 * How many pages a file's `describe.concurrent` blocks open at once in their shared browser
 * (`vi.setConfig({ maxConcurrency: PAGES_AT_ONCE })`): enough to overlap page loads, few enough
 * for 2 CI cores. `SITE_TEST_PAGES_AT_ONCE=1` runs them one by one.
 */
export const PAGES_AT_ONCE = Number(process.env.SITE_TEST_PAGES_AT_ONCE ?? 2);

/**
 * Waits until every widget on the page has finished its run (`data-state` is not `playing`),
 * bringing each into view in turn (a widget pauses while off screen). Returns the states.
 */
export async function settleAllWidgets(page: Page, { timeout = 60_000 } = {}): Promise<string[]> {
  const count = await page.locator('.dl-widget').count();
  const states: string[] = [];
  for (let i = 0; i < count; i++) {
    const widget = page.locator('.dl-widget').nth(i);
    await widget.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (el) => (el as HTMLElement).dataset.state !== 'playing',
      await widget.elementHandle(),
      { timeout },
    );
    states.push((await widget.getAttribute('data-state')) ?? '');
  }
  return states;
}

/** The markup of a widget's charts and the text of its readouts, keyed by `data-readout`. */
export const widgetSnapshot = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => ({
    charts: [...el.querySelectorAll('[data-chart]')].map((c) => c.innerHTML),
    readouts: Object.fromEntries(
      [...el.querySelectorAll<HTMLElement>('[data-readout]')].map((r) => [
        r.dataset.readout,
        r.textContent ?? '',
      ]),
    ),
  }));

/** Waits until the widget matching `selector` reports `data-state` = `state`. */
export const waitForState = (page: Page, selector: string, state = 'done', timeout = 60_000) =>
  page.waitForFunction(
    ([s, st]) => document.querySelector<HTMLElement>(s as string)?.dataset.state === st,
    [selector, state],
    { timeout },
  );

/**
 * The widgets' axes with an unlabelled tick (Plot leaves log-scale labels blank on ranges of
 * about a decade or less unless given `logTicks`), each as `widget chart: labels`. An axis's
 * tick labels are Plot's numeric `<text>`s, grouped with `font-variant="tabular-nums"` (the
 * site drops Plot's `aria-label`s). Empty when every tick of every widget chart has its label.
 */
export const blankTickLabels = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.dl-widget [data-chart]')].flatMap((slot) =>
      [
        ...slot.querySelectorAll(
          'svg g[font-variant="tabular-nums"], svg g[aria-label$="tick label"]',
        ),
      ].flatMap((axis) => {
        const labels = [...axis.querySelectorAll('text')].map((t) => t.textContent ?? '');
        const widget = slot.closest('.dl-widget')?.localName ?? '?';
        return labels.some((l) => l.trim() === '')
          ? [`${widget} ${slot.dataset.chart}: ${JSON.stringify(labels)}`]
          : [];
      }),
    ),
  );

/** Waits until the playground has drawn run number `runs` and stopped playing; returns its state. */
export async function playgroundSettled(page: Page, runs = 1): Promise<string> {
  await page
    .waitForFunction(
      (n) => {
        const el = document.querySelector<HTMLElement>('dl-playground');
        return el && Number(el.dataset.drawn ?? 0) >= n && el.dataset.state !== 'playing';
      },
      runs,
      { timeout: 45_000 },
    )
    .catch(async (error: Error) => {
      // Say what the playground was doing, so a timeout can be told from a run that never drew.
      const seen = await page
        .evaluate(() => {
          const el = document.querySelector<HTMLElement>('dl-playground');
          const status = el?.querySelector('.dl-status')?.textContent?.trim();
          return `${JSON.stringify({ ...el?.dataset })} status: ${status || '(none)'}`;
        })
        .catch(() => '(page gone)');
      throw new Error(`${error.message}\nwaiting for draw ${runs}; the playground: ${seen}`);
    });
  return page.evaluate(
    () => document.querySelector<HTMLElement>('dl-playground')?.dataset.state ?? '',
  );
}

/**
 * Resolves after the page has drawn two more animation frames: a frame already scheduled when a
 * widget was paused draws the steps computed before the pause, so read "what the pause froze"
 * after it.
 */
export const afterFrames = (page: Page): Promise<void> =>
  page.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
