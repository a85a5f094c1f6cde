#!/usr/bin/env node
// `npm test -w @decaylab/site`: builds the site if dist/ is missing, then runs vitest
// (browser tests in test/ against dist/, unit tests in src/).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const cwd = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1' };

/** A package's file, found through its package.json (exports hide the bins). */
const pkgFile = (pkg, file) => join(dirname(require.resolve(`${pkg}/package.json`)), file);

const run = (bin, args) => {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

// SITE_DIST: test a build elsewhere (e.g. `astro build --outDir /tmp/site`), see scripts/serve.js.
const dist = process.env.SITE_DIST ?? fileURLToPath(new URL('../dist', import.meta.url));
if (!existsSync(join(dist, 'index.html'))) {
  console.log(`site: ${dist} has no build, building it first`);
  run(pkgFile('astro', 'astro.js'), ['build', '--outDir', dist]);
}
run(pkgFile('vitest', 'vitest.mjs'), ['run', ...process.argv.slice(2)]);
