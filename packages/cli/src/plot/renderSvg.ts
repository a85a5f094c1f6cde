import { parseHTML } from 'linkedom';
import { xmlText } from '../text/safeText.js';

/** A document to render Observable Plot charts in on the server. */
export function serverDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

/**
 * Stacks Plot SVGs (each with its own width/height) under a title into one standalone SVG file.
 * The title and notes (names from recordings and file names) lose any control character, so the
 * file is always well-formed XML.
 *
 * @example
 * stackSvgs([lossChart(run, { document }), normChart(run.norms, { document })], { title: 'overfitting' })
 */
export function stackSvgs(
  charts: readonly Element[],
  { title, notes = [] }: { title?: string; notes?: readonly string[] } = {},
): string {
  const top = (title ? 28 : 0) + notes.length * 16;
  let y = top;
  let width = 0;
  const parts: string[] = [];
  for (const chart of charts) {
    const w = Number(chart.getAttribute('width'));
    const h = Number(chart.getAttribute('height'));
    chart.setAttribute('x', '0');
    chart.setAttribute('y', String(y));
    parts.push(chart.outerHTML);
    y += h + 8;
    width = Math.max(width, w);
  }
  const height = y - (charts.length ? 8 : 0);
  const font = 'font-family="system-ui, sans-serif"';
  let head = '<rect width="100%" height="100%" fill="white"/>';
  if (title)
    head += `<text x="10" y="19" ${font} font-size="14" font-weight="bold">${xmlText(title)}</text>`;
  notes.forEach((note, i) => {
    head += `<text x="10" y="${(title ? 28 : 0) + 14 + i * 16}" ${font} font-size="12">${xmlText(note)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${head}${parts.join('')}</svg>\n`;
}
