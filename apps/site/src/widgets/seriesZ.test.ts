import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Plot groups a line or area into series by its z channel, and without one by its stroke or
// fill channel: with one point per series (the first frame of two runs, on a slow machine) it
// warns "the implicit z channel has high cardinality" in the reader's console. Every line or
// area whose colour names a field therefore names its series explicitly with z.

const dir = new URL('.', import.meta.url).pathname;
const sources = (d: string): string[] =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(d, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(d, e.name)]
        : [],
  );

/** The text of each `Plot.line…(…)` / `Plot.area…(…)` call in `src`, parentheses balanced. */
function seriesCalls(src: string): { at: number; text: string }[] {
  const out: { at: number; text: string }[] = [];
  for (const m of src.matchAll(/Plot\.(?:line|lineX|lineY|area|areaX|areaY)\(/g)) {
    let depth = 0;
    let end = m.index;
    for (let i = m.index + m[0].length - 1; i < src.length; i++) {
      if (src[i] === '(') depth++;
      else if (src[i] === ')' && --depth === 0) {
        end = i + 1;
        break;
      }
    }
    out.push({ at: src.slice(0, m.index).split('\n').length, text: src.slice(m.index, end) });
  }
  return out;
}

describe('series lines and areas', () => {
  it('name their series with z wherever their colour is a field', () => {
    const bad: string[] = [];
    let coloured = 0;
    for (const file of sources(dir)) {
      const src = readFileSync(file, 'utf8');
      for (const { at, text } of seriesCalls(src)) {
        // stroke: 'run' or fill: 'part' (a field), not a colour like t.c1 or 'var(--x)'.
        if (!/\b(?:stroke|fill): '(?!var\(|#|none\b|currentColor\b)[\w.]+'/.test(text)) continue;
        coloured++;
        if (!/\bz: /.test(text)) bad.push(`${file.slice(dir.length)}:${at}`);
      }
    }
    expect(coloured).toBeGreaterThan(5);
    expect(bad).toEqual([]);
  });
});
