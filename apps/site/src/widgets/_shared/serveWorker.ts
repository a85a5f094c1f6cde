/**
 * Answers the messages of a module worker: `handle(request)` per message, its result posted back.
 * Does nothing outside a worker (a unit test may import the module).
 *
 * A worker module is imported as `import url from './x.worker?module-worker'` and started with
 * `new Worker(url, { type: 'module' })`: the `module-worker` Vite plugin (astro.config.mjs) makes
 * it an entry of the page build, so it imports the very chunks of the engine and RxJS that the
 * page has (fetched once), where `new Worker(new URL('./x.worker.ts', import.meta.url))` would be
 * bundled separately with its own copy.
 *
 * @example
 * serveWorker((request: SweepRequest) => ({ id: request.id, losses: finalLosses(request.spec) }));
 */
export function serveWorker<Request, Answer>(handle: (request: Request) => Answer): void {
  if (!('WorkerGlobalScope' in globalThis)) return;
  const scope = globalThis as unknown as {
    onmessage: ((event: MessageEvent<Request>) => void) | null;
    postMessage(message: Answer): void;
  };
  scope.onmessage = (event) => scope.postMessage(handle(event.data));
}
