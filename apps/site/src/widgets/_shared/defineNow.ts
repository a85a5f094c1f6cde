import { type CataloguePart, loadCatalogueFor } from '../../i18n/loadCatalogue';
import { pendingActions } from './pendingActions';

/**
 * Defines a page's main widget at once (the page exists for it: the run viewer, the
 * playground), still out of the page's eager JS: first its part of the page language's message
 * catalogue (its own chunk), then `load()` (a dynamic `import()` of the module that calls
 * `customElements.define`), so its connectedCallback finds the catalogue registered. A button
 * pressed or a file chosen before the element is defined is replayed once it is
 * (`pendingActions`). Chapter widgets load when they near the viewport instead (`lazyDefine`).
 *
 * @example
 * <script>
 *   import { defineNow } from '../_shared/defineNow';
 *   defineNow('dl-run-viewer', 'viewer', () => import('./RunViewerElement'));
 * </script>
 */
export function defineNow(tag: string, part: CataloguePart, load: () => Promise<unknown>): void {
  const element = document.querySelector<HTMLElement>(tag);
  const actions = pendingActions(element ? [element] : []);
  loadCatalogueFor(element ?? document.documentElement, part)
    .then(load)
    .then(
      () => actions.replay(),
      (error: unknown) => {
        actions.drop();
        throw error;
      },
    );
}
