/** What `pendingActions` returns. */
export interface PendingActions {
  /** Stops listening and replays what was kept: control values first, then presses and files. */
  replay(): void;
  /** Stops listening and forgets what was kept. */
  drop(): void;
}

/**
 * Keeps what a reader does inside `elements` before their custom element is defined (the
 * server-rendered markup is there, its listeners are not yet): controls changed (with the value
 * they were given), buttons pressed and files chosen. `replay()` sets each control back to its
 * value and re-announces its `input`, then presses each button again and re-announces each file
 * input's `change`, so a slider moved, a "run" or "example" pressed or a file picked early on a
 * slow connection is not lost.
 *
 * @example
 * const actions = pendingActions([viewer]);
 * import('./RunViewerElement').then(() => actions.replay());
 */
export function pendingActions(elements: readonly HTMLElement[]): PendingActions {
  const changed = new Map<HTMLInputElement, string | boolean>();
  const pressed = new Set<HTMLButtonElement | HTMLInputElement>();
  const onInput = (event: Event) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.type !== 'file')
      changed.set(input, input.type === 'checkbox' ? input.checked : input.value);
  };
  const onClick = (event: Event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button && !button.disabled) pressed.add(button);
  };
  const onChange = (event: Event) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.type === 'file') {
      pressed.delete(input); // in the order of the latest choice
      pressed.add(input);
    }
  };
  const listeners = [
    ['input', onInput],
    ['click', onClick],
    ['change', onChange],
  ] as const;
  for (const el of elements) for (const [type, fn] of listeners) el.addEventListener(type, fn);
  const drop = () => {
    for (const el of elements) for (const [type, fn] of listeners) el.removeEventListener(type, fn);
    changed.clear();
    pressed.clear();
  };
  return {
    replay() {
      const values = [...changed];
      const actions = [...pressed];
      drop();
      for (const [input, value] of values) {
        if (typeof value === 'boolean') input.checked = value;
        else input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      for (const target of actions) {
        if (!target.isConnected || target.disabled) continue;
        if (target instanceof HTMLButtonElement) target.click();
        else if (target.files?.length) target.dispatchEvent(new Event('change', { bubbles: true }));
      }
    },
    drop,
  };
}
