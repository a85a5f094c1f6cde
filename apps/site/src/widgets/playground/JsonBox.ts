import type { Translate } from '../../i18n/t';
import type { SpecObject } from './playgroundForm';

/** What `JsonBox.read` found: a spec object, or why there is none (the status line's text). */
export type JsonRead = { readonly spec: SpecObject } | { readonly invalid: string };

/**
 * The editable JSON spec (`#pg-json`) and its list of problems (`[data-json-problems]`) inside
 * `host`: the page writes each valid spec into it; the reader edits it and applies it
 * (Ctrl/⌘+Enter or the Apply button).
 *
 * @example
 * const json = new JsonBox(element);
 * json.write(specJson(spec));
 * const read = json.read(t); // { spec } or { invalid: 'The JSON …' }, its problem listed
 */
export class JsonBox {
  constructor(private readonly host: HTMLElement) {}

  /** The box itself (for its keyboard shortcut). */
  get box(): HTMLTextAreaElement | null {
    return this.host.querySelector<HTMLTextAreaElement>('#pg-json');
  }

  write(text: string): void {
    const box = this.box;
    if (box) box.value = text;
  }

  /**
   * Parses the box: a JSON object is a spec to apply (checked later); a syntax error or another
   * JSON value is listed under the box. `undefined` without a box.
   */
  read(t: Translate): JsonRead | undefined {
    const box = this.box;
    if (!box) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(box.value);
    } catch (error) {
      this.listProblems([['', error instanceof Error ? error.message : String(error)]]);
      return { invalid: t('playground.jsonSyntax') };
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      this.listProblems([['', t('playground.jsonNotObject')]]);
      return { invalid: t('playground.invalid') };
    }
    return { spec: parsed as SpecObject };
  }

  /** Lists `[control, text]` problems under the box; opens it when one has no control. */
  listProblems(problems: readonly [string, string][]): void {
    const list = this.host.querySelector<HTMLElement>('[data-json-problems]');
    if (!list) return;
    list.replaceChildren(
      ...problems.map(([, message]) => {
        const li = document.createElement('li');
        li.textContent = message;
        return li;
      }),
    );
    const details = this.host.querySelector<HTMLDetailsElement>('[data-json]');
    if (details && problems.some(([control]) => control === '')) details.open = true;
  }
}
