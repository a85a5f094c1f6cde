import type { InlineData } from '@decaylab/core';
import type { Translate } from '../../i18n/t';
import { CsvInput } from './CsvInput';
import { changedControl, readForm, showApplicable, writeForm } from './formDom';
import { JsonBox } from './JsonBox';
import {
  coherentForm,
  FORM_DEFAULTS,
  formFromSpec,
  type PlaygroundForm,
  type SpecObject,
  specFromForm,
} from './playgroundForm';
import type { PlaygroundRuntime } from './playgroundRuntime';

/**
 * What a reader's edit came to: a new spec to run, nothing to do (not this control's event, or
 * a CSV problem, shown under its box), or a line for the status (`invalid`: no run can start).
 */
export type EditOutcome = 'run' | 'none' | { readonly status: string; readonly invalid: boolean };

/**
 * The spec as the reader edits it, in step with its three editors inside `host`: the form, the
 * pasted CSV (`CsvInput`) and the JSON box (`JsonBox`). An edit in one moves the spec (and the
 * form: a classification table takes a logistic model); `show` moves the form to a spec.
 *
 * @example
 * const inputs = new SpecInputs(element);
 * inputs.show(specFromForm(FORM_DEFAULTS));
 * form.addEventListener('input', (e) => inputs.fromForm(e, { rt, t }) === 'run' && schedule());
 */
export class SpecInputs {
  /** The spec (plain JSON, checked when it runs). */
  spec: SpecObject = {};
  readonly json: JsonBox;
  private readonly csv: CsvInput;
  private form: PlaygroundForm = FORM_DEFAULTS;

  constructor(private readonly host: HTMLElement) {
    this.json = new JsonBox(host);
    this.csv = new CsvInput(host);
  }

  /** Takes `spec` and moves the form (and the CSV box) to it. */
  show(spec: SpecObject): void {
    this.spec = spec;
    this.form = formFromSpec(spec);
    const data = spec.data as InlineData | undefined;
    if (this.form.data === 'csv' && data && 'train' in data) this.csv.show(data);
    writeForm(this.host, this.form);
  }

  /** Follows an `input` or `change` event of the form. */
  fromForm(event: Event, { rt, t }: { rt: PlaygroundRuntime; t: Translate }): EditOutcome {
    const name = changedControl(event);
    if (!name) return 'none';
    const { csv } = this;
    const read = readForm(this.host);
    const text = csv.text;
    if (name === 'csv' && !csv.read(text ?? '', { seed: read?.seed ?? this.form.seed, rt, t }))
      return 'none';
    if (!read) return { status: t('playground.badNumber'), invalid: true };
    // A pasted CSV is split by the seed: a new seed splits its rows again.
    if (name === 'seed' && read.data === 'csv' && csv.data && text !== undefined)
      if (!csv.read(text, { seed: read.seed, rt, t })) return 'none';
    const form = coherentForm(read, name as keyof PlaygroundForm, csv.task);
    if (JSON.stringify(form) !== JSON.stringify(read)) writeForm(this.host, form);
    else showApplicable(this.host, form);
    this.form = form;
    if (form.data === 'csv' && !csv.data)
      return { status: t('playground.csvNeeded'), invalid: false };
    const csvData = csv.data;
    this.spec = specFromForm(form, { base: this.spec, ...(csvData ? { csvData } : {}) });
    return 'run';
  }

  /** Takes the JSON box's spec (a new one to run) or lists its problem (a line for the status). */
  fromJson(t: Translate): EditOutcome {
    const read = this.json.read(t);
    if (!read) return 'none';
    if ('invalid' in read) return { status: read.invalid, invalid: true };
    this.csv.data = undefined;
    this.show(read.spec);
    return 'run';
  }
}
