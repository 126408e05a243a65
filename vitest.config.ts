import { defineConfig } from 'vitest/config';

// One name per test run: the browser test files share one site build (test/e2e/helpers.ts buildOnce).
process.env.ATLAS_TEST_RUN ??= `${process.pid}-${Date.now()}`;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CI recognises a plain closing line "N passed, N failed"; vitest's own summary it does not.
    reporters: ['default', './test/count-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
