/** Colours and fonts for charts, read from Starlight's CSS variables (light or dark). */
export interface ChartTheme {
  readonly fg: string;
  readonly muted: string;
  readonly grid: string;
  readonly font: string;
  /** Series colours: c1 (λ = 0, train), c2 (λ > 0, val), c3, c4. */
  readonly c1: string;
  readonly c2: string;
  readonly c3: string;
  readonly c4: string;
}

/**
 * The current theme's chart colours, from the computed CSS variables.
 *
 * @example
 * Plot.plot({ style: { color: readTheme().fg } })
 */
export function readTheme(): ChartTheme {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--sl-color-white', '#111'),
    muted: v('--dl-muted', '#777'),
    grid: v('--sl-color-gray-5', '#ccc'),
    font: v('--sl-font', 'system-ui, sans-serif'),
    c1: v('--dl-c1', '#2563eb'),
    c2: v('--dl-c2', '#d9480f'),
    c3: v('--dl-c3', '#2b8a3e'),
    c4: v('--dl-c4', '#862e9c'),
  };
}

/**
 * Calls `onChange` whenever Starlight switches between light and dark (the `data-theme` attribute).
 * Returns a function that stops watching.
 */
export function watchTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
