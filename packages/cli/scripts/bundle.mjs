// The build's second step (after tsc): bundles dist/main.js, the sweep worker and what they
// import (RxJS's ES module build, @decaylab/core and charts) into dist/bundle/ with esbuild, so
// that a command loads a few files instead of RxJS's whole CommonJS build. Commands stay split
// into their own chunks (loaded when they run); Plot and linkedom stay external (only `plot` and
// `compare --plot` load them). bin/decaylab.js runs the bundle, or dist/main.js without one.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
rmSync(new URL('../dist/bundle', import.meta.url), { recursive: true, force: true }); // no stale chunks
await build({
  absWorkingDir: root,
  entryPoints: ['dist/main.js', 'dist/sweep/worker.js'],
  entryNames: '[name]',
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  // `neutral` with the es2015 condition picks RxJS's ES module build, which its exports map
  // hides behind `node` (CommonJS) on the node platform.
  platform: 'neutral',
  conditions: ['es2015'],
  mainFields: ['module', 'main'],
  target: 'node20',
  external: ['node:*', '@observablehq/plot', 'linkedom'],
  logLevel: 'warning',
});
