/** One point of a curve: a step number and a value (a loss or a norm). */
export interface Point {
  readonly step: number;
  readonly value: number;
}

/** Training loss (the total, data + penalty) and, when the run has validation data, validation loss. */
export interface LossSeries {
  readonly train: readonly Point[];
  readonly val?: readonly Point[];
}

/** ‖θ‖₂ per parameter, keyed by parameter name (`weight`, `bias`, `0.weight`, …). */
export type NormSeries = { readonly [param: string]: readonly Point[] };

/** Everything the charts need from one run, labelled with a name for comparisons. */
export interface RunSeries extends LossSeries {
  readonly name: string;
  readonly norms: NormSeries;
}

/** Options shared by every chart. */
export interface ChartOptions {
  /** The document to create elements in: `window.document` in a browser, linkedom's on a server. */
  readonly document?: Document;
  /** Width in px. Default 640. */
  readonly width?: number;
  /** Height in px. Default 300. */
  readonly height?: number;
  /** A title; with one, Plot wraps the SVG in a `<figure>`. Default none (a bare `<svg>`). */
  readonly title?: string;
  /** The y scale. Default `log` for losses, `linear` for norms. Non-positive values are dropped on a log scale. */
  readonly yScale?: 'log' | 'linear';
}

/** What every chart returns: Plot's SVG element, or a `<figure>` around it when a title is given. */
export type Chart = SVGSVGElement | HTMLElement;
