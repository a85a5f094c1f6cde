import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { distDir, startPreview } from '../scripts/serve.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port>/ serving apps/site/dist. */
    baseUrl: string;
  }
}

let site: Awaited<ReturnType<typeof startPreview>> | undefined;

/** Serves the built site (`astro preview`, as `npm start` does) on a free port for the whole run. */
export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(`${distDir}index.html`)) {
    throw new Error(
      'apps/site/dist is missing: run `npm run build -w @decaylab/site` (npm test does)',
    );
  }
  site = await startPreview({ port: 0, host: '127.0.0.1' });
  project.provide('baseUrl', site.url);
}

export async function teardown(): Promise<void> {
  await site?.stop();
}
