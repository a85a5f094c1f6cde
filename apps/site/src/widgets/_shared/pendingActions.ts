/** What `pendingActions` returns. */
export interface PendingActions {
  /** Stops listening and replays each kept action (each once, in order). */
  replay(): void;
  /** Stops listening and forgets the kept actions. */
  drop(): void;
}

/**
 * Keeps what a reader does inside `elements` before their custom element is defined (the
 * server-rendered markup is there, its listeners are not yet): buttons pressed and files chosen.
 * `replay()` presses each button again and re-announces each file input's `change`, so on a slow
 * connection the run viewer's "example" or a file picked early is not lost.
 *
 * @example
 * const actions = pendingActions([viewer]);
 * import('./RunViewerElement').then(() => actions.replay());
 */
export function pendingActions(elements: readonly HTMLElement[]): PendingActions {
  const kept = new Set<HTMLButtonElement | HTMLInputElement>();
  const onClick = (event: Event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button && !button.disabled) kept.add(button);
  };
  const onChange = (event: Event) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.type === 'file') {
      kept.delete(input); // in the order of the latest choice
      kept.add(input);
    }
  };
  for (const el of elements) {
    el.addEventListener('click', onClick);
    el.addEventListener('change', onChange);
  }
  const drop = () => {
    for (const el of elements) {
      el.removeEventListener('click', onClick);
      el.removeEventListener('change', onChange);
    }
    kept.clear();
  };
  return {
    replay() {
      const actions = [...kept];
      drop();
      for (const target of actions) {
        if (!target.isConnected || target.disabled) continue;
        if (target instanceof HTMLButtonElement) target.click();
        else if (target.files?.length) target.dispatchEvent(new Event('change', { bubbles: true }));
      }
    },
    drop,
  };
}
