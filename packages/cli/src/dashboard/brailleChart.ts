import { fmt } from '../text/fmt.js';
import { type ColorName, paint } from './ansi.js';

/** One line of a terminal chart. */
export interface ChartLine {
  readonly points: readonly { readonly step: number; readonly value: number }[];
  readonly color: ColorName;
}

const DOT = [
  [0x01, 0x08],
  [0x02, 0x10],
  [0x04, 0x20],
  [0x40, 0x80],
] as const;

/**
 * A line chart in Unicode braille (2×4 dots per character) with a y axis on the left: exactly
 * `height` lines of exactly `width` columns. Lines are joined point to point; on a log scale
 * non-positive values are skipped.
 *
 * @example
 * brailleChart([{ points, color: 'cyan' }], { width: 60, height: 8, log: true, color: false })
 */
export function brailleChart(
  lines: readonly ChartLine[],
  {
    width,
    height,
    log = false,
    color = false,
  }: { width: number; height: number; log?: boolean; color?: boolean },
): string[] {
  const axis = 10;
  const cols = Math.max(4, width - axis);
  const dotsX = cols * 2;
  const dotsY = height * 4;
  const tf = (v: number) => (log ? Math.log10(v) : v);
  const ok = (v: number) => Number.isFinite(v) && (!log || v > 0);
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const l of lines) {
    for (const p of l.points) {
      if (!ok(p.value)) continue;
      x0 = Math.min(x0, p.step);
      x1 = Math.max(x1, p.step);
      y0 = Math.min(y0, tf(p.value));
      y1 = Math.max(y1, tf(p.value));
    }
  }
  const cells = new Uint8Array(cols * height);
  const tint: (ColorName | undefined)[] = new Array(cols * height).fill(undefined);
  const empty = !(x0 <= x1);
  if (!empty) {
    if (y1 - y0 < 1e-12) {
      y0 -= 0.5;
      y1 += 0.5;
    }
    const px = (s: number) => (x1 === x0 ? 0 : Math.round(((s - x0) / (x1 - x0)) * (dotsX - 1)));
    const py = (v: number) => Math.round(((y1 - tf(v)) / (y1 - y0)) * (dotsY - 1));
    const set = (x: number, y: number, c: ColorName) => {
      if (x < 0 || y < 0 || x >= dotsX || y >= dotsY) return;
      const i = Math.floor(y / 4) * cols + Math.floor(x / 2);
      cells[i] = (cells[i] as number) | ((DOT[y % 4] as readonly number[])[x % 2] as number);
      tint[i] = c;
    };
    for (const l of lines) {
      let prev: [number, number] | null = null;
      for (const p of l.points) {
        if (!ok(p.value)) {
          prev = null;
          continue;
        }
        const cur: [number, number] = [px(p.step), py(p.value)];
        if (prev) {
          const n = Math.max(Math.abs(cur[0] - prev[0]), Math.abs(cur[1] - prev[1]), 1);
          for (let k = 0; k <= n; k++) {
            set(
              Math.round(prev[0] + ((cur[0] - prev[0]) * k) / n),
              Math.round(prev[1] + ((cur[1] - prev[1]) * k) / n),
              l.color,
            );
          }
        } else set(cur[0], cur[1], l.color);
        prev = cur;
      }
    }
  }
  const label = (v: number) => fmt(log ? 10 ** v : v, { digits: 3 });
  const out: string[] = [];
  for (let r = 0; r < height; r++) {
    let tick = '';
    if (!empty && r === 0) tick = label(y1);
    else if (!empty && r === height - 1) tick = label(y0);
    else if (!empty && height >= 5 && r === Math.floor((height - 1) / 2))
      tick = label(y1 - ((y1 - y0) * r) / (height - 1));
    let row = `${tick.padStart(axis - 2)} ┤`;
    let run = '';
    let runColor: ColorName | undefined;
    const flush = () => {
      row += paint(run, runColor, color);
      run = '';
    };
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const bits = cells[i] as number;
      const ch = bits ? String.fromCharCode(0x2800 + bits) : ' ';
      const t = bits ? tint[i] : undefined;
      if (t !== runColor) {
        flush();
        runColor = t;
      }
      run += ch;
    }
    flush();
    out.push(row);
  }
  const left = empty ? '' : String(x0);
  const right = empty ? '' : String(x1);
  out.push(
    `${' '.repeat(axis - 1)}└${left}${' '.repeat(Math.max(1, cols - left.length - right.length))}${right}`,
  );
  return out;
}
