import { defineConfig } from 'vitest/config';

// Browser tests (test/*.test.ts) drive /usr/bin/chromium over the built dist/, served by
// test/globalSetup.ts; unit tests next to widget code (src/**/*.test.ts) run in node too.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
