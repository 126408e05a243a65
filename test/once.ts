/**
 * Work shared by the test files of one run: vitest runs each file in its own worker, so what
 * several files need (a data build, the site build) is made by the first file that asks and
 * read by the others. vitest.config.ts names the run (ATLAS_TEST_RUN); everything shared lives
 * in runDir(), which test/global-setup.ts removes when the run ends. Outside a named run
 * nothing is shared: each caller makes its own.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Where a named run keeps its shared work. */
export const runFolder = (run: string): string => join(tmpdir(), `atlas-test-${run}`);

/** The folder of this run's shared work (made on first use); outside a named run, a new one each call. */
export function runDir(run = process.env.ATLAS_TEST_RUN): string {
  const dir = run ? runFolder(run) : mkdtempSync(join(tmpdir(), 'atlas-test-'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * `make(dir)` once per run for `key` (a file-name-safe string): the first caller runs it in a
 * fresh folder `dir` and stores its JSON result; later callers, in any worker, wait for that
 * result (or its failure) and get the same value. What `make` writes in `dir` is shared: read it,
 * never change it.
 */
export async function once<T>(key: string, make: (dir: string) => T | Promise<T>, waitMs = 300_000): Promise<T> {
  const root = runDir();
  const dir = join(root, key), done = join(root, `${key}.json`), failed = join(root, `${key}.failed`);
  try {
    mkdirSync(dir); // atomic: exactly one caller gets to make it
  } catch {
    for (const start = Date.now(); !existsSync(done); await sleep(100)) {
      if (existsSync(failed)) throw new Error(`${key} failed in another test file: ${readFileSync(failed, 'utf8')}`);
      if (Date.now() - start > waitMs) throw new Error(`timed out waiting for ${key}`);
    }
    return JSON.parse(readFileSync(done, 'utf8')) as T;
  }
  try {
    const value = await make(dir);
    // Written whole under another name, then renamed: a waiting reader never sees half a file.
    writeFileSync(`${done}.tmp`, JSON.stringify(value ?? null));
    renameSync(`${done}.tmp`, done);
    return value;
  } catch (e) {
    const err = e as { message?: string; stderr?: Buffer };
    writeFileSync(failed, `${err.message ?? e}\n${err.stderr?.toString() ?? ''}`);
    throw e;
  }
}
