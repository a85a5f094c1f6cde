import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openOutput, writeOutput } from './openOutput.js';

const dir = () => mkdtempSync(join(tmpdir(), 'decaylab-out-'));
const stdout = new PassThrough();

describe('openOutput', () => {
  it('writes to a temporary file in the same folder, renamed into place on commit', async () => {
    const d = dir();
    const file = join(d, 'r.ndjson');
    writeFileSync(file, 'old\n');
    const out = openOutput(file, { stdout });
    out.write('new\n');
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(d).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
    await out.commit();
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(readdirSync(d)).toEqual(['r.ndjson']);
  });

  it('discard() leaves the earlier file and no temporary file', () => {
    const d = dir();
    const file = join(d, 'r.ndjson');
    writeFileSync(file, 'old\n');
    const out = openOutput(file, { stdout });
    out.write('half');
    out.discard();
    expect(readFileSync(file, 'utf8')).toBe('old\n');
    expect(readdirSync(d)).toEqual(['r.ndjson']);
  });

  it('fails at once for a missing folder, a directory or an input; /dev/full fails on commit', async () => {
    const d = dir();
    expect(() => openOutput(join(d, 'no', 'r.ndjson'), { stdout })).toThrow(
      /cannot write \(ENOENT\)/,
    );
    expect(() => openOutput(d, { stdout })).toThrow(/is a directory/);
    writeFileSync(join(d, 's.json'), '{}');
    expect(() =>
      openOutput(join(d, 's.json'), { stdout, inputs: [join(d, '.', 's.json')] }),
    ).toThrow(/is also an input/);
    await expect(writeOutput('/dev/full', 'x'.repeat(100), { stdout })).rejects.toThrow(
      '/dev/full: cannot write (ENOSPC)',
    );
  });

  it('- is stdout', async () => {
    const sink = new PassThrough();
    let text = '';
    sink.on('data', (d) => (text += d));
    await writeOutput('-', 'hello\n', { stdout: sink });
    expect(text).toBe('hello\n');
  });
});
