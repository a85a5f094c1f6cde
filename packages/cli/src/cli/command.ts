import type { Context } from './context.js';

/** One subcommand of `decaylab`: its name, one-line summary, full help and implementation. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  /** Runs the command; resolves with the exit code. */
  readonly run: (argv: readonly string[], ctx: Context) => Promise<number>;
}
