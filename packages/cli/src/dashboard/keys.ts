import type { Context } from '../cli/context.js';

/** What a key press asks the replay to do. */
export type KeyAction = 'toggle' | 'step' | 'quit';

/** Maps a key to an action: space pauses/resumes, `.` steps once, `q` / Ctrl-C quits. */
export function keyAction(key: string): KeyAction | undefined {
  if (key === ' ') return 'toggle';
  if (key === '.') return 'step';
  if (key === 'q' || key === 'Q' || key === '\x03') return 'quit';
  return undefined;
}

/**
 * Reads single key presses from a TTY stdin in raw mode until the returned stop function is called.
 *
 * @example
 * const stop = listenKeys(ctx, (a) => a === 'quit' && quit());
 */
export function listenKeys(ctx: Context, onAction: (action: KeyAction) => void): () => void {
  const { stdin } = ctx;
  if (!stdin.isTTY || !stdin.setRawMode) return () => undefined;
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  const onData = (data: string) => {
    for (const ch of data) {
      const action = keyAction(ch);
      if (action) onAction(action);
    }
  };
  stdin.on('data', onData);
  stdin.resume();
  return () => {
    stdin.off('data', onData);
    stdin.setRawMode?.(false);
    stdin.pause();
  };
}
