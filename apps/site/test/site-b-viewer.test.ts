import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeEvent, train } from '@decaylab/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, type TestBrowser } from './browser';

const baseUrl = inject('baseUrl');
const cliDir = fileURLToPath(new URL('../../../packages/cli/', import.meta.url));
const spec = {
  name: 'viewer-test',
  seed: 3,
  data: { kind: 'line', n: 20, nVal: 50, noise: 0.3 },
  model: { kind: 'polynomial', degree: 5 },
  optimizer: { kind: 'sgd', lr: 0.1, momentum: 0.9, weightDecay: 0.01 },
  steps: 400,
};

/** A recording made by the real CLI (`decaylab run --out`) when it is built, else by core. */
function record(dir: string): { file: string; madeBy: string } {
  const file = join(dir, 'viewer-test.ndjson');
  if (existsSync(join(cliDir, 'dist'))) {
    const specFile = join(dir, 'spec.json');
    writeFileSync(specFile, JSON.stringify(spec));
    const r = spawnSync(
      process.execPath,
      [join(cliDir, 'bin/decaylab.js'), 'run', specFile, '--out', file],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    if (r.status !== 0) throw new Error(`decaylab run failed (${r.status}): ${r.stderr}`);
    return { file, madeBy: 'decaylab run --out' };
  }
  const lines: string[] = [];
  train(spec).subscribe((e) => lines.push(encodeEvent(e)));
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, madeBy: 'train() + encodeEvent' };
}

/** Waits until the run viewer has drawn a recording's charts (`data-draws` is set). */
const drawn = (page: Page, timeout: number) =>
  page.waitForFunction(
    () => document.querySelector<HTMLElement>('dl-run-viewer')?.dataset.draws !== undefined,
    null,
    { timeout },
  );

