import { defineCollection, z } from 'astro:content';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      // A translated page records the hash of the English source it was translated from
      // (`npm run i18n:hash`; checked by test/i18n-in-step.test.ts).
      extend: z.object({
        sourceHash: z
          .string()
          .regex(/^[0-9a-f]{12}$/)
          .optional(),
      }),
    }),
  }),
  // Starlight UI strings its zh-CN translation lacks (Pagefind's search UI, code copy button,
  // heading anchors): src/content/i18n/zh-CN.json.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
