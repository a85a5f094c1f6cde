import { CliError } from './cliError.js';
import type { Context } from './context.js';
import { EXIT } from './exitCodes.js';

const stdoutFailures = new WeakMap<object, NodeJS.ErrnoException>();

/**
 * Watches stdout for write errors for the whole command: a reader that closed the pipe early
 * (EPIPE, as with `decaylab schema | head -1`) ends it quietly with exit 0; another error (a full
 * disk: `decaylab schema > /dev/full`) is `<stdout>: cannot write (ENOSPC)`, exit 1.
 *
 * @example
 * const stdout = watchStdout(ctx.stdout);
 * return await stdout.settle(await command.run(argv, ctx));
 */
export function watchStdout(stream: Context['stdout']) {
  if (!stream.listeners('error').some((l) => (l as { decaylab?: boolean }).decaylab)) {
    const listener = (error: NodeJS.ErrnoException) => {
      if (!stdoutFailures.has(stream)) stdoutFailures.set(stream, error);
    };
    stream.on('error', Object.assign(listener, { decaylab: true }));
  }
  const watch = {
    get failure(): NodeJS.ErrnoException | null {
      return stdoutFailures.get(stream) ?? null;
    },
    /** Waits until what was written reached the OS, then maps a write error onto the exit code. */
    async settle(code: number): Promise<number> {
      if (!watch.failure && !stream.destroyed && stream.writable)
        await new Promise<void>((resolve) => {
          stream.write('', () => resolve());
        });
      // A write's callback can run before its `error` event: let that arrive first.
      await new Promise((resolve) => setImmediate(resolve));
      if (!watch.failure && stream.errored) stdoutFailures.set(stream, stream.errored);
      const failure = watch.failure;
      if (failure?.code === 'EPIPE') return EXIT.ok;
      if (failure)
        throw new CliError(`<stdout>: cannot write (${failure.code ?? failure.message})`);
      return code;
    },
  };
  return watch;
}
