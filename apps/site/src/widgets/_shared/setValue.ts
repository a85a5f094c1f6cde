const wired = new WeakSet<Document>();

/**
 * Makes every `button.dl-set` of the page (see SetValue.astro) move its widget's control: the
 * control takes the value and fires `input`, so the widget restarts and the URL follows. The
 * widget scrolls into view (instantly under reduced motion). Safe to call more than once.
 *
 * @example
 * wireSetValue(document);
 */
export function wireSetValue(doc: Document): void {
  if (wired.has(doc)) return;
  wired.add(doc);
  doc.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button.dl-set');
    if (!button) return;
    const { setWidget, setName, setTo } = button.dataset;
    const widget = doc.querySelector<HTMLElement>(`.dl-widget[data-id="${setWidget}"]`);
    const input = widget?.querySelector<HTMLInputElement>(`input[data-name="${setName}"]`);
    if (!widget || !input) return;
    const to = Number(setTo);
    const min = Number(input.min || Number.NEGATIVE_INFINITY);
    const max = Number(input.max || Number.POSITIVE_INFINITY);
    input.value = String(Math.min(max, Math.max(min, to)));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    widget.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
  });
}
