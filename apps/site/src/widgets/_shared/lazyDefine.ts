import { loadCatalogueFor } from '../../i18n/loadCatalogue';
import { pendingActions } from './pendingActions';

/** How far outside the viewport a widget starts loading its code (DecayWidget loads Plot at 200px). */
const NEAR = '600px 0px';

/**
 * Defines a widget's custom element only when one of its elements nears the viewport: the page
 * loads this tiny loader eagerly and `load()` (a dynamic `import()` of the module that calls
 * `customElements.define`) on demand, so a chapter's widget code is not part of its eager JS.
 *
 * The elements' server-rendered markup (controls, reserved chart boxes, fallback) is there
 * before; they upgrade in place when the module arrives. The page's message catalogue (its own
 * chunk, only the page's language: `loadCatalogue`) is loaded and registered before the module.
 * The module loads at once when the URL carries one of the widget's params (`?<id>.<name>=…`, a shared view), and when the reader
 * reaches the widget first by focus, pointer or a control change (a `SetValue` button): a
 * control changed before the upgrade is replayed to the widget (`input` event), so the run, the
 * readout and the URL follow, and a button pressed before it is pressed again (`pendingActions`).
 *
 * @example
 * <script>
 *   import { lazyDefine } from '../_shared/lazyDefine';
 *   lazyDefine('dl-overfit', () => import('./OverfitWidget'));
 * </script>
 */
export function lazyDefine(tag: string, load: () => Promise<unknown>): void {
  const elements = [...document.querySelectorAll<HTMLElement>(tag)];
  if (elements.length === 0 || customElements.get(tag)) return;
  /** Controls changed, buttons pressed and files chosen before the upgrade. */
  const actions = pendingActions(elements);
  let started = false;
  const io = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) start();
    },
    { rootMargin: NEAR },
  );
  // A control changed, like focus or a pointer, means the reader is here: load now.
  const events = ['focusin', 'pointerdown', 'input'] as const;
  const unwire = () => {
    io.disconnect();
    for (const el of elements) {
      for (const type of events) el.removeEventListener(type, start);
    }
  };
  function start(): void {
    if (started) return;
    started = true;
    // The page's catalogue first: the module's customElements.define upgrades the elements at
    // once, and their connectedCallback reads it (translatorFor).
    Promise.all(elements.map((el) => loadCatalogueFor(el)))
      .then(load)
      .then(
        () => {
          unwire();
          // The elements upgraded inside customElements.define (connectedCallback ran): replay.
          actions.replay();
        },
        (error: unknown) => {
          unwire();
          actions.drop();
          for (const el of elements) {
            const status = el.querySelector('[data-status]');
            if (status) status.textContent = String(error instanceof Error ? error.message : error);
          }
          throw error;
        },
      );
  }
  for (const el of elements) {
    for (const type of events) el.addEventListener(type, start);
    io.observe(el);
  }
  const ids = elements.map((el) => `${el.dataset.id ?? tag}.`);
  for (const key of new URLSearchParams(location.search).keys())
    if (ids.some((prefix) => key.startsWith(prefix))) start();
}
