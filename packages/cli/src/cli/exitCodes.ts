/** The CLI's exit codes. */
export const EXIT = {
  ok: 0,
  /** A runtime or input error (a bad recording, an unreadable file). */
  input: 1,
  /** A usage or spec error. */
  usage: 2,
  /** The run diverged (its loss or parameters became non-finite). */
  diverged: 3,
  /** Interrupted by Ctrl-C, SIGTERM or SIGHUP (128 + SIGINT's number, as shells report it). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
