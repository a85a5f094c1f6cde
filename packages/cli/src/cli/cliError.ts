import { EXIT, type ExitCode } from './exitCodes.js';

/**
 * An error the CLI reports as one line (no stack trace unless `--debug`) with an exit code.
 *
 * @example
 * throw new CliError('no example named "foo"', { code: EXIT.usage });
 */
export class CliError extends Error {
  readonly code: ExitCode;

  constructor(message: string, { code = EXIT.input }: { code?: ExitCode } = {}) {
    super(message);
    this.name = 'CliError';
    this.code = code;
  }
}

/** A usage error (exit 2). */
export const usageError = (message: string): CliError =>
  new CliError(message, { code: EXIT.usage });
