import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { TestProject } from 'vitest/node';
import { createStaticServer, distDir, listen } from '../scripts/serve.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port>/ serving apps/site/dist. */
    baseUrl: string;
  }
}

let server: Server | undefined;

/** Serves the built site on a free port for the whole test run. */
export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(`${distDir}index.html`)) {
    throw new Error(
      'apps/site/dist is missing: run `npm run build -w @decaylab/site` (npm test does)',
    );
  }
  server = createStaticServer({ root: distDir }) as Server;
  const port: number = await listen(server, { port: 0, host: '127.0.0.1' });
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
}

export async function teardown(): Promise<void> {
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
}
