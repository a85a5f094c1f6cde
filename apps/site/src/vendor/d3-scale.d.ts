// The one part of d3-scale (Observable Plot's own dependency, no types shipped) the site calls:
// a log scale's tick format, to learn which ticks Plot's log axes label (see logAxisOf).
declare module 'd3-scale' {
  /** A d3 log scale, reduced to what the site uses. */
  export interface LogScale {
    domain(domain: readonly [number, number]): LogScale;
    /** A tick's label, or '' where d3 leaves it blank on this domain. */
    tickFormat(count: null, format: (v: number) => string): (v: number) => string;
  }
  export function scaleLog(): LogScale;
}
