import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const cliDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const bin = join(cliDir, 'bin', 'decaylab.js');

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real built binary as a child process and collects its output. */
export function decaylab(
  args: readonly string[],
  { input, env, cwd }: { input?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Result {
  const r = spawnSync(process.execPath, [bin, ...args], {
    input,
    cwd: cwd ?? cliDir,
    env: { ...process.env, NO_COLOR: '', COLUMNS: '100', ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, asynchronously, for tests that signal the child. */
export function decaylabAsync(args: readonly string[], { env }: { env?: NodeJS.ProcessEnv } = {}) {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: cliDir,
    env: { ...process.env, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<Result>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

/** A fresh temporary directory. */
export function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'decaylab-test-'));
}

/** No stack trace and no internal error in a message. */
export function clean(stderr: string): boolean {
  return !/\n\s+at /.test(stderr) && !stderr.includes('internal error');
}
