import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

/**
 * A page not yet translated is shown under /zh-cn/ in English (Starlight's fallback, with its
 * notice); it stays out of that locale's search index, so a Chinese search finds only Chinese
 * pages and an English term is not found twice.
 */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  if (route.isFallback)
    route.entry = { ...route.entry, data: { ...route.entry.data, pagefind: false } };
});
