import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { CliError } from '../cli/cliError.js';

const STDIN_PATHS = ['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0'];

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file (a part of the path is not a folder)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory (expected a file)',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
};

/**
 * The one-line error for a file that cannot be read: `FILE: no such file`,
 * `FILE: permission denied`, `FILE: is a directory (expected a file)`, `FILE: cannot read (EIO)`
 * (exit 1). Every command that reads a file reports it this way.
 *
 * @example
 * throw cannotRead('r.ndjson', error);
 */
export function cannotRead(file: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = (code && REASONS[code]) ?? `cannot read (${code ?? (error as Error)?.message})`;
  return new CliError(`${file}: ${reason}`);
}

/**
 * Opens a file (or `-`, stdin) for reading as a stream, with errors as `cannotRead` lines. Regular files,
 * FIFOs, `/dev/stdin` and other character devices are all read the same way (as they arrive);
 * a directory is refused before reading. Read errors later on surface through the stream.
 *
 * @example
 * const stream = await openInput('r.ndjson', { chunkBytes: 1 << 16 });
 */
export async function openInput(
  file: string,
  { chunkBytes = 1 << 16 }: { chunkBytes?: number } = {},
): Promise<Readable> {
  if (file === '-') return process.stdin.setEncoding('utf8');
  const s = await stat(file).catch((error: unknown) => {
    throw cannotRead(file, error);
  });
  if (s.isDirectory()) throw cannotRead(file, { code: 'EISDIR' });
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    // /dev/stdin on a socket (what some process runners give as stdin) cannot be reopened: read
    // the process's stdin itself.
    if (error.code === 'ENXIO' && STDIN_PATHS.includes(file)) return null;
    throw cannotRead(file, error);
  });
  if (!handle) return process.stdin.setEncoding('utf8');
  return handle.createReadStream({ highWaterMark: chunkBytes, encoding: 'utf8' });
}
