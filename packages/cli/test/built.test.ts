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
  it('bin/decaylab.js loads the bundle, and ../dist/main.js only when there is none', () => {
    const text = readFileSync(bin, 'utf8');
    expect(text).toContain("'../dist/bundle/main.js'");
    expect(text).toContain("import('../dist/main.js')");
  });

  it('the bundle is built after everything it bundles (npm run build in packages/cli)', () => {
    const bundle = statSync(join(cliDir, 'dist', 'bundle', 'main.js'), { throwIfNoEntry: false });
    expect(bundle, 'dist/bundle/main.js missing: run npm run build').toBeDefined();
    const inputs = [
      ...files(join(cliDir, 'dist')).filter((f) => !f.includes(`${join('dist', 'bundle')}`)),
      ...files(join(cliDir, '..', 'core', 'dist')),
    ].filter((f) => f.endsWith('.js'));
    for (const f of inputs)
      expect(statSync(f).mtimeMs, `${f} is newer than the bundle`).toBeLessThanOrEqual(
        (bundle?.mtimeMs ?? 0) + 1000,
      );
  });

  it('the bundle runs the sweep workers and reads the version from package.json', () => {
    const pkg = JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8'));
    expect(decaylab(['--version']).stdout.trim()).toBe(pkg.version);
    const r = decaylab(['sweep', 'line', '--grid', 'optimizer.weightDecay=0,0.1', '--steps', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('lowest final validation loss');
    expect(r.stderr).toContain('2 runs on');
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
