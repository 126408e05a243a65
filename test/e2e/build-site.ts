/** `tsx test/e2e/build-site.ts`: the browser tests' site build in a process of its own (test/site-build.ts starts it). */
import { buildSite } from '../../scripts/browser.ts';

try {
  buildSite();
} catch (e) {
  const err = e as { message?: string; stderr?: Buffer };
  process.stderr.write(`${err.message ?? e}\n${err.stderr?.toString() ?? ''}`);
  process.exit(1);
}
