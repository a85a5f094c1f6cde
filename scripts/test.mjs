#!/usr/bin/env node
// `npm test`: every workspace's type check and tests through turbo (each builds first), the CLI
// parity check against PyTorch, then the packaging test (tarballs installed into an empty
// project). Streams their output and ends with one line of totals.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC
const strip = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');

function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out: strip(out) }));
  });
}

let passed = 0;
let failed = 0;
const tally = (out) => {
  // vitest: "Tests  2 failed | 40 passed (42)"; parity: "14 passed, 0 failed"
  for (const m of out.matchAll(/Tests\s+(?:(\d+) failed \| )?(\d+) passed/g)) {
    failed += Number(m[1] ?? 0);
    passed += Number(m[2]);
  }
  for (const m of out.matchAll(/Tests\s+(\d+) failed \((\d+)\)/g)) failed += Number(m[1]);
};

/** Adds a script's closing "N passed, N failed" line to the totals. */
const tallyLine = (out) => {
  const m = out.match(/(\d+) passed, (\d+) failed/);
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
};

// Type checks: one check per workspace with a `typecheck` script; `--continue` runs them all.
const typed = ['packages', 'apps'].flatMap((dir) =>
  readdirSync(dir)
    .map((name) => JSON.parse(readFileSync(join(dir, name, 'package.json'), 'utf8')))
    .filter((pkg) => pkg.scripts?.typecheck)
    .map((pkg) => pkg.name),
);
const types = await run('npx', [
  '--no-install',
  'turbo',
  'run',
  'typecheck',
  '--concurrency=1',
  '--continue',
]);
const typeFailures = typed.filter(
  (name) => types.out.includes(`${name}#typecheck`) && types.code !== 0,
);
failed += typeFailures.length;
passed += typed.length - typeFailures.length;
let code = types.code;

const units = await run('npx', ['--no-install', 'turbo', 'run', 'test', '--concurrency=1']);
tally(units.out);
code ||= units.code;
if (units.code === 0) {
  const parity = await run('node', ['scripts/parity.mjs']);
  tallyLine(parity.out);
  code ||= parity.code;
}
// Packs with `prepack` (which rebuilds dist/), so it runs after everything that reads dist/.
const packaging = await run('node', ['scripts/packaging.mjs']);
tallyLine(packaging.out);
code ||= packaging.code;
if (code !== 0 && failed === 0) failed = 1;
console.log(`\ndecaylab: ${passed} passed, ${failed} failed`);
process.exit(code);
