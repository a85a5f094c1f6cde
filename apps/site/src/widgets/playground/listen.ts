/**
 * Adds an event listener and returns what removes it: a `connectedCallback` collects these for
 * its `disconnectedCallback`. A missing target (an optional part of the markup) adds nothing.
 *
 * @example
 * this.cleanups.push(listen(form, 'input', onInput), listen(box, 'keydown', onKey));
 */
export function listen<E extends Event>(
  target: EventTarget | null | undefined,
  type: string,
  handler: (event: E) => void,
): () => void {
  const listener = handler as EventListener;
  target?.addEventListener(type, listener);
  return () => target?.removeEventListener(type, listener);
}
