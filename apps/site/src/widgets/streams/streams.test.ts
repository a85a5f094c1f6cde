import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/server.js';
import { formatArg, runSnippet } from './snippetRuntime.js';
import { transformImports } from './transformImports.js';

const dir = fileURLToPath(new URL('./snippets/', import.meta.url));
const snippets = readdirSync(dir).filter((f) => f.endsWith('.js'));

async function run(code: string): Promise<{ out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  await runSnippet(code, { print: (line, level) => (level === 'log' ? out : err).push(line) }).done;
  return { out, err };
}

describe('transformImports', () => {
  it('turns named imports into destructuring, drops type imports, rejects other forms', () => {
    expect(transformImports("import { a, b as c } from 'rxjs';\nx();")).toBe(
      'const { a, b: c } = __import("rxjs");\nx();',
    );
    expect(transformImports("import type { T } from '@decaylab/core';")).toBe('');
    expect(() => transformImports("const a = 1;\nimport x from 'rxjs';")).toThrow(
      /line 2: only named imports/,
    );
  });
});

describe('the Streams API page snippets', () => {
  it('there are snippets', () => expect(snippets.length).toBeGreaterThanOrEqual(6));

  for (const file of snippets) {
    it(`${file} runs against the real engine and prints, without errors`, async () => {
      const { out, err } = await run(readFileSync(`${dir}${file}`, 'utf8'));
      expect(err).toEqual([]);
      expect(out.length).toBeGreaterThan(0);
      expect(out.join('\n')).not.toMatch(/NaN|undefined/);
    });
  }

  it('01-stream prints every 100th step and the end', async () => {
    const { out } = await run(readFileSync(`${dir}01-stream.js`, 'utf8'));
    expect(out.filter((l) => l.startsWith('step ')).map((l) => l.split(':')[0])).toEqual([
      'step 100',
      'step 200',
      'step 300',
      'step 400',
      'step 500',
    ]);
    expect(out.at(-1)).toBe('end completed 500');
  });

  it('05-ndjson reports the corrupted line by number', async () => {
    const { out } = await run(readFileSync(`${dir}05-ndjson.js`, 'utf8'));
    expect(out[0]).toMatch(/^skipped run\.ndjson:11: /);
  });
});

describe('runSnippet', () => {
  it('rejects with the snippet’s own error and refuses unknown modules', async () => {
    await expect(run("throw new Error('boom');")).rejects.toThrow('boom');
    await expect(run("import { readFile } from 'node:fs';")).rejects.toThrow(
      /only '@decaylab\/core' and 'rxjs'/,
    );
  });

  it('names the modules it offers in the page’s language', async () => {
    const code = "import { readFile } from 'node:fs';";
    const err = runSnippet(code, { print: () => {}, t: translator({ lang: 'zh-CN' }) }).done;
    await expect(err).rejects.toThrow(
      "这里只能导入 '@decaylab/core' 和 'rxjs'，不能导入 'node:fs'",
    );
  });

  it('stop() ends a long scheduled run early', async () => {
    const lines: string[] = [];
    const r = runSnippet(
      `import { train } from '@decaylab/core';
       import { asyncScheduler } from 'rxjs';
       train({ data: { kind: 'line' }, model: { kind: 'linear' }, optimizer: { kind: 'sgd', lr: 0.1 }, steps: 1e7 },
             { scheduler: asyncScheduler, budgetMs: 2 }).subscribe((e) => e.type === 'end' && console.log('end'));`,
      { print: (l) => lines.push(l) },
    );
    setTimeout(() => r.stop(), 30);
    await r.done;
    expect(lines).toEqual([]);
  });

  it('formats numbers to 6 significant digits', () => {
    expect(formatArg({ a: 0.123456789, b: [1 / 3] })).toBe('{"a":0.123457,"b":[0.333333]}');
  });
});
