/**
 * Copies text to the clipboard; resolves to false when the browser refuses (no permission, an
 * insecure origin), so the caller can say so and show the text instead.
 *
 * @example
 * if (!(await copyText(json))) showText(json);
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Saves text as a file through a temporary object URL and a link click (no server round trip).
 *
 * @example
 * downloadText('spec.json', json, 'application/json');
 */
export function downloadText(name: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
