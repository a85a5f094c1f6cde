import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, cliDir, decaylab } from './helpers.js';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)],
  );
}

describe('the tests run against the built binary', () => {
  it('bin/decaylab.js loads ../dist/main.js', () => {
    expect(readFileSync(bin, 'utf8')).toContain("import('../dist/main.js')");
  });

  it('dist is built from the current sources (root npm test runs turbo build first)', () => {
    const srcs = files(join(cliDir, 'src')).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    expect(srcs.length).toBeGreaterThan(20);
    for (const src of srcs) {
      const out = src
        .replace(`${join(cliDir, 'src')}`, join(cliDir, 'dist'))
        .replace(/\.ts$/, '.js');
      expect(
        statSync(out, { throwIfNoEntry: false }),
        `${out} missing: run npm run build`,
      ).toBeDefined();
      expect(statSync(out).mtimeMs, `${out} is older than its source`).toBeGreaterThanOrEqual(
        statSync(src).mtimeMs - 1000,
      );
    }
  });

  it('turbo builds a package (and its dependencies) before testing it', () => {
    const turbo = JSON.parse(readFileSync(join(cliDir, '..', '..', 'turbo.json'), 'utf8'));
    expect(turbo.tasks.test.dependsOn).toContain('build');
    expect(turbo.tasks.build.dependsOn).toContain('^build');
  });

  it('the binary runs and reports the package version', () => {
    const pkg = JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8'));
    const r = decaylab(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});
