#!/usr/bin/env node
// NDJSON snapshots for refactors that must not change a byte of the stream.
//
// Runs every PyTorch fixture spec (packages/core/test/fixtures/*.json), every built-in CLI
// example (`decaylab examples`) and a few extra specs that mix param groups, penalties and
// coupled/decoupled decay, each through the built CLI (`node packages/cli/bin/decaylab.js run
// FILE --format ndjson`), and writes one NAME.ndjson per spec.
//
// Usage (build first: `npm run build`):
//   node scripts/ndjson-snapshot.mjs write /tmp/before        # before the refactor
//   ... refactor, npm run build ...
//   node scripts/ndjson-snapshot.mjs write /tmp/after
//   node scripts/ndjson-snapshot.mjs compare /tmp/before /tmp/after [--ignore-run-keys a,b]
//
// `compare` checks each file byte for byte. With `--ignore-run-keys`, the listed top-level keys
// of the `run` event (documented backwards-compatible additions) are removed from both sides
// before comparing that line; every other line must still be byte-identical. Exit 1 on any
// difference, with the first differing line of each file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'packages/cli/bin/decaylab.js');
const fixtures = join(root, 'packages/core/test/fixtures');

/** Specs that exercise what the fixtures and examples do not combine. */
const EXTRAS = {
  'extra-adamw-groups': {
    seed: 5,
    data: { kind: 'line', n: 16, nVal: 8 },
    model: { kind: 'mlp', hidden: [4, 3], activation: 'relu' },
    optimizer: { kind: 'adamw', lr: 0.02, weightDecay: 0.2, amsgrad: true },
    paramGroups: [
      { params: ['0.bias', '1.bias'], weightDecay: 0 },
      { params: ['2.weight'], lr: 0.05, weightDecay: 0.5 },
    ],
    steps: 40,
  },
  'extra-adam-penalty-groups': {
    seed: 6,
    data: { kind: 'highdim', n: 12, nVal: 6, dims: 5 },
    model: { kind: 'linear' },
    penalty: { kind: 'l1', lambda: 0.03, params: ['weight'] },
    optimizer: { kind: 'adam', lr: 0.01, weightDecay: 0.1 },
    paramGroups: [{ params: ['bias'], weightDecay: 0, lr: 0.1 }],
    steps: 30,
  },
  'extra-sgd-momentum-penalty-wd': {
    seed: 7,
    data: { kind: 'polynomial', n: 30, nVal: 10 },
    model: { kind: 'polynomial', degree: 4 },
    penalty: { kind: 'l2', lambda: 0.05 },
    optimizer: { kind: 'sgd', lr: 0.01, momentum: 0.9, nesterov: true, weightDecay: 0.01 },
    paramGroups: [{ params: ['bias'], momentum: 0.5, nesterov: false, weightDecay: 0.2 }],
    batchSize: 7,
    steps: 50,
  },
  'extra-blobs-zero-lambda': {
    seed: 8,
    data: { kind: 'blobs', n: 20, nVal: 0 },
    model: { kind: 'logistic' },
    penalty: { kind: 'l2', lambda: 0 },
    optimizer: { kind: 'sgd', lr: 0.5, maximize: false },
    steps: 20,
  },
};

function cli(args) {
  return execFileSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
}

function write(dir) {
  mkdirSync(dir, { recursive: true });
  const specs = {};
  for (const f of readdirSync(fixtures)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const fx = JSON.parse(readFileSync(join(fixtures, f), 'utf8'));
    specs[`fixture-${fx.name}`] = fx.spec;
  }
  for (const { name } of JSON.parse(cli(['examples', '--json']))) {
    specs[`example-${name}`] = JSON.parse(cli(['examples', '--show', name]));
  }
  Object.assign(specs, EXTRAS);
  for (const [name, spec] of Object.entries(specs)) {
    const file = join(dir, `${name}.spec.json`);
    writeFileSync(file, JSON.stringify(spec));
    const out = cli(['run', file, '--format', 'ndjson']);
    writeFileSync(join(dir, `${name}.ndjson`), out);
    console.log(`${name}: ${out.split('\n').length - 1} lines, ${out.length} bytes`);
  }
}

function withoutKeys(line, keys) {
  const e = JSON.parse(line);
  if (e.type !== 'run') return line;
  for (const k of keys) delete e[k];
  return JSON.stringify(e);
}

function compare(a, b, keys) {
  const names = readdirSync(a)
    .filter((f) => f.endsWith('.ndjson'))
    .sort();
  let bad = 0;
  let lines = 0;
  let bytes = 0;
  let exact = 0;
  for (const name of names) {
    const x = readFileSync(join(a, name), 'utf8');
    let y;
    try {
      y = readFileSync(join(b, name), 'utf8');
    } catch {
      console.log(`${name}: missing in ${b}`);
      bad++;
      continue;
    }
    if (x === y) exact++;
    const xl = x.split('\n');
    const yl = y.split('\n');
    let diff = xl.length !== yl.length ? `line count ${xl.length - 1} vs ${yl.length - 1}` : '';
    for (let i = 0; !diff && i < xl.length; i++) {
      const l = xl[i];
      const r = yl[i];
      if (l === r) continue;
      if (keys.length > 0 && withoutKeys(l, keys) === withoutKeys(r, keys)) continue;
      diff = `line ${i + 1} differs:\n  ${l.slice(0, 200)}\n  ${r.slice(0, 200)}`;
    }
    if (diff) {
      bad++;
      console.log(`${name}: ${diff}`);
    }
    lines += xl.length - 1;
    bytes += x.length;
  }
  console.log(
    `${names.length} recordings, ${lines} lines, ${bytes} bytes before; ` +
      `${exact} byte-identical as a whole; ${names.length - bad} identical` +
      (keys.length > 0 ? ` once run-event keys [${keys.join(', ')}] are removed` : '') +
      `; ${bad} differ`,
  );
  return bad === 0;
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'write' && rest[0]) write(rest[0]);
else if (cmd === 'compare' && rest[0] && rest[1]) {
  const i = rest.indexOf('--ignore-run-keys');
  const keys = i >= 0 ? (rest[i + 1] ?? '').split(',').filter(Boolean) : [];
  process.exit(compare(rest[0], rest[1], keys) ? 0 : 1);
} else {
  console.error(
    'usage: node scripts/ndjson-snapshot.mjs write DIR | compare BEFORE AFTER [--ignore-run-keys a,b]',
  );
  process.exit(2);
}
