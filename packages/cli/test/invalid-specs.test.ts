import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INVALID_SPECS } from '@decaylab/core/testing';
import { describe, expect, it } from 'vitest';
import { clean, decaylab, tmp } from './helpers.js';

// The same invalid specs core's parseSpec tests use, through the real binary as a file.
describe('decaylab run <invalid spec>: exit code 2, one line naming the path', () => {
  const dir = tmp();
  INVALID_SPECS.forEach(([what, spec, path], i) => {
    // NaN has no JSON form: in a file it arrives as null, which must fail at the same path.
    it(what, () => {
      const file = join(dir, `bad-${i}.json`);
      writeFileSync(file, JSON.stringify(spec));
      const r = decaylab(['run', file, '--format', 'ndjson']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`bad-${i}.json`);
      expect(r.stderr).toContain(path ? `${path}: ` : 'expected an object');
      expect(clean(r.stderr)).toBe(true);
    });
  });

  it('the same through stdin', () => {
    const r = decaylab(['run', '-'], {
      input: '{"data":{"kind":"line"},"model":{"kind":"linear"},"steps":5}',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('optimizer: an optimizer (missing)');
  });
});
