/** ANSI colours by name; `paint` leaves text alone when colour is off (NO_COLOR, not a TTY). */
export const COLORS = {
  cyan: 36,
  magenta: 35,
  yellow: 33,
  green: 32,
  blue: 34,
  red: 31,
  gray: 90,
  bold: 1,
} as const;
export type ColorName = keyof typeof COLORS;

/** Wraps `text` in the colour's escape codes when `on`. */
export function paint(text: string, color: ColorName | undefined, on: boolean): string {
  return on && color ? `\x1b[${COLORS[color]}m${text}\x1b[0m` : text;
}

/** The number of terminal columns `text` takes, ignoring escape codes. */
export function visibleLength(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping ANSI escapes
  return [...text.replace(/\x1b\[[0-9;]*m/g, '')].length;
}
