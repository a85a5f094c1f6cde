import type { Readable, Writable } from 'node:stream';

/** Where a command reads and writes, and what it knows of the terminal. */
export interface Context {
  readonly stdin: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  readonly stdout: Writable & { isTTY?: boolean; columns?: number; rows?: number };
  readonly stderr: Writable & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  /** Colour is on when stdout is a TTY and NO_COLOR is unset or empty. */
  readonly color: boolean;
  /** Terminal width in columns (COLUMNS, the TTY's width, or 80). */
  readonly width: number;
  readonly height: number;
}

/** The context of the running process. */
export function processContext(): Context {
  const { stdin, stdout, stderr, env } = process;
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const columns = Number(env.COLUMNS);
  const width =
    stdout.isTTY && stdout.columns
      ? stdout.columns
      : Number.isInteger(columns) && columns > 0
        ? columns
        : 80;
  const lines = Number(env.LINES);
  const height =
    stdout.isTTY && stdout.rows ? stdout.rows : Number.isInteger(lines) && lines > 0 ? lines : 24;
  return { stdin, stdout, stderr, env, color: Boolean(stdout.isTTY) && !noColor, width, height };
}
