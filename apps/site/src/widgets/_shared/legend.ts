type PlotModule = typeof import('../_shared/plot');

/** One legend entry: a label in its series colour. */
export interface InChartLegendItem {
  readonly label: string;
  readonly color: string;
}

/**
 * A legend drawn inside the chart (text marks anchored to a corner of the frame), so it takes
 * no space outside the chart's reserved size and never pushes the axes out of view.
 *
 * @example
 * Plot.plot({ marks: [...lines, ...legend(Plot, [{ label: 'train', color: theme.c1 }])] })
 */
export function legend(
  Plot: PlotModule,
  items: readonly InChartLegendItem[],
  {
    anchor = 'top-right',
    halo = 'var(--sl-color-bg-nav)',
  }: { anchor?: 'top-right' | 'top-left' | 'bottom-right' | 'bottom-left'; halo?: string } = {},
) {
  const top = anchor.startsWith('top');
  const n = items.length;
  return items.map((item, i) =>
    Plot.text([item.label], {
      frameAnchor: anchor,
      dx: anchor.endsWith('right') ? -4 : 4,
      dy: top ? 4 + 15 * i : -4 - 15 * (n - 1 - i),
      text: (d: string) => `■ ${d}`,
      fill: item.color,
      fontWeight: 600,
      stroke: halo,
      strokeWidth: 3,
      paintOrder: 'stroke',
    }),
  );
}
