import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    // One migrated database per run that every test app copies (PGlite snapshot or PostgreSQL template).
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    // A worker process runs file after file with its modules loaded once, instead of a new process per
    // file (importing the app, PGlite's wasm and Playwright took seconds per file). So: no state in module
    // scope that a test changes, and no vi.mock (docs/conventions.md, Tests).
    isolate: false,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
