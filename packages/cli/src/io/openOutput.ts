/*
 * THE way a command writes a file (or stdout). Use it for every --out / -o:
 *
 *   const out = openOutput(values.out, { stdout: ctx.stdout, inputs: [specFile] }); // before any work
 *   out.write(text);                 // an Output: write / flush / needsDrain / drained / whenClosed
 *   await out.commit();              // done (or interrupted, after its `cancelled` end event):
 *                                    // renames the temp file into place; throws exit 1 on a write error
 *   out.discard();                   // gave up before anything worth keeping: removes the temp file
 *
 *   await writeOutput(file, svgText, { stdout, inputs });   // the same for one whole text
 *
 * - `-` means stdout; an EPIPE there is quiet (`out.closed === 'epipe'`), other errors are exit 1.
 * - A file is written to `.NAME.PID-N.tmp` in the same folder and renamed over NAME only by
 *   commit(), so a full disk or a crash never replaces an earlier good file, and two writers of
 *   the same NAME never interleave. Temp files of a process that exits uncommitted are removed.
 * - openOutput fails at once (exit 1, before any training) when the folder is missing or not
 *   writable, NAME is a directory, or NAME is one of `inputs` (exit 2).
 * - Errors read `FILE: cannot write (ENOSPC)`: `cannotWrite(file, error)` builds them elsewhere
 *   (the sweep's workers write synchronously with `tempPath` and the same message).
 */
import {
  closeSync,
  createWriteStream,
  openSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { CliError, usageError } from '../cli/cliError.js';
import { Output } from './output.js';

/** What to write to: a path, or `-` for stdout. */
export const STDOUT = '-';

let tempCount = 0;
const pendingTemps = new Set<string>();
let cleanupInstalled = false;

/** `.NAME.PID-N.tmp` next to `file`: same folder, so the final rename is atomic. */
export function tempPath(file: string): string {
  tempCount += 1;
  return join(dirname(file), `.${basename(file)}.${process.pid}-${tempCount}.tmp`);
}

/** The one-line error for a failed write: `FILE: cannot write (ENOSPC)` (exit 1). */
export function cannotWrite(file: string, error: unknown): CliError {
  const code =
    (error as NodeJS.ErrnoException | null)?.code ?? (error as Error | null)?.message ?? 'error';
  return new CliError(`${file}: cannot write (${code})`);
}

function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    try {
      return realpathSync(dirname(a)) === realpathSync(dirname(b)) && basename(a) === basename(b);
    } catch {
      return resolve(a) === resolve(b);
    }
  }
}

/**
 * Refuses to write over an input (`run spec.json --out spec.json`, `plot r.ndjson -o r.ndjson`)
 * and to write to a directory: usage errors, exit 2.
 */
export function checkTarget(file: string, inputs: readonly string[] = []): Stats | null {
  if (file === STDOUT) return null;
  for (const input of inputs)
    if (input !== STDOUT && sameFile(file, input))
      throw usageError(`${file}: is also an input (refusing to overwrite it; write elsewhere)`);
  const s = (() => {
    try {
      return statSync(file);
    } catch {
      return null;
    }
  })();
  if (s?.isDirectory()) throw new CliError(`${file}: is a directory (expected a file name)`);
  return s;
}

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', () => {
    for (const t of pendingTemps) {
      try {
        unlinkSync(t);
      } catch {}
    }
  });
}

/** An Output that lands in place only when committed. */
export class OutputFile extends Output {
  /** The name given (`-` for stdout). */
  readonly file: string;
  private readonly temp: string | null;
  private readonly direct: boolean;
  private done = false;

  constructor(
    file: string,
    stream: Writable,
    temp: string | null,
    batchBytes: number,
    { direct = false }: { direct?: boolean } = {},
  ) {
    super(stream, { batchBytes });
    this.file = file;
    this.temp = temp;
    this.direct = direct;
  }

  /** True when this writes to stdout. */
  get isStdout(): boolean {
    return this.temp === null && !this.direct;
  }

