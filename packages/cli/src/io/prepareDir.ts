import { mkdir, readdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CliError, usageError } from '../cli/cliError.js';

/**
 * Creates DIR (and missing parents) for a command's output files; refuses a non-empty one unless
 * `force` (exit 2), so that stale files are never mixed in; other errors are one line (exit 1).
 *
 * @example
 * await prepareDir('runs', { force: false });
 */
export async function prepareDir(dir: string, { force }: { force: boolean }): Promise<void> {
  const fail = (e: NodeJS.ErrnoException) => {
    throw new CliError(`${dir}: cannot create the directory (${e.code ?? e.message})`);
  };
  // A plain mkdir first: Node's recursive mkdir can hang on special file systems such as /proc.
  const made = await mkdir(dir).then(
    () => true,
    (e: NodeJS.ErrnoException) =>
      e.code === 'EEXIST' ? true : e.code === 'ENOENT' ? false : fail(e),
  );
  if (!made)
    await mkdir(dirname(dir), { recursive: true })
      .then(() => mkdir(dir))
      .catch(fail);
  const s = await stat(dir);
  if (!s.isDirectory()) throw new CliError(`${dir}: not a directory`);
  const entries = await readdir(dir).catch(fail);
  if (entries.length > 0 && !force)
    throw usageError(
      `${dir}: not empty (${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}; use an empty folder, or --force to write into it)`,
    );
}
