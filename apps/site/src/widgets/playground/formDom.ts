import { CONTROLS } from './playgroundControls';
import type { PlaygroundForm } from './playgroundForm';

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const fields = (root: ParentNode, name: string) => [
  ...root.querySelectorAll<Field>(`[name="${name}"]`),
];

/**
 * The name of the control an `input` or `change` event changed, or `undefined` when that
 * control answers to the other event: checkboxes and selects to `change` (one event per
 * change), number boxes and the CSV box to `input` (as the reader types).
 *
 * @example
 * form.addEventListener('input', (e) => { const name = changedControl(e); if (name) … });
 */
export function changedControl(event: Event): string | undefined {
  const target = event.target as HTMLInputElement;
  const onChange = target.type === 'checkbox' || target.localName === 'select';
  return target.name && (event.type === 'change') === onChange ? target.name : undefined;
}

/**
 * The form's values as the reader left them (`PlaygroundForm`), or `null` while a number box
 * holds something that is not a number in its range (the run waits for a valid value; the box
 * is marked `aria-invalid`).
 *
 * @example
 * const form = readForm(element); // { data: 'cars', … } or null
 */
export function readForm(root: ParentNode): PlaygroundForm | null {
  const out: Record<string, unknown> = {};
  let valid = true;
  for (const c of CONTROLS) {
    if (c.kind === 'textarea') continue;
    const els = fields(root, c.name);
    const el = els[0];
    if (!el) continue;
    if (c.kind === 'checkboxes')
      out[c.name] = els.filter((e) => (e as HTMLInputElement).checked).map((e) => e.value);
    else if (c.kind === 'checkbox') out[c.name] = (el as HTMLInputElement).checked;
    else if (c.kind === 'select') out[c.name] = el.value;
    else {
      const raw = el.value.trim();
      const ok = raw === '' ? c.emptyMeans !== undefined : (el as HTMLInputElement).checkValidity();
      el.setAttribute('aria-invalid', String(!ok));
      if (!ok) {
        // A hidden control does not hold the run back (its value is not used).
        if (!el.closest<HTMLElement>('[data-control]')?.hidden) valid = false;
        continue;
      }
      out[c.name] = raw === '' ? null : Number(raw);
    }
  }
  return valid ? (out as unknown as PlaygroundForm) : null;
}

/**
 * Puts a form's values into the controls (without events) and shows only the controls that
 * apply (`data-when`).
 *
 * @example
 * writeForm(element, formFromSpec(spec));
 */
export function writeForm(root: ParentNode, form: PlaygroundForm): void {
  const values = form as unknown as Record<string, unknown>;
  for (const c of CONTROLS) {
    if (c.kind === 'textarea') continue;
    const v = values[c.name];
    for (const el of fields(root, c.name)) {
      if (c.kind === 'checkboxes')
        (el as HTMLInputElement).checked = Array.isArray(v) && v.includes(el.value);
      else if (c.kind === 'checkbox') (el as HTMLInputElement).checked = v === true;
      else {
        el.value = v === null || v === undefined ? '' : String(v);
        el.removeAttribute('aria-invalid');
      }
    }
  }
  showApplicable(root, form);
}

/** Hides the controls whose `data-when` (`name=v1,v2`) does not match the form. */
export function showApplicable(root: ParentNode, form: PlaygroundForm): void {
  const values = form as unknown as Record<string, unknown>;
  for (const el of root.querySelectorAll<HTMLElement>('[data-control][data-when]')) {
    const [name = '', list = ''] = (el.dataset.when ?? '').split('=');
    el.hidden = !list.split(',').includes(String(values[name]));
  }
}

/**
 * Shows each problem (keyed by form field, as `fieldProblems` groups them) next to the visible
 * control whose `data-field` is that field or its closest parent; returns every problem as
 * `[control name or '', text]` for the list under the JSON box.
 *
 * @example
 * showProblems(element, new Map([['optimizer.lr', ['expected a positive number, got -1']]]))
 */
export function showProblems(
  root: ParentNode,
  problems: ReadonlyMap<string, readonly string[]>,
): [string, string][] {
  const shown = new Map<string, string[]>();
  const rest: [string, string][] = [];
  const controls = CONTROLS.filter((c) => {
    const el = root.querySelector<HTMLElement>(`[data-control="${c.name}"]`);
    return el && !el.hidden;
  });
  for (const [path, messages] of problems) {
    // The control editing this path, or the one editing its nearest parent path.
    let best: string | undefined;
    let bestLength = -1;
    for (const c of controls) {
      const f = c.field;
      const match = path === f || path.startsWith(`${f}.`) || path.startsWith(`${f}[`);
      // Ties go to the later control (the CSV box after the data set menu).
      if (match && f.length >= bestLength) {
        best = c.name;
        bestLength = f.length;
      }
    }
    for (const m of messages) {
      // `fieldProblems` keeps a longer path in front of its message; name the field otherwise.
      const text = path === 'spec' || m.startsWith(`${path}`) ? m : `${path}: ${m}`;
      if (best) shown.set(best, [...(shown.get(best) ?? []), text]);
      rest.push([best ?? '', text]);
    }
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-problem-for]')) {
    const name = el.dataset.problemFor ?? '';
    const text = (shown.get(name) ?? []).join(' ');
    if (el.textContent !== text) el.textContent = text;
    const control = root.querySelector<Field>(`#pg-${name}`);
    if (control && control.type !== 'number')
      control.setAttribute('aria-invalid', String(text !== ''));
  }
  return rest;
}
