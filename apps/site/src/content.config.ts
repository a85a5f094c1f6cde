import { defineCollection, z } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

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
};
