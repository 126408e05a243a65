/** Shared by the pipeline tests: the repo root, the seed reports, running the real commands, builds shared by a run. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { once, runDir } from '../once.ts';

/** The repository root, wherever the checkout lives. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SEED_DIR = join(ROOT, 'src', 'data', 'reports');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** The seed reports' file names (000_…txt to 004_…txt); the corpus reports beside them are real reports of Pingtan. */
export const IS_SEED = /^\d{3}_[0-9a-f]{16}\.txt$/;

/** The five seed report files, sorted by name, as UTF-8 text. */
export const SEEDS: { file: string; text: string }[] = readdirSync(SEED_DIR)
  .filter((f) => IS_SEED.test(f))
  .sort()
  .map((file) => ({ file, text: readFileSync(join(SEED_DIR, file), 'utf8') }));

/**
 * A folder holding the five seeds only (src/data/reports also holds the Pingtan corpus): tests
 * whose facts are the seeds' build from here.
 */
export const SEED_ONLY_DIR: string = (() => {
  const dir = mkdtempSync(join(runDir(), 'seeds-'));
  for (const s of SEEDS) writeFileSync(join(dir, s.file), readFileSync(join(SEED_DIR, s.file)));
  return dir;
})();

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs `tsx <script> ...args` from the repo root, as a user would (`npx tsx`, without npx's own
 * start-up: the same tsx from node_modules), without throwing on a non-zero exit.
 */
export function runTsx(script: string, args: string[], env: NodeJS.ProcessEnv = {}, timeout = 40_000): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 << 20, timeout },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr, ms: Date.now() - started });
      });
  });
}

export const buildData = (reports: string, out: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}, timeout?: number) =>
  runTsx('scripts/build-data.ts', ['--reports', reports, '--out', out, ...extra], env, timeout);

/** What a folder holds: each entry's name and bytes (regular files only), as one hash. */
function folderHash(dir: string): string {
  const h = createHash('sha256');
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isFile()) h.update(name).update('\0').update(readFileSync(p)).update('\0');
  }
  return h.digest('hex');
}

/**
 * `build-data --reports DIR --out OUT [extra]` once per test run for the same inputs, flags and
 * environment, whichever test file asks first (test/once.ts): the others get the same output
 * folder and the same Run (exit code, stdout, stderr). Keyed by the folder's file names and bytes,
 * so only identical builds are shared. The output is shared: read it, never write to it.
 */
export function sharedBuild(reports: string, extra: string[] = [], env: Record<string, string> = {}, timeout?: number): Promise<{ out: string; run: Run }> {
  const key = createHash('sha256').update(JSON.stringify([folderHash(reports), extra, env])).digest('hex').slice(0, 16);
  return once(`data-${key}`, async (dir) => {
    const out = join(dir, 'out');
    const run = await buildData(reports, out, extra, env, timeout);
    return { out, run };
  });
}

/**
 * The seeds' build, shared by every test that reads it (readback, determinism, the site code, the
 * CLI's --strict check): under --strict (which only sets the exit code) and a fixed time zone and
 * locale (the first of determinism's two runs).
 */
export const SEED_BUILD_ENV = { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' };
export const seedBuild = () => sharedBuild(SEED_ONLY_DIR, ['--strict'], SEED_BUILD_ENV);

/** The real data (the seeds and the Pingtan reports of src/data/reports), built once per run. */
export const dataBuild = () => sharedBuild(join(ROOT, 'src', 'data', 'reports'), [], {}, 120_000);

/** Every file under dir (relative paths, sorted) with its sha256. */
export function treeHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      const st = statSync(join(dir, r));
      if (st.isDirectory()) walk(r);
      else out[r] = createHash('sha256').update(readFileSync(join(dir, r))).digest('hex');
    }
  };
  walk('');
  return out;
}

/** A CSV file as header-keyed string records; fails loudly on any CSV syntax error. */
export function readCsv(path: string): { fields: string[]; rows: Record<string, string>[] } {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${path}: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  return { fields: parsed.meta.fields ?? [], rows: parsed.data };
}
