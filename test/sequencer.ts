/**
 * The order of the test files: the browser tests (test/e2e/) last, one after another as before.
 * When the run holds any, the site they need starts building at once, in a process of its own
 * (test/site-build.ts), beside the other tests, instead of holding up the first browser test file;
 * test/e2e/helpers.ts buildOnce waits for it.
 */
import { existsSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { siteBuildOnce } from './site-build.ts';

const isBrowserTest = (f: TestSpecification) => /[\\/]test[\\/]e2e[\\/]/.test(f.moduleId);

export default class AtlasSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const browser = sorted.filter(isBrowserTest);
    // Without Chromium the browser suites are skipped and need no site (scripts/browser.ts CHROMIUM).
    if (browser.length && existsSync('/usr/bin/chromium') && process.env.ATLAS_TEST_RUN) {
      // A failure is stored by once(); each browser test file then reports it.
      siteBuildOnce(this.ctx.config.root).catch(() => {});
    }
    return [...sorted.filter((f) => !isBrowserTest(f)), ...browser];
  }
}
