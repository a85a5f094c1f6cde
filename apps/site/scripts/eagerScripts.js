// The eager JavaScript of a built page, shared by the bench (scripts/bench.js) and the budget
// test (test/bundle-budget.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';

/**
 * The eager module graph of a page: its module scripts and their static imports (not
 * `import()`), as URL paths inside `distDir`.
 *
 * @example
 * eagerScripts(readFileSync('dist/index.html', 'utf8'), 'dist') // ['/_astro/page.abc.js', …]
 */
export function eagerScripts(html, distDir) {
  const seen = new Set();
  const queue = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((m) => m[1]);
  // Inline module scripts can import too.
  for (const m of html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const i of m[1].matchAll(/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g))
      queue.push(i[1]);
  }
  while (queue.length) {
    const path = queue.pop();
    if (seen.has(path)) continue;
    seen.add(path);
    const file = join(distDir, path);
    if (!existsSync(file)) continue;
    const src = readFileSync(file, 'utf8');
    for (const i of src.matchAll(
      /(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g,
    )) {
      queue.push(posix.join(dirname(path), i[1]));
    }
  }
  return [...seen];
}
