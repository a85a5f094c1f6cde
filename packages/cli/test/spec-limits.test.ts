import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean, decaylab, tmp } from './helpers.js';

// Issue 8, item 6: specs past the memory budget are refused at parse time, before any work.
describe('decaylab run <spec past the memory budget>: exit 2, one line with the numbers', () => {
  const dir = tmp();
  const cases: [string, object, RegExp][] = [
    [
      'mlp with 24 hidden layers of 1024',
      {
        data: { kind: 'line' },
        model: { kind: 'mlp', hidden: Array(24).fill(1024) },
        optimizer: { kind: 'sgd', lr: 0.01 },
        steps: 5,
      },
      /: invalid spec: model: state 24\.1 M parameters × 8 B per value .* exceeds the 1 GiB memory budget$/,
    ],
    [
      'highdim with dims 4096 and n = 1e6',
      {
        data: { kind: 'highdim', dims: 4096, n: 1_000_000 },
        model: { kind: 'linear' },
        optimizer: { kind: 'sgd', lr: 0.01 },
        steps: 5,
      },
      /: invalid spec: data: 1\.00 M rows × 8193 values .* exceeds the 1 GiB memory budget$/,
    ],
  ];
  cases.forEach(([what, spec, message], i) => {
    it(what, () => {
      const file = join(dir, `big-${i}.json`);
      writeFileSync(file, JSON.stringify(spec));
      const r = decaylab(['run', file, '--format', 'ndjson']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(lines[0]).toContain(`big-${i}.json`);
      expect(clean(r.stderr)).toBe(true);
    });
  });
});
