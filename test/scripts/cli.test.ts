/** The benchmark scripts' flags (scripts/cli.ts): --help, and unknown or malformed flags are errors. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), script, ...args], { cwd: ROOT, encoding: 'utf8' });

describe('benchmark flags', () => {
  test('--help prints the usage and exits 0; nothing is measured', () => {
    for (const s of ['scripts/bench.ts', 'scripts/bench-query.ts', 'scripts/bench-parse.ts']) {
      const r = run(s, '--help');
      expect(r.status, s).toBe(0);
      expect(r.stdout, s).toMatch(/^usage: npm run bench/);
    }
  }, 60_000);

  test('an unknown flag, a missing value, a stray argument or a bad number exits 2 with the usage', () => {
    for (const [s, ...args] of [
      ['scripts/bench-parse.ts', '--bogus'], ['scripts/bench-parse.ts', '--seconds'], ['scripts/bench-parse.ts', 'extra'],
      ['scripts/bench-parse.ts', '--seconds', 'x'], ['scripts/bench.ts', '--runs', '0'], ['scripts/bench-query.ts', '--dist'],
    ] as [string, ...string[]][]) {
      const r = run(s, ...args);
      expect(r.status, `${s} ${args.join(' ')}`).toBe(2);
      expect(r.stderr).toMatch(/Unknown option|argument missing|Unexpected argument|takes a positive/);
    }
  }, 60_000);
});
