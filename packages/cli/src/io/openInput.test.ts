import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../cli/cliError.js';
import { cannotRead, openInput } from './openInput.js';

describe('cannotRead', () => {
  it.each([
    ['ENOENT', 'r.ndjson: no such file'],
    ['EACCES', 'r.ndjson: permission denied'],
    ['EPERM', 'r.ndjson: permission denied'],
    ['EISDIR', 'r.ndjson: is a directory (expected a file)'],
    ['ENOTDIR', 'r.ndjson: no such file (a part of the path is not a folder)'],
    ['ELOOP', 'r.ndjson: too many symbolic links'],
    ['EIO', 'r.ndjson: cannot read (EIO)'],
  ])('%s is one line, exit 1', (code, message) => {
    const e = cannotRead('r.ndjson', { code });
    expect(e).toBeInstanceOf(CliError);
    expect(e.message).toBe(message);
    expect(e.code).toBe(1);
  });
});

describe('openInput', () => {
  const dir = mkdtempSync(join(tmpdir(), 'decaylab-open-'));
  it('refuses a directory and a missing file before reading', async () => {
    await expect(openInput(dir)).rejects.toThrow(`${dir}: is a directory (expected a file)`);
    await expect(openInput(join(dir, 'nope'))).rejects.toThrow('nope: no such file');
  });

  it('streams a file as text', async () => {
    const f = join(dir, 'a.txt');
    writeFileSync(f, 'héllo\n');
    let text = '';
    for await (const chunk of await openInput(f)) text += chunk;
    expect(text).toBe('héllo\n');
  });
});
