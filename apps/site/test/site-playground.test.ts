import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { en } from '../src/i18n/en';
import {
  axeViolations,
  blankTickLabels,
  launch,
  openPage,
  playgroundSettled,
  type TestBrowser,
} from './browser';

// The playground page (/playground/, issue 12): every data kind draws; a setting changes the
// charts and the URL, and the URL reproduces the run; a pinned run stays as a ghost; the exports
// are accepted by `decaylab run` and Python (and, when torch is installed, the script's run
// matches the page's); invalid specs name their field; keyboard, axe, 375 px, zh-CN.

const baseUrl = inject('baseUrl');
const repo = resolve(__dirname, '../../..');
const cli = join(repo, 'packages/cli/bin/decaylab.js');
const torchPython = '/opt/torchvenv/bin/python';
let browser: TestBrowser;
let work: string;

beforeAll(async () => {
  browser = await launch();
  work = mkdtempSync(join(tmpdir(), 'decaylab-playground-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** A short run of `data` (URL query of a spec) so each test stays quick. */
const query = (fields: Record<string, string | number>) =>
  `?${Object.entries(fields)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')}`;

const LINE = {
  'data.kind': 'line',
  'model.kind': 'polynomial',
  'model.degree': 5,
  'optimizer.kind': 'adam',
  'optimizer.lr': 0.05,
  steps: 120,
};

const settled = playgroundSettled;

const runs = (page: Page) =>
  page.evaluate(() =>
    Number(document.querySelector<HTMLElement>('dl-playground')?.dataset.runs ?? 0),
  );

/** The svg markup of each chart slot. */
const charts = (page: Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('dl-playground [data-chart]')].map((s) => [
        s.dataset.chart ?? '',
        s.querySelector('.dl-plot')?.outerHTML ?? '',
      ]),
    ),
  );

/** Sets a form control as a reader would (fill fires `input`; select fires `change`). */
async function setControl(page: Page, name: string, value: string) {
  const el = page.locator(`dl-playground [name="${name}"]`).first();
  if ((await el.evaluate((e) => e.localName)) === 'select') await el.selectOption(value);
  else await el.fill(value);
}

async function open(path: string) {
  const opened = await openPage(browser, baseUrl, path);
  await opened.page.locator('dl-playground').scrollIntoViewIfNeeded();
  return opened;
}

describe('each data kind draws', () => {
  const kinds: [string, Record<string, string | number>, string][] = [
    ['line', { ...LINE }, 'fit'],
    ['polynomial', { ...LINE, 'data.kind': 'polynomial', 'model.degree': 3 }, 'fit'],
    ['highdim', { ...LINE, 'data.kind': 'highdim', 'model.kind': 'linear' }, 'scatter'],
    ['blobs', { ...LINE, 'data.kind': 'blobs', 'model.kind': 'logistic' }, 'boundary'],
    ['cars', { ...LINE, 'data.kind': 'cars', 'model.degree': 4 }, 'fit'],
    [
      'cars, three columns',
      {
        ...LINE,
        'data.kind': 'cars',
        'data.columns': 'horsepower,weight,year',
        'model.kind': 'linear',
      },
      'scatter',
    ],
    ['penguins', { ...LINE, 'data.kind': 'penguins', 'model.kind': 'logistic' }, 'boundary'],
    [
      'penguins, Gentoo against Chinstrap, mlp',
      {
        ...LINE,
        'data.kind': 'penguins',
        'data.positive': 'Gentoo',
        'data.negative': 'Chinstrap',
        'data.columns': 'flipperLength,bodyMass',
        'model.kind': 'mlp',
        'model.hidden': 8,
        loss: 'bce-logits',
      },
      'boundary',
    ],
  ];
  for (const [name, fields, view] of kinds)
    it(name, async () => {
      const { page, problems } = await open(`playground/${query(fields)}`);
      try {
        expect(await settled(page)).toBe('done');
        const drawn = await charts(page);
        expect(Object.keys(drawn).sort()).toEqual(['loss', 'model', 'norms', 'pulls', 'weights']);
        for (const svg of Object.values(drawn)) expect(svg).toContain('<path');
        expect(await page.getAttribute('[data-chart="model"]', 'data-view')).toBe(view);
        expect(await page.textContent('[data-readout="step"]')).toBe('120 / 120');
        expect(await blankTickLabels(page)).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });

  it('a pasted CSV (classes: two columns and a 0/1 label) draws its decision boundary', async () => {
    const { page, problems } = await open(`playground/${query(LINE)}`);
    try {
      await settled(page);
      const rows = Array.from({ length: 60 }, (_, i) => {
        const a = Math.sin(i * 1.7) * 2;
        const b = Math.cos(i * 2.3) * 2;
        return `${a.toFixed(3)},${b.toFixed(3)},${a + b > 0 ? 1 : 0}`;
      });
      await setControl(page, 'data', 'csv');
      // A bad cell first: its line and column are named under the box, and nothing runs.
      await page.locator('#pg-csv').fill('a,b,label\n1,2,1\n3,oops,0');
      await expect
        .poll(() => page.textContent('[data-problem-for="csv"]'))
        .toBe('line 3, column 2: "oops" is not a number');
      expect(await runs(page)).toBe(1);
      await page.locator('#pg-csv').fill(['a,b,label', ...rows].join('\n'));
      await page.waitForFunction(
        () => Number(document.querySelector<HTMLElement>('dl-playground')?.dataset.runs) >= 2,
      );
      expect(await settled(page, 2)).toBe('done');
      expect(await page.getAttribute('[data-chart="model"]', 'data-view')).toBe('boundary');
      expect(await page.inputValue('[name="model"]')).toBe('logistic');
      expect(page.url()).toContain('data=');
      // The rows are split by the seed: a new seed splits them again (a new validation set).
      const valRows = () => page.evaluate(() => new URL(location.href).searchParams.get('data'));
      const before = JSON.parse((await valRows()) ?? '{}').val;
      await setControl(page, 'seed', '7');
      await page.waitForFunction(
        () => Number(document.querySelector<HTMLElement>('dl-playground')?.dataset.runs) >= 3,
      );
      expect(await settled(page, 3)).toBe('done');
      const after = JSON.parse((await valRows()) ?? '{}').val;
      expect(after.y).toHaveLength(before.y.length);
      expect(after).not.toEqual(before);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
  it('a CSV too large for a link keeps the address bar plain and says how to share it', async () => {
    const { page, problems } = await open(`playground/${query(LINE)}`);
    try {
      await settled(page);
      const rows = Array.from(
        { length: 4000 },
        (_, i) => `${(i / 4000).toFixed(6)},${Math.sin(i).toFixed(6)}`,
      );
      await setControl(page, 'data', 'csv');
      // Pasted at once (typing 4000 rows through fill is slow in headless Chromium).
      await page.evaluate(
        (text) => {
          const box = document.querySelector<HTMLTextAreaElement>('#pg-csv');
          if (!box) return;
          box.value = text;
          box.dispatchEvent(new Event('input', { bubbles: true }));
        },
        ['x,y', ...rows].join('\n'),
      );
      await settled(page, 2);
      expect(new URL(page.url()).search).toBe('');
      expect(await page.textContent('[data-status]')).toContain('JSON');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('settings, URL and pins', () => {
  it('changing a setting changes the charts and the URL; opening the URL reproduces the run', async () => {
    const { page, problems } = await open(`playground/${query(LINE)}`);
    try {
      await settled(page, 1);
      const before = await charts(page);
      const trainBefore = await page.textContent('[data-readout="train"]');
      await setControl(page, 'lr', '0.01');
      await setControl(page, 'penalty', 'l2');
      await page.waitForFunction(
        () => Number(document.querySelector<HTMLElement>('dl-playground')?.dataset.runs) >= 2,
      );
      await settled(page, 2);
      const after = await charts(page);
      for (const name of ['loss', 'model', 'weights', 'norms', 'pulls'])
        expect(after[name], name).not.toBe(before[name]);
      const url = new URL(page.url());
      expect(url.searchParams.get('optimizer.lr')).toBe('0.01');
      expect(url.searchParams.get('penalty.kind')).toBe('l2');
      const trainAfter = await page.textContent('[data-readout="train"]');
      expect(trainAfter).not.toBe(trainBefore);

      const again = await open(`${url.pathname.slice(1)}${url.search}`);
      try {
        await settled(again.page);
        expect(await again.page.inputValue('[name="lr"]')).toBe('0.01');
        expect(await again.page.inputValue('[name="penalty"]')).toBe('l2');
        expect(await again.page.inputValue('[name="degree"]')).toBe('5');
        expect(await again.page.textContent('[data-readout="train"]')).toBe(trainAfter);
        expect(await again.page.textContent('[data-readout="val"]')).toBe(
          await page.textContent('[data-readout="val"]'),
        );
        expect(again.problems).toEqual([]);
      } finally {
        await again.page.close();
      }
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a pinned run stays as a ghost on every chart after a setting changes', async () => {
    const { page, problems } = await open(`playground/${query(LINE)}`);
    try {
      await settled(page, 1);
      await page.click('button[data-action="pin"]');
      await setControl(page, 'degree', '2');
      await page.waitForFunction(
        () => Number(document.querySelector<HTMLElement>('dl-playground')?.dataset.runs) >= 2,
      );
      await settled(page, 2);
      expect(await page.getAttribute('dl-playground', 'data-pinned')).toBe('1');
      const drawn = await charts(page);
      for (const name of ['loss', 'model', 'weights', 'norms', 'pulls'])
        expect(drawn[name], name).toContain('stroke-dasharray="5,3"');
      // The legend names the pinned run; clearing removes every ghost.
      expect(await page.locator('[data-chart="loss"] .dl-legend').textContent()).toContain(
        'pinned',
      );
      const draws = Number(await page.getAttribute('dl-playground', 'data-draws'));
      await page.click('button[data-action="unpin"]');
      await page.waitForFunction(
        (n) => Number(document.querySelector<HTMLElement>('dl-playground')?.dataset.draws) > n,
        draws,
      );
      const cleared = await charts(page);
      for (const name of ['loss', 'model', 'norms', 'pulls'])
        expect(cleared[name], name).not.toContain('stroke-dasharray="5,3"');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('an invalid spec in the JSON box names the field next to its control, and does not run', async () => {
    const { page, problems } = await open(`playground/${query(LINE)}`);
    try {
      await settled(page, 1);
      await page.click('[data-json] summary');
      const spec = JSON.parse(await page.inputValue('#pg-json'));
      spec.optimizer.lr = -1;
      await page.fill('#pg-json', JSON.stringify(spec, null, 2));
      await page.click('button[data-action="apply-json"]');
      await page.waitForFunction(
        () => document.querySelector<HTMLElement>('dl-playground')?.dataset.state === 'invalid',
      );
      expect(await page.textContent('[data-problem-for="lr"]')).toContain('optimizer.lr');
      expect(await page.textContent('[data-json-problems]')).toContain('optimizer.lr');
      expect(await page.inputValue('[name="lr"]')).toBe('-1');
      expect(await runs(page)).toBe(1);
      // Fixing it in the form runs again and clears the message.
      await setControl(page, 'lr', '0.02');
      await settled(page, 2);
      expect(await page.textContent('[data-problem-for="lr"]')).toBe('');
      // An optimizer key the form has no control for goes next to the optimizer menu.
      const typo = JSON.parse(await page.inputValue('#pg-json'));
      typo.optimizer.lrr = 1;
      await page.fill('#pg-json', JSON.stringify(typo, null, 2));
      await page.click('button[data-action="apply-json"]');
      await page.waitForFunction(
        () => document.querySelector<HTMLElement>('dl-playground')?.dataset.state === 'invalid',
      );
      expect(await page.textContent('[data-problem-for="optimizer"]')).toContain(
        'optimizer.lrr: unknown key',
      );
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the JSON box lists a syntax error or a non-object under it, and Ctrl+Enter runs a valid spec', async () => {
    const { page, problems } = await open(`playground/${query(LINE)}`);
    const state = () =>
      page.evaluate(() => document.querySelector<HTMLElement>('dl-playground')?.dataset.state);
    try {
      await settled(page, 1);
      await page.click('[data-json] summary');
      const valid = JSON.parse(await page.inputValue('#pg-json'));
      await page.fill('#pg-json', '{ "steps": ');
      await page.click('button[data-action="apply-json"]');
      await expect.poll(state).toBe('invalid');
      expect(await page.textContent('[data-status]')).toBe(en['playground.jsonSyntax']);
      expect(await page.locator('[data-json-problems] li').count()).toBe(1);
      await page.fill('#pg-json', '[1, 2]');
      await page.click('button[data-action="apply-json"]');
      await expect
        .poll(() => page.textContent('[data-json-problems]'))
        .toBe(en['playground.jsonNotObject']);
      expect(await page.textContent('[data-status]')).toBe(en['playground.invalid']);
      expect(await runs(page)).toBe(1);
      await page.fill('#pg-json', JSON.stringify({ ...valid, steps: 60 }));
      await page.locator('#pg-json').press('Control+Enter');
      expect(await settled(page, 2)).toBe('done');
      expect(await page.textContent('[data-readout="step"]')).toBe('60 / 60');
      expect(await page.inputValue('[name="steps"]')).toBe('60');
      expect(await page.locator('[data-json-problems] li').count()).toBe(0);
      expect(page.url()).toContain('steps=60');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a run that ends far above predicting 0 (degree 30 on the cars) says so instead of a silent "done"', async () => {
    const fields = { ...LINE, 'data.kind': 'cars', 'model.degree': 30, 'optimizer.lr': 0.01 };
    const { page, problems } = await open(`playground/${query(fields)}`);
    try {
      expect(await settled(page)).toBe('done');
      expect(await page.textContent('dl-playground [data-status]')).toMatch(
        /far above 1\b.*lower degree/,
      );
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a diverging run stops with a status line that says why', async () => {
    const fields = { ...LINE, 'model.degree': 9, 'optimizer.kind': 'sgd', 'optimizer.lr': 50 };
    const { page, problems } = await open(`playground/${query(fields)}`);
    try {
      expect(await settled(page)).toBe('diverged');
      expect(await page.textContent('[data-status]')).toMatch(/step \d+/);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

/** Same structure, numbers within 1e-9 relative (1e-12 absolute near 0). */
function expectClose(a: unknown, b: unknown, where: string): void {
  if (typeof a === 'number' && typeof b === 'number') {
    expect(Math.abs(a - b), where).toBeLessThanOrEqual(
      1e-9 * Math.max(Math.abs(a), Math.abs(b)) + 1e-12,
    );
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(a), where).toEqual(Object.keys(b));
    for (const k of Object.keys(a))
      expectClose(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${where}.${k}`,
      );
  } else expect(a, where).toEqual(b);
}

describe('exports', () => {
  /** Clicks a download button and returns the file's text. */
  async function download(page: Page, kind: string): Promise<string> {
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 45_000 }),
      page.click(`button[data-action="download"][data-kind="${kind}"]`),
    ]);
    const path = join(work, `${kind}-${Date.now()}`);
    await file.saveAs(path);
    return readFileSync(path, 'utf8');
  }

  /** The final parameters of an NDJSON recording (its last step event). */
  const finalParams = (ndjson: string): Record<string, number[]> => {
    const steps = ndjson
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l))
      .filter((e) => e.type === 'step');
    return steps.at(-1).params;
  };

  it.each([
    [
      'line, sgd + momentum, L1, no decay on biases',
      {
        ...LINE,
        'optimizer.kind': 'sgd',
        'optimizer.lr': 0.1,
        'optimizer.momentum': 0.9,
        'penalty.kind': 'l1',
        'penalty.lambda': 0.01,
        'penalty.params': 'weight',
        paramGroups: '[{"params":["bias"],"weightDecay":0}]',
        'optimizer.weightDecay': 0.01,
      },
    ],
    [
      'cars, degree-4 polynomial, L2 penalty (the page default)',
      {
        ...LINE,
        'data.kind': 'cars',
        'model.degree': 4,
        'optimizer.lr': 0.01,
        'penalty.kind': 'l2',
        'penalty.lambda': 0.01,
      },
    ],
    [
      'penguins (Adelie vs Chinstrap), mlp, adamw, no decay on biases',
      {
        ...LINE,
        'data.kind': 'penguins',
        'data.negative': 'Chinstrap',
        'model.kind': 'mlp',
        'model.hidden': 12,
        loss: 'bce-logits',
        'optimizer.kind': 'adamw',
        'optimizer.weightDecay': 0.1,
        paramGroups: '[{"params":["0.bias","1.bias"],"weightDecay":0}]',
      },
    ],
    [
      'blobs, mlp, adamw, minibatches',
      {
        ...LINE,
        'data.kind': 'blobs',
        'model.kind': 'mlp',
        'model.hidden': '6,4',
        loss: 'bce-logits',
        'optimizer.kind': 'adamw',
        batchSize: 16,
      },
    ],
  ])('%s: spec, command, recording and script are accepted and agree', async (_name, fields) => {
    const { page, problems } = await open(`playground/${query(fields)}`);
    try {
      await settled(page);
      const dir = mkdtempSync(join(work, 'export-'));
      // The spec: `decaylab run` accepts it and records the page's run.
      const spec = await download(page, 'spec');
      writeFileSync(join(dir, 'spec.json'), spec);
      const cliRun = execFileSync(
        'node',
        [cli, 'run', join(dir, 'spec.json'), '--format', 'ndjson'],
        {
          encoding: 'utf8',
          maxBuffer: 1 << 28,
        },
      );
      // The recording: the same events as the CLI's, line for line.
      const recording = await download(page, 'recording');
      expect(recording.trim().split('\n').length).toBe(cliRun.trim().split('\n').length);
      // The run header is byte-identical; step values agree to 1e-9 relative (the browser's and
      // Node's V8 round some transcendental functions differently in the last bit, and the
      // difference grows a little over the steps).
      const ours = recording.trim().split('\n');
      const theirs = cliRun.trim().split('\n');
      expect(ours[0]).toBe(theirs[0]);
      ours.forEach((line, i) => {
        expectClose(JSON.parse(line), JSON.parse(theirs[i] as string), `line ${i + 1}`);
      });
      // The command line: runs as written, with `decaylab` on the PATH.
      const command = await download(page, 'command');
      expect(command).toMatch(/decaylab run/);
      const bin = join(dir, 'bin');
      mkdirSync(bin);
      writeFileSync(join(bin, 'decaylab'), `#!/bin/sh\nexec node ${JSON.stringify(cli)} "$@"\n`, {
        mode: 0o755,
      });
      const shell = spawnSync('bash', ['-c', command], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
        maxBuffer: 1 << 28,
      });
      expect(shell.stderr).toBe('');
      expect(shell.status).toBe(0);
      // The PyTorch script: valid Python; with torch, its final parameters match the page's.
      const script = await download(page, 'script');
      // Its instructions record the same run from the saved spec, on one line.
      expect(script).toContain('decaylab run spec.json > run.ndjson');
      const parsed = spawnSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], {
        input: script,
        encoding: 'utf8',
      });
      expect(parsed.stderr).toBe('');
      expect(parsed.status).toBe(0);
      if (existsSync(torchPython)) {
        const torch = spawnSync(torchPython, ['-'], {
          input: script,
          encoding: 'utf8',
          maxBuffer: 1 << 28,
        });
        expect(torch.stderr).toBe('');
        // The page's own run: the parameters its charts show after the last step.
        // (The element's TracePlayer holds the run's trace.)
        const ours = (await page.evaluate(
          () =>
            (
              document.querySelector('dl-playground') as unknown as {
                player: { trace: { params: unknown } };
              }
            ).player.trace.params,
        )) as Record<string, number[]>;
        expect(ours).toEqual(finalParams(recording));
        const theirs = finalParams(torch.stdout);
        for (const [name, values] of Object.entries(ours))
          values.forEach((v, i) => {
            const w = theirs[name]?.[i] as number;
            expect(Math.abs(v - w) / Math.max(1, Math.abs(v)), `${name}[${i}]`).toBeLessThan(1e-9);
          });
      } else
        console.log(`site-playground: ${torchPython} absent, the PyTorch script was only parsed`);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('"Copy" fills the clipboard, "Show" puts the export in the page, and a script too large to embed says why', async () => {
    const fields = {
      ...LINE,
      'data.kind': 'highdim',
      'data.dims': 2000,
      'data.n': 2000,
      'model.kind': 'linear',
      steps: 2,
    };
    const { page, problems } = await open(`playground/${query(fields)}`);
    try {
      await settled(page);
      // Copy: the clipboard holds what Show shows.
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(baseUrl).origin,
      });
      await page.click('button[data-action="copy"][data-kind="spec"]');
      await expect.poll(() => page.textContent('[data-export-status]')).toContain('spec.json');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(JSON.parse(copied)).toMatchObject({ data: { kind: 'highdim', dims: 2000 } });
      await page.click('button[data-action="show"][data-kind="command"]');
      await expect.poll(() => page.textContent('[data-export-text]')).toContain('decaylab run');
      await page.click('button[data-action="show"][data-kind="script"]');
      await page.waitForFunction(
        () =>
          document.querySelector<HTMLElement>('dl-playground')?.dataset.exported === 'script:error',
      );
      expect(await page.textContent('[data-export-status]')).toMatch(/PyTorch|export/i);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
  it('a recording too large to keep in the page points to the CLI instead', async () => {
    const fields = {
      ...LINE,
      'data.kind': 'highdim',
      'data.dims': 2000,
      'model.kind': 'linear',
      steps: 20000,
    };
    const { page, problems } = await open(`playground/${query(fields)}`);
    try {
      await settled(page);
      await page.click('button[data-action="download"][data-kind="recording"]');
      await page.waitForFunction(
        () =>
          document.querySelector<HTMLElement>('dl-playground')?.dataset.exported ===
          'recording:error',
      );
      expect(await page.textContent('[data-export-status]')).toContain('--out run.ndjson');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('reader', () => {
  it('is axe clean in light and dark, with every control reachable by keyboard', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const b = await launch({ colorScheme });
      try {
        const { page, problems } = await openPage(b, baseUrl, `playground/${query(LINE)}`);
        await page.locator('dl-playground').scrollIntoViewIfNeeded();
        await settled(page);
        await page.click('[data-json] summary');
        expect(await axeViolations(page)).toEqual([]);
        if (colorScheme === 'light') {
          const wanted = await page.evaluate(() =>
            [
              ...document.querySelectorAll<HTMLElement>(
                'dl-playground :is(input, select, textarea, button, summary, [tabindex="0"])',
              ),
            ]
              .filter((e) => e.offsetParent !== null && !(e as HTMLButtonElement).disabled)
              .map(
                (e) =>
                  e.id ||
                  `${e.localName}:${e.dataset.action ?? ''}:${e.dataset.kind ?? ''}:${e.textContent?.trim()}`,
              ),
          );
          await page.focus('dl-playground select[name="data"]');
          const seen = new Set<string>();
          for (let i = 0; i < wanted.length + 20; i++) {
            seen.add(
              await page.evaluate(() => {
                const e = document.activeElement as HTMLElement;
                return (
                  e.id ||
                  `${e.localName}:${e.dataset.action ?? ''}:${e.dataset.kind ?? ''}:${e.textContent?.trim()}`
                );
              }),
            );
            await page.keyboard.press('Tab');
          }
          expect(wanted.filter((w) => !seen.has(w))).toEqual([]);
        }
        expect(problems).toEqual([]);
        await page.close();
      } finally {
        await b.close();
      }
    }
  });

  it('fits 375 px without horizontal scrolling, and honours reduced motion', async () => {
    const b = await launch({ width: 375, height: 800, reducedMotion: 'reduce' });
    try {
      const { page, problems } = await openPage(
        b,
        baseUrl,
        `playground/${query({ ...LINE, steps: 300 })}`,
      );
      await page.locator('dl-playground').scrollIntoViewIfNeeded();
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        375,
      );
      // Reduced motion: drawn when the run starts and when it ends, not at every step.
      const draws = Number(await page.getAttribute('dl-playground', 'data-draws'));
      expect(draws).toBeGreaterThan(0);
      expect(draws).toBeLessThanOrEqual(4);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await b.close();
    }
  });

  it('works in Chinese at /zh-cn/playground/', async () => {
    const { page, problems } = await open(`zh-cn/playground/${query(LINE)}`);
    try {
      expect(await settled(page)).toBe('done');
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      expect(await page.textContent('button[data-action="pin"]')).toBe('固定这次运行');
      expect(await page.locator('[data-chart="loss"] .dl-legend').textContent()).toContain('训练');
      expect(await page.textContent('main h2')).toMatch(/[\u4e00-\u9fff]/);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
