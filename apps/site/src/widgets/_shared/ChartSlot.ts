import type { ChartTheme } from './theme';

/** One entry of an HTML chart legend (above the chart, inside its reserved box). */
export interface LegendItem {
  readonly label: string;
  readonly color: string;
  /** Dashed line swatch. Default false. */
  readonly dashed?: boolean;
  /** Dot swatch instead of a line. Default false. */
  readonly dot?: boolean;
  /** Faint swatch (ghost traces). Default false. */
  readonly faint?: boolean;
}

/** Plot's size and style options for a chart slot (spread them into `Plot.plot`). */
export interface ChartFrame {
  readonly width: number;
  readonly height: number;
  readonly style: Record<string, string>;
}

/**
 * One chart slot of a widget (`[data-chart="<name>"]`, sized by CSS before anything draws): the
 * Plot frame that fits in it, an HTML legend above the chart, and the figure itself.
 *
 * @example
 * const slot = new ChartSlot(widget.querySelector('[data-chart="loss"]'));
 * slot.legend([{ label: 'train', color: theme.c1 }]);
 * slot.render(Plot.plot({ ...slot.frame(theme), marks }));
 */
export class ChartSlot {
  constructor(readonly element: HTMLElement) {}

  /** Width and height left in the reserved box below the legend, and the theme's style. */
  frame(theme: ChartTheme): ChartFrame {
    const slot = this.element;
    const legend = slot.querySelector<HTMLElement>('.dl-legend');
    const width = Math.max(200, Math.floor(slot.clientWidth || 640));
    const boxHeight = slot.clientHeight || width / 1.6;
    return {
      width,
      height: Math.max(120, Math.floor(boxHeight - (legend?.offsetHeight ?? 0))),
      style: {
        color: theme.fg,
        background: 'transparent',
        fontFamily: theme.font,
        fontSize: '12px',
        overflow: 'visible',
      },
    };
  }

  /** Shows (or updates) the legend; call it before `frame()`. Unchanged items touch no DOM. */
  legend(items: readonly LegendItem[]): void {
    const slot = this.element;
    let legend = slot.querySelector<HTMLElement>('.dl-legend');
    if (!legend) {
      legend = document.createElement('div');
      legend.className = 'dl-legend';
      slot.prepend(legend);
    }
    const key = JSON.stringify(items);
    if (legend.dataset.key === key) return;
    legend.dataset.key = key;
    legend.replaceChildren(
      ...items.map(({ label, color, dashed = false, dot = false, faint = false }) => {
        const item = document.createElement('span');
        const swatch = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
        swatch.setAttribute('width', '18');
        swatch.setAttribute('height', '10');
        swatch.setAttribute('aria-hidden', 'true');
        const opacity = faint ? ' opacity="0.35"' : '';
        swatch.innerHTML = dot
          ? `<circle cx="9" cy="5" r="3.5" fill="${color}"${opacity}/>`
          : `<line x1="1" x2="17" y1="5" y2="5" stroke="${color}" stroke-width="2.5"${opacity}${dashed ? ' stroke-dasharray="4,2"' : ''}/>`;
        item.append(swatch, label);
        return item;
      }),
    );
  }

  /**
   * Puts a Plot figure in place of the previous one (not the legend). The svg becomes one
   * `role="img"` named by the slot's label, or a labelled `role="group"` with `interactive`
   * (when it holds focusable handles: controls may not sit inside an image).
   */
  render(figure: Element, { interactive = false }: { interactive?: boolean } = {}): void {
    const slot = this.element;
    const svg = figure.localName === 'svg' ? figure : figure.querySelector('svg');
    svg?.setAttribute('role', interactive ? 'group' : 'img');
    svg?.setAttribute('aria-label', slot.dataset.label ?? slot.dataset.chart ?? '');
    // The chart is one image with one name: Plot's per-mark aria-labels on <g> are not allowed
    // by ARIA (axe: aria-prohibited-attr), and add nothing inside role="img".
    for (const el of svg?.querySelectorAll('g[aria-label], g[aria-description]') ?? []) {
      el.removeAttribute('aria-label');
      el.removeAttribute('aria-description');
    }
    figure.classList.add('dl-plot');
    const old = slot.querySelector(':scope > .dl-plot');
    if (old) old.replaceWith(figure);
    else slot.append(figure);
  }
}
