import type { Translate } from '../../i18n/t';
import { formatValue } from './format';
import { positionValue } from './positionValue';
import { readUrlState, writeUrlState } from './urlState';

/** What the reader did to a widget's controls. */
export interface ControlHandlers {
  /** A slider, checkbox or the seed changed (already written to the URL). */
  readonly onInput: (name: string) => void;
  /** A `button[data-action]` was pressed: `play`, `step`, `reset` or a widget's own button. */
  readonly onAction: (action: string) => void;
}

/** The widget's run state as shown on the element (`data-state`) and the Play button. */
export type WidgetState = 'playing' | 'paused' | 'done' | 'diverged';

/**
 * The controls, readouts and status line of one widget's markup (rendered by `Widget.astro`),
 * with their state in the URL (`?<id>.<name>=value`).
 *
 * @example
 * const controls = new Controls(widget, 'overfit', translatorFor(widget));
 * controls.restoreFromUrl();
 * const stop = controls.wire({ onInput: restart, onAction: (a) => a === 'play' && toggle() });
 * controls.value('lambda'); // 0.1 (log slider at −1)
 */
export class Controls {
  constructor(
    private readonly root: HTMLElement,
    private readonly id: string,
    private readonly t: Translate,
  ) {}

  /** A control's value: log sliders give 10^position, checkboxes 1 or 0. */
  value(name: string): number {
    const input = this.input(name);
    if (!input) throw new Error(`${this.root.localName}: no control named ${name}`);
    if (input.type === 'checkbox') return input.checked ? 1 : 0;
    return positionValue(input.dataset.scale, Number(input.value));
  }

  /**
   * Moves a control to `raw` (slider units: the exponent for log sliders), clamped to its range,
   * as if the reader had moved it (the widget restarts, the URL follows).
   */
  set(name: string, raw: number): void {
    const input = this.input(name);
    if (!input) return;
    if (input.type === 'checkbox') input.checked = raw !== 0;
    else input.value = String(clamp(input, raw));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  /** Sets a readout's text (only when it changed). */
  readout(name: string, text: string): void {
    const el = this.root.querySelector<HTMLElement>(`[data-readout="${name}"]`);
    if (el && el.textContent !== text) el.textContent = text;
  }

  /** Sets the status line (a live region: screen readers announce it). */
  status(text: string): void {
    const el = this.root.querySelector<HTMLElement>('[data-status]');
    if (el && el.textContent !== text) el.textContent = text;
  }

  /** Shows the run state on the element and labels the Play button. */
  showState(state: WidgetState): void {
    this.root.dataset.state = state;
    const play = this.root.querySelector<HTMLButtonElement>('[data-action="play"]');
    if (!play) return;
    play.textContent = this.t(
      state === 'playing' ? 'widget.pause' : state === 'paused' ? 'widget.play' : 'widget.replay',
    );
    play.setAttribute('aria-pressed', String(state === 'playing'));
  }

  /** Moves the controls to the values in the URL (clamped to each control's range). */
  restoreFromUrl(): void {
    for (const [name, raw] of Object.entries(readUrlState(this.id))) {
      const input = this.input(name);
      if (!input) continue;
      if (input.type === 'checkbox') input.checked = raw === '1';
      else if (raw !== '' && Number.isFinite(Number(raw)))
        input.value = String(clamp(input, Number(raw)));
      this.showValue(input);
    }
  }

  /** Listens to the controls; returns the function that stops listening. */
  wire({ onInput, onAction }: ControlHandlers): () => void {
    const root = this.root;
    const input = (event: Event) => {
      const el = event.target as HTMLInputElement;
      const name = el.dataset.name;
      if (!name || !root.contains(el)) return;
      if (el.type === 'number' && (el.value === '' || !el.checkValidity())) return;
      this.showValue(el);
      writeUrlState(this.id, {
        [name]: el.type === 'checkbox' ? (el.checked ? '1' : '0') : el.value,
      });
      onInput(name);
    };
    const click = (event: Event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
      if (button && root.contains(button)) onAction(button.dataset.action ?? '');
    };
    root.addEventListener('input', input);
    root.addEventListener('click', click);
    for (const el of root.querySelectorAll<HTMLInputElement>('input[type="range"]'))
      this.showValue(el);
    return () => {
      root.removeEventListener('input', input);
      root.removeEventListener('click', click);
    };
  }

  private input(name: string): HTMLInputElement | null {
    return this.root.querySelector<HTMLInputElement>(`input[data-name="${name}"]`);
  }

  private showValue(input: HTMLInputElement): void {
    if (input.type !== 'range') return;
    const text = formatValue(
      positionValue(input.dataset.scale, Number(input.value)),
      input.dataset.format,
    );
    const output = this.root.querySelector(`output[data-for="${input.dataset.name}"]`);
    if (output) output.textContent = text;
    input.setAttribute('aria-valuetext', text);
  }
}

function clamp(input: HTMLInputElement, v: number): number {
  const min = Number(input.min || Number.NEGATIVE_INFINITY);
  const max = Number(input.max || Number.POSITIVE_INFINITY);
  return Math.min(max, Math.max(min, v));
}
