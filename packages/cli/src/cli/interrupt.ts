/** The signals that stop a command the way Ctrl-C does. */
export const INTERRUPT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Calls `stop` on Ctrl-C, SIGTERM or SIGHUP (a job runner's or a closed terminal's stop), so
 * every command ends its recordings with a `cancelled` end event and exits 130 either way.
 * Returns a function that removes the handlers.
 *
 * @example
 * const off = onInterrupt(() => live.cancel());
 * try { await live.done } finally { off() }
 */
export function onInterrupt(stop: (signal: string) => void): () => void {
  const handlers = INTERRUPT_SIGNALS.map((signal) => {
    const handler = () => stop(signal);
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}
