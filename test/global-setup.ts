/**
 * When the run ends, its shared work (test/once.ts: data builds, the site build's marker) goes,
 * and a site build nobody waited for is stopped.
 */
import { rmSync } from 'node:fs';
import { runFolder } from './once.ts';
import { stopSiteBuild } from './site-build.ts';

export function teardown(): void {
  const run = process.env.ATLAS_TEST_RUN;
  if (!run) return;
  stopSiteBuild(run);
  rmSync(runFolder(run), { recursive: true, force: true });
}
