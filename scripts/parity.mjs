#!/usr/bin/env node
// Parity through the front door: each PyTorch fixture's spec is written to a file and run as
// `npx decaylab run <file> --format ndjson` from the repo root; the NDJSON must match the
// fixture within 1e-9·max(1, |x|) and be byte-identical across two runs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dir = process.env.PARITY_FIXTURES ?? join(root, 'packages/core/test/fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'decaylab-parity-'));
const close = (a, b, tol) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
let passed = 0;
let failed = 0;

function check(fx, ndjson) {
  const steps = new Map();
  for (const line of ndjson.split('\n')) {
    if (!line) continue;
    const e = JSON.parse(line);
    if (e.type === 'step') steps.set(e.step, e);
  }
  const problems = [];
  const cmp = (what, got, want, tol) => {
    if (!Array.isArray(got) || got.length !== want.length) return problems.push(`${what}: length`);
    want.forEach((w, i) => {
      if (!close(got[i], w, tol)) problems.push(`${what}[${i}]: ${got[i]} vs ${w}`);
    });
  };
  if (fx.expectedFinal) {
    const last = steps.get(fx.spec.steps);
    for (const [name, want] of Object.entries(fx.expectedFinal))
      cmp(`final ${name}`, last?.params[name], want, fx.tolerance);
  }
  for (const want of fx.expected ?? []) {
    const got = steps.get(want.step);
    if (!got) {
      problems.push(`step ${want.step} missing`);
      continue;
    }
    const at = `step ${want.step}`;
    for (const k of ['data', 'penalty', 'total'])
      cmp(`${at} loss.${k}`, [got.loss[k]], [want.loss[k]], 1e-9);
    for (const [n, g] of Object.entries(want.grad)) cmp(`${at} grad.${n}`, got.grad[n], g, 1e-9);
    for (const [n, p] of Object.entries(want.params))
      cmp(`${at} params.${n}`, got.params[n], p, 1e-9);
    if (want.val) cmp(`${at} val.loss`, [got.val?.loss], [want.val.loss], 1e-9);
  }
  return problems;
}

try {
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const fx = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const specFile = join(tmp, `${fx.name}.spec.json`);
    writeFileSync(specFile, JSON.stringify(fx.spec));
    const run = () =>
      execFileSync('npx', ['--no-install', 'decaylab', 'run', specFile, '--format', 'ndjson'], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      });
    const first = run();
    const problems = check(fx, first);
    if (run() !== first) problems.push('two runs of the same spec gave different bytes');
    if (problems.length === 0) {
      passed++;
      console.log(`  ✓ ${fx.name}`);
    } else {
      failed++;
      console.log(`  ✗ ${fx.name}: ${problems.slice(0, 3).join('; ')}`);
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`\nparity (npx decaylab run vs PyTorch 2.11, 1e-9 relative):`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
