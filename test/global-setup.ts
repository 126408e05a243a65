/** The run's shared work (test/once.ts: data builds, the site build's marker) goes when the run ends. */
import { rmSync } from 'node:fs';
import { runFolder } from './once.ts';

export function teardown(): void {
  const run = process.env.ATLAS_TEST_RUN;
  if (run) rmSync(runFolder(run), { recursive: true, force: true });
}