describe('run viewer', () => {
  let browser: TestBrowser;
  let dir: string;
  beforeAll(async () => {
    browser = await launch();
    dir = mkdtempSync(join(tmpdir(), 'decaylab-viewer-'));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts a recording made by `decaylab run --out` and draws its charts', async () => {
    const { file, madeBy } = record(dir);
    console.log(`viewer test recording made by: ${madeBy}`);
    const { page, problems } = await openPage(browser, baseUrl, 'reference/viewer/');
    try {
      await page.locator('dl-run-viewer input[type="file"]').setInputFiles(file);
      await drawn(page, 15_000);
      await expect(page.locator('dl-run-viewer [data-status]').textContent()).resolves.toBe(
        'viewer-test.ndjson: 400 step events.',
      );
      const summary = (await page.locator('dl-run-viewer [data-summary]').textContent()) ?? '';
      expect(summary).toContain('viewer-test');
      expect(summary).toContain('completed after 400 steps');
      expect(await page.locator('dl-run-viewer [data-chart="loss"] svg').count()).toBe(1);
      expect(await page.locator('dl-run-viewer [data-chart="norms"] svg').count()).toBe(1);
      expect(
        await page.locator('dl-run-viewer [data-chart="loss"] svg path').count(),
      ).toBeGreaterThan(1);
      await expect(page.locator('dl-run-viewer [data-errors]').isHidden()).resolves.toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('lists bad lines as `line N: reason` and still shows the rest', async () => {
    const { file } = record(dir);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.splice(2, 0, 'not json at all'); // line 3
    lines.splice(7, 0, '{"type":"step","step":-1}'); // line 8
    const bad = join(dir, 'bad.ndjson');
    writeFileSync(bad, lines.join('\n'));
    const { page, problems } = await openPage(browser, baseUrl, 'reference/viewer/');
    try {
      await page.locator('dl-run-viewer input[type="file"]').setInputFiles(bad);
      await drawn(page, 15_000);
      const errors = await page.locator('dl-run-viewer [data-errors] li').allTextContents();
      expect(errors).toHaveLength(2);
      expect(errors[0]).toMatch(/^line 3: /);
      expect(errors[1]).toMatch(/^line 8: /);
      await expect(page.locator('dl-run-viewer [data-status]').textContent()).resolves.toBe(
        'bad.ndjson: 400 step events, 2 bad lines skipped.',
      );
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('?viewer.example=1 opens the example on load (a shareable view)', async () => {
    const { page, problems } = await openPage(
      browser,
      baseUrl,
      'reference/viewer/?viewer.example=1',
    );
    try {
      await drawn(page, 15_000);
      await expect(page.locator('dl-run-viewer [data-status]').textContent()).resolves.toBe(
        'example.ndjson: 1000 step events.',
      );
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the example button records a run in the page and shows it', async () => {
    const { page, problems } = await openPage(browser, baseUrl, 'reference/viewer/');
    try {
      await page.locator('dl-run-viewer [data-action="example"]').click();
      await drawn(page, 15_000);
      await expect(page.locator('dl-run-viewer [data-status]').textContent()).resolves.toBe(
        'example.ndjson: 1000 step events.',
      );
      expect(await page.locator('dl-run-viewer svg').count()).toBe(2);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
  // On a slow connection the reader can press "example" or pick a file while the element is
  // still its server-rendered markup: the action is kept and replayed once the element is defined.
  for (const [action, status] of [
    ['the example button pressed', 'example.ndjson: 1000 step events.'],
    ['a file chosen', 'viewer-test.ndjson: 400 step events.'],
  ] as const)
    it(`${action} before the viewer code has arrived is not lost`, async () => {
      const { file } = record(dir);
      const page = await browser.newPage();
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      await page.route('**/_astro/RunViewerElement*.js', async (route) => {
        await held;
        await route.continue();
      });
      try {
        await page.goto(new URL('reference/viewer/', baseUrl).href, { waitUntil: 'load' });
        if (action === 'a file chosen')
          await page.locator('dl-run-viewer input[type="file"]').setInputFiles(file);
        else await page.locator('dl-run-viewer [data-action="example"]').click();
        expect(await page.evaluate(() => customElements.get('dl-run-viewer') === undefined)).toBe(
          true,
        );
        release();
        await drawn(page, 30_000);
        expect(await page.locator('dl-run-viewer [data-status]').textContent()).toBe(status);
      } finally {
        release();
        await page.close();
      }
    });

  it('a file that is not a recording says so and draws no (empty) charts', async () => {
    const { page, problems } = await openPage(browser, baseUrl, 'reference/viewer/');
    try {
      for (const [name, content, why] of [
        ['blank.ndjson', '\n\n  \n', 'only blank lines'],
        [
          'image.ndjson',
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 10]),
          'no readable "run" header',
        ],
      ] as const) {
        const file = join(dir, name);
        writeFileSync(file, content);
        await page.locator('dl-run-viewer input[type="file"]').setInputFiles(file);
        await page.waitForFunction(
          () =>
            document.querySelector<HTMLElement>('dl-run-viewer')?.dataset.state ===
            'not-a-recording',
          null,
          { timeout: 15_000 },
        );
        await expect(page.locator('dl-run-viewer [data-status]').textContent()).resolves.toBe(
          `${name}: not a decaylab recording (${why}).`,
        );
        expect(await page.locator('dl-run-viewer .dl-charts').isHidden()).toBe(true);
        expect(await page.locator('dl-run-viewer svg').count()).toBe(0);
      }
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a __proto__ parameter is a skipped line, and the charts keep the real parameters', async () => {
    const { file } = record(dir);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[4] = (lines[4] as string).replace('"norms":{', '"norms":{"__proto__":1,"constructor":2,');
    const bad = join(dir, 'proto.ndjson');
    writeFileSync(bad, lines.join('\n'));
    const { page, problems } = await openPage(browser, baseUrl, 'reference/viewer/');
    try {
      await page.locator('dl-run-viewer input[type="file"]').setInputFiles(bad);
      await drawn(page, 15_000);
      const errors = await page.locator('dl-run-viewer [data-errors] li').allTextContents();
      expect(errors).toEqual([
        expect.stringMatching(/^line 5: norms\.__proto__: not a parameter of this run/),
      ]);
      const legend = (await page.locator('dl-run-viewer [data-chart="norms"]').textContent()) ?? '';
      expect(legend).toContain('‖weight‖');
      expect(legend).not.toMatch(/__proto__|constructor|function/);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('reads a large recording in a worker, thinned: progress is shown while the page stays live', async () => {
    // ~40 MB: 60,000 steps of a degree-9 polynomial (every event, as `run --out` writes them).
    const big = join(dir, 'big.ndjson');
    const lines: string[] = [];
    train({ ...spec, model: { kind: 'polynomial', degree: 9 }, steps: 60_000 }).subscribe((e) =>
      lines.push(encodeEvent(e)),
    );
    writeFileSync(big, `${lines.join('\n')}\n`);
    const { page, problems } = await openPage(browser, baseUrl, 'reference/viewer/');
    try {
      await page.evaluate(() => {
        const w = window as unknown as { longest: number; statuses: string[] };
        w.longest = 0;
        w.statuses = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
        }).observe({ type: 'longtask', buffered: false });
        const status = document.querySelector('dl-run-viewer [data-status]') as HTMLElement;
        new MutationObserver(() => w.statuses.push(status.textContent ?? '')).observe(status, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      });
      await page.locator('dl-run-viewer input[type="file"]').setInputFiles(big);
      await drawn(page, 120_000);
      const { longest, statuses } = await page.evaluate(() => {
        const w = window as unknown as { longest: number; statuses: string[] };
        return { longest: w.longest, statuses: w.statuses };
      });
      console.log(
        `viewer: ${lines.length} lines; longest main-thread task while reading ${Math.round(longest)} ms`,
      );
      expect(statuses.some((t) => /^Reading big\.ndjson… \d+%$/.test(t))).toBe(true);
      const scripts = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((r) => r.name),
      );
      expect(
        scripts.some((u) => /recordingWorker[^/]*\.js$/.test(u)),
        'read in the worker',
      ).toBe(true);
      await expect(page.locator('dl-run-viewer [data-status]').textContent()).resolves.toBe(
        'big.ndjson: 60000 step events.',
      );
      const points = await page
        .locator('dl-run-viewer [data-chart="loss"] svg path')
        .evaluateAll((paths) =>
          Math.max(...paths.map((p) => (p.getAttribute('d') ?? '').split(/[ML]/).length)),
        );
      expect(points).toBeLessThanOrEqual(802);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000); // generating and reading ~40 MB takes a minute or more on a loaded 2-core machine
});
