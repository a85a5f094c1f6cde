#!/usr/bin/env node
// `npm test`: every workspace's tests through turbo (each builds first), then the CLI parity
// check against PyTorch. Streams their output and ends with one line of totals.
import { spawn } from 'node:child_process';

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

const units = await run('npx', ['--no-install', 'turbo', 'run', 'test', '--concurrency=1']);
tally(units.out);
let code = units.code;
if (code === 0) {
  const parity = await run('node', ['scripts/parity.mjs']);
  const m = parity.out.match(/(\d+) passed, (\d+) failed/);
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  code = parity.code;
}
if (code !== 0 && failed === 0) failed = 1;
console.log(`\ndecaylab: ${passed} passed, ${failed} failed`);
process.exit(code);
