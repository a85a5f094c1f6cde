/**
 * Characters a terminal may act on rather than show: C0 controls but tab and newline, DEL, C1
 * controls (U+0080–U+009F, which include the 8-bit CSI) and the bidirectional overrides and
 * isolates that can reorder what is displayed.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it matches
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it matches
const UNSAFE_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const toEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * A string from a recording or a file name, made safe to print: every control character is
 * shown as `\u001b` instead of reaching the terminal (a recording cannot set the window title,
 * clear the screen or forge lines). Newlines are escaped too unless `multiline`.
 *
 * @example
 * safeText('run\u001b]0;pwned\u0007') // 'run\\u001b]0;pwned\\u0007'
 */
export function safeText(
  text: string,
  { multiline = false }: { multiline?: boolean } = {},
): string {
  return text.replace(multiline ? UNSAFE : UNSAFE_LINE, toEscape);
}

/**
 * A string for XML text or attributes (an SVG): control characters are removed (XML 1.0 does
 * not allow most of them, even escaped), then `& < > "` are escaped.
 *
 * @example
 * xmlText('a<b\u0007') // 'a&lt;b'
 */
export function xmlText(text: string): string {
  return text
    .replace(UNSAFE_LINE, '')
    .replace(
      /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '',
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