  /**
   * Flushes everything; for a file, closes it and renames it into place. A write error (other
   * than EPIPE on stdout) throws `FILE: cannot write (CODE)` and leaves any earlier file as it was.
   */
  async commit(): Promise<void> {
    if (this.done) return;
    this.done = true;
    if (this.direct) {
      await this.closeStream();
      if (this.failure()) throw cannotWrite(this.file, this.failure());
      return;
    }
    if (this.temp === null) {
      await this.end();
      await new Promise((resolve) => setImmediate(resolve));
      const failure = this.failure();
      if (failure && (failure as NodeJS.ErrnoException).code !== 'EPIPE')
        throw cannotWrite('<stdout>', failure);
      return;
    }
    await this.closeStream();
    if (this.failure()) {
      this.removeTemp();
      throw cannotWrite(this.file, this.failure());
    }
    try {
      renameSync(this.temp, this.file);
      pendingTemps.delete(this.temp);
    } catch (error) {
      this.removeTemp();
      throw cannotWrite(this.file, error);
    }
  }

  /** The stream's error, if any (an `end` callback can run before the `error` event). */
  private failure(): Error | null {
    return this.error ?? this.stream.errored ?? null;
  }

  /** Flushes, ends and waits for the file to be closed (or to fail). */
  private async closeStream(): Promise<void> {
    this.flush();
    const stream = this.stream;
    if (stream.closed || stream.destroyed) return;
    await new Promise<void>((resolve) => {
      stream.once('close', () => resolve());
      stream.end();
    });
  }

  /** Gives up: closes and removes the temporary file (stdout is only flushed). */
  discard(): void {
    if (this.done) return;
    this.done = true;
    if (this.temp === null) {
      if (this.direct) this.stream.destroy();
      else this.flush();
      return;
    }
    this.stream.destroy();
    this.removeTemp();
  }

  private removeTemp(): void {
    if (this.temp === null) return;
    try {
      unlinkSync(this.temp);
    } catch {}
    pendingTemps.delete(this.temp);
  }
}

/**
 * Opens `file` (or stdout for `-`) for writing, failing now rather than after the work:
 * see the note at the top of this file.
 *
 * @example
 * const out = openOutput('run.ndjson', { stdout: process.stdout, inputs: ['spec.json'] });
 * out.write('{"type":"end"}\n');
 * await out.commit();
 */
export function openOutput(
  file: string,
  {
    stdout,
    inputs = [],
    batchBytes = 1 << 18,
  }: { stdout: Writable; inputs?: readonly string[]; batchBytes?: number },
): OutputFile {
  if (file === STDOUT) return new OutputFile(file, stdout, null, 1 << 16);
  if (file === '') throw usageError('--out: expected a file name or - for stdout, got ""');
  const existing = checkTarget(file, inputs);
  if (existing && !existing.isFile()) {
    // A device or a FIFO (/dev/null, /dev/full, a named pipe): write to it directly; renaming a
    // file over it would replace the device.
    const stream = createWriteStream(file);
    return new OutputFile(file, stream, null, batchBytes, { direct: true });
  }
  const temp = tempPath(file);
  let fd: number;
  try {
    fd = openSync(temp, 'wx', 0o666);
  } catch (error) {
    throw cannotWrite(file, error);
  }
  installCleanup();
  pendingTemps.add(temp);
  const stream = createWriteStream(temp, { fd, autoClose: true });
  stream.on('error', () => undefined);
  return new OutputFile(file, stream, temp, batchBytes);
}

/**
 * Writes one whole text to `file` (or stdout for `-`) through `openOutput`: temp file, rename.
 *
 * @example
 * await writeOutput('chart.svg', svg, { stdout: process.stdout, inputs: files });
 */
export async function writeOutput(
  file: string,
  text: string,
  options: { stdout: Writable; inputs?: readonly string[] },
): Promise<void> {
  const out = openOutput(file, options);
  out.write(text);
  await out.commit();
}

/** Closes a file descriptor, ignoring errors (for the synchronous writers). */
export function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {}
}

/**
 * Writes all of `text` to `fd` (for the synchronous writers): `writeSync` may write only part of
 * it (a disk filling up mid-write), so it loops on the rest; a write that makes no progress
 * throws ENOSPC. A recording is never left ending in half a line that nobody was told about.
 *
 * @example
 * writeFully(fd, `${encodeEvent(event)}\n`);
 */
export function writeFully(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) {
    const n = writeSync(fd, bytes, offset, bytes.length - offset);
    if (n <= 0) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    offset += n;
  }
}
