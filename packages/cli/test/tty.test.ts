import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, tmp } from './helpers.js';

const hasScript = spawnSync('script', ['--version']).status === 0;

/** Runs the binary on a real pseudo-terminal (util-linux `script`) of the given size. */
function onTty(
  args: string,
  { cols = 80, rows = 30, env = 'NO_COLOR=' }: { cols?: number; rows?: number; env?: string } = {},
) {
  const cmd = `stty cols ${cols} rows ${rows}; ${env} "${process.execPath}" "${bin}" ${args}; echo "[exit $?]"`;
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], {
    encoding: 'utf8',
    timeout: 60000,
    input: '',
  });
  return r.stdout.replace(/\r/g, '');
}

/** The text without colour escapes. */
function plain(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping colour escapes
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

describe.runIf(hasScript)('on a TTY (through script(1))', () => {
  it('run shows the dashboard, redraws in place, then the summary', () => {
    const out = onTty('run overfitting --steps 20000');
    expect(plain(out)).toContain('decaylab run · overfitting');
    expect(out).toContain('\x1b[?25l');
    expect(out).toMatch(/steps\/s/);
    expect(plain(out)).toContain('loss (log)');
    expect(out).toContain('run         overfitting: completed after 20000 steps');
    expect(out).toContain('parameters  ‖θ‖ start → end');
    expect(out).toContain('[exit 0]');
    expect(out).toContain('\x1b[36m');
  });

  it('NO_COLOR turns colour off but keeps the dashboard', () => {
    const out = onTty('run line --steps 50', { env: 'NO_COLOR=1' });
    expect(out).toContain('loss (log)');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking for colour escapes
    expect(out).not.toMatch(/\x1b\[3\dm/);
  });

  it('honours the terminal width', () => {
    const out = onTty('run line --steps 50', { cols: 60, env: 'NO_COLOR=1' });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping cursor escapes
    const visible = out.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').split('\n');
    const frame = visible.filter((l) => l.includes('┤'));
    expect(frame.length).toBeGreaterThan(5);
    for (const l of frame) expect([...l].length).toBeLessThanOrEqual(60);
  });

  it('--format on a TTY prints that format instead of the dashboard; --out still records', () => {
    const file = join(tmp(), 'r.ndjson');
    const out = onTty(`run line --steps 5 --format table --out ${file}`);
    expect(out).toMatch(/^\s+step\s+epoch/m);
    expect(out).not.toContain('loss (log)');
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(7);
  });

  it('replay on a TTY shows the same dashboard', () => {
    const file = join(tmp(), 'r.ndjson');
    spawnSync(process.execPath, [
      bin,
      'run',
      'line',
      '--steps',
      '100',
      '--out',
      file,
      '--format',
      'summary',
    ]);
    const out = onTty(`replay ${file} --speed max`);
    expect(plain(out)).toContain('decaylab replay max · line');
    expect(out).toContain('run         line: completed after 100 steps');
    expect(out).toContain('[exit 0]');
  });
});
