import type { MessageKey } from '../../i18n/en';

/** A range slider a widget shows. Serializable: it is passed from the .astro frame to the DOM. */
export interface SliderDef {
  /** Key in the widget state and in the URL (`<widgetId>.<name>`). */
  readonly name: string;
  /** Visible label: a catalogue key (`slider.lambdaDecay`: `λ (weight decay)`, `λ（权重衰减）`). */
  readonly label: MessageKey;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** Initial value, in slider units (for `log` sliders: the base-10 exponent). */
  readonly value: number;
  /** `log`: the slider moves the exponent, the state holds 10^position. Default `linear`. */
  readonly scale?: 'linear' | 'log';
  /** How the value is printed next to the slider: `exp` (1e-3), `int`, or `fixed2` etc. Default `fixed2`. */
  readonly format?: string;
}

/** A checkbox a widget shows. */
export interface ToggleDef {
  readonly name: string;
  readonly label: string;
  readonly value: boolean;
}

/** An extra button (besides play/pause, step, reset), e.g. "Resample". */
export interface ButtonDef {
  readonly name: string;
  readonly label: string;
}

/** A chart slot: its size is reserved by CSS (`aspect` = width / height) before anything draws. */
export interface ChartDef {
  readonly name: string;
  /** Accessible name of the chart. */
  readonly label: string;
  /** width / height. Default 1.6. */
  readonly aspect?: number;
  /** width / height on narrow screens (≤ 40rem), where legends wrap. Default min(aspect, 1.25). */
  readonly narrowAspect?: number;
  /** Span the whole row of the chart grid. Default false. */
  readonly wide?: boolean;
}

/** A live number shown under the charts. */
export interface ReadoutDef {
  readonly name: string;
  readonly label: string;
  /**
   * Width (in digits, `ch`) reserved for the value before the widget draws, so filling in the
   * numbers does not re-wrap the readouts row and push the page down. Default: none.
   */
  readonly reserve?: number;
}
