/** Shared by the pipeline tests: the repo root, the seed reports, running the real commands. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

/** The repository root, wherever the checkout lives. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SEED_DIR = join(ROOT, 'src', 'data', 'reports');

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
  const dir = mkdtempSync(join(tmpdir(), 'atlas-seeds-'));
  for (const s of SEEDS) writeFileSync(join(dir, s.file), readFileSync(join(SEED_DIR, s.file)));
  return dir;
})();

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `npx tsx <script> ...args` from the repo root, as a user would, without throwing on a non-zero exit. */
export function runTsx(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile('npx', ['tsx', script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 << 20, timeout: 40_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr, ms: Date.now() - started });
      });
  });
}

export const buildData = (reports: string, out: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}) =>
  runTsx('scripts/build-data.ts', ['--reports', reports, '--out', out, ...extra], env);

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
