import { defineConfig } from 'vitest/config';
import AtlasSequencer from './test/sequencer.ts';

// One name per test run: test files share the site build (test/e2e/helpers.ts buildOnce) and data
// builds (test/pipeline/helpers.ts sharedBuild) through test/once.ts; global-setup.ts clears them after.
process.env.ATLAS_TEST_RUN ??= `${process.pid}-${Date.now()}`;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    // Browser test files last, the site build they need started as the run begins (test/sequencer.ts).
    sequence: { sequencer: AtlasSequencer },
    // CI recognises a plain closing line "N passed, N failed"; vitest's own summary it does not.
    reporters: ['default', './test/count-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
