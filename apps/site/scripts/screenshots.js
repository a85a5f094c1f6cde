#!/usr/bin/env node
// Screenshots of every chapter (and the home page) in light and dark mode at 1280 px and
// 375 px into apps/site/screenshots-out/. Widgets run with reduced motion, so each run jumps
// to its end before the shot. Also one close-up per widget (<page>-<theme>-<width>-widget<N>.png).
// Usage: node scripts/screenshots.js [route-filter[,route-filter…]]  (a route matching any)
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from './chromium.js';
import { distDir, startPreview } from './serve.js';

const outDir = fileURLToPath(new URL('../screenshots-out/', import.meta.url));
const filters = (process.argv[2] ?? '').split(',');

if (!existsSync(join(distDir, 'index.html'))) {
  console.error('screenshots: dist/ is missing; run `npm run build -w @decaylab/site` first');
  process.exit(1);
}
/**
 * The home page and chapters of every locale (`zh-cn/…` too), the Chinese reference pages, and the
 * references page and the playground in both locales.
 */
const pagesUnder = (dir) =>
  existsSync(join(distDir, dir))
    ? readdirSync(join(distDir, dir))
        .sort()
        .map((c) => `${dir}/${c}/`)
    : [];
const routes = [
  '',
  ...pagesUnder('chapters'),
  'zh-cn/',
  ...pagesUnder('zh-cn/chapters'),
  ...pagesUnder('zh-cn/reference'),
  ...['references/', 'zh-cn/references/', 'playground/', 'zh-cn/playground/'].filter((r) =>
    existsSync(join(distDir, r, 'index.html')),
  ),
].filter((r) => filters.some((f) => r.includes(f)));
/** A route's file-name stem: `home`, `01-what-…`, `zh-cn`, `zh-cn-01-what-…`, `zh-cn-reference-cli`. */
const shotName = (route) =>
  route
    .replace(/\/$/, '')
    .replace(/(^|\/)chapters\//, '$1')
    .replaceAll('/', '-') || 'home';

mkdirSync(outDir, { recursive: true });
const site = await startPreview({ port: 0, host: '127.0.0.1' });
const { port } = site;
const userDataDir = mkdtempSync(join(tmpdir(), 'decaylab-shots-'));
let failures = 0;
try {
  for (const theme of ['light', 'dark']) {
    for (const width of [1280, 375]) {
      const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: chromiumPath,
        args: CHROMIUM_FLAGS,
        headless: true,
        colorScheme: theme,
        reducedMotion: 'reduce',
        viewport: { width, height: 900 },
      });
      await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      for (const route of routes) {
        const page = await context.newPage();
        const problems = [];
        page.on(
          'console',
          (m) => ['error', 'warning'].includes(m.type()) && problems.push(m.text()),
        );
        page.on('pageerror', (e) => problems.push(e.message));
        await page.goto(`http://127.0.0.1:${port}/${route}`, { waitUntil: 'load' });
        // Scroll through so every widget loads, then wait for the runs to end.
        for (const w of await page.locator('.dl-widget').all()) {
          await w.scrollIntoViewIfNeeded();
          await page
            .waitForFunction(
              (el) => el.dataset.state === 'done' && el.querySelector('[data-chart] svg'),
              await w.elementHandle(),
              { timeout: 20_000 },
            )
            .catch(() => problems.push('widget did not finish within 20 s'));
        }
        // Close-ups: hide the sticky header and mobile table of contents, which would cover the widget.
        const hide = await page.addStyleTag({
          content: 'header.header, mobile-starlight-toc { visibility: hidden !important; }',
        });
        const widgets = await page.locator('.dl-widget').all();
        for (const [i, w] of widgets.entries()) {
          const stem = `${shotName(route)}-${theme}-${width}`;
          await w.screenshot({ path: join(outDir, `${stem}-widget${i + 1}.png`) });
        }
        await hide.evaluate((el) => el.remove());
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(200);
        const name = `${shotName(route)}-${theme}-${width}.png`;
        await page.screenshot({ path: join(outDir, name), fullPage: true });
        console.log(
          `${problems.length ? '✗' : '✓'} ${name}${problems.length ? `  ${problems.join(' | ')}` : ''}`,
        );
        failures += problems.length ? 1 : 0;
        await page.close();
      }
      await context.close();
    }
  }
} finally {
  rmSync(userDataDir, { recursive: true, force: true });
  await site.stop();
}
console.log(`screenshots in ${outDir}`);
process.exit(failures ? 1 : 0);
