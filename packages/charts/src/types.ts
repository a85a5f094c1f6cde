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
  /**
   * The words the chart writes, for a page in another language. Default English (`defaultLabels`).
   *
   * @example
   * lossChart(series, { labels: { step: '步数', loss: '损失', train: '训练', val: '验证' } });
   */
  readonly labels?: Partial<ChartLabels>;
}

/** The words a chart writes: axis labels and the loss chart's series names. */
export interface ChartLabels {
  /** The x axis. */
  readonly step: string;
  /** The loss chart's y axis. */
  readonly loss: string;
  /** The training loss line. */
  readonly train: string;
  /** The validation loss line. */
  readonly val: string;
}

/** The charts' English words (the CLI's `decaylab plot` uses these). */
export const defaultLabels: ChartLabels = {
  step: 'step',
  loss: 'loss',
  train: 'train',
  val: 'val',
};

/** What every chart returns: Plot's SVG element, or a `<figure>` around it when a title is given. */
export type Chart = SVGSVGElement | HTMLElement;
