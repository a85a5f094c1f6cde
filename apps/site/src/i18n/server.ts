import { catalogues } from './catalogues';
import { registerCatalogue } from './t';

/**
 * The translator for build-time code (the `.astro` frames, no-JavaScript fallbacks) and tests:
 * importing this module registers every locale's catalogue, statically imported. Client code
 * imports `./t` and loads the page's catalogue with `loadCatalogue`, so a page ships only its
 * own language.
 *
 * @example
 * import { translator } from '../../i18n/server';
 * const t = translator({ lang: pageLang(Astro.url.pathname) });
 */
for (const [code, catalogue] of Object.entries(catalogues)) registerCatalogue(code, catalogue);

export * from './t';
