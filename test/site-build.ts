/**
 * The browser tests' site build, once per test run (test/once.ts), in a process of its own
 * (test/e2e/build-site.ts runs scripts/browser.ts buildSite): whoever starts it — the first
 * browser test file (test/e2e/helpers.ts buildOnce), or test/sequencer.ts as the run begins — is
 * not blocked meanwhile, and the others wait for the same build. Node built-ins and once.ts only:
 * vitest.config.ts loads this through the sequencer.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once, runFolder } from './once.ts';

/** Builds the site (build:data, then astro into DIST) unless this run already has or is building it. */
export function siteBuildOnce(root: string): Promise<true> {
  return once('site', (dir) => new Promise<true>((resolve, reject) => {
    const child = execFile(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'test/e2e/build-site.ts'],
      { cwd: root, maxBuffer: 64 << 20 }, (err, _stdout, stderr) => (err ? reject(Object.assign(err, { stderr })) : resolve(true)));
    // The run's teardown stops a build nobody waited for (stopSiteBuild).
    writeFileSync(join(dir, 'pid'), String(child.pid));
  }));
}

/** At the end of a run: a site build still running (no browser test waited for it) is stopped. */
export function stopSiteBuild(run: string): void {
  const pid = join(runFolder(run), 'site', 'pid');
  if (!existsSync(pid) || existsSync(join(runFolder(run), 'site.json'))) return;
  try {
    process.kill(Number(readFileSync(pid, 'utf8')), 'SIGTERM');
  } catch {
    // already gone
  }
}
