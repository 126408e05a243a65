/**
 * `npm run build:data [-- --reports DIR --out DIR --manifest FILE --strict --threads N]`: report
 * texts in, checked tables out. Defaults: src/data/reports → public/data (served at <base>/data/).
 *
 * Two passes (scripts/build/): pass 1 reads, parses and drafts every file, in a pool of worker
 * threads, spilling each draft to disk; pass 2 (the merge) gives the final ids and streams the
 * tables out. `--shard K/N --out DIR` runs pass 1 on one shard of the files into DIR, on any
 * machine; `--merge DIR` runs pass 2 over the shards. A plain build is one shard and its merge.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { loadRegistry } from '../src/agencies/index.ts';
import { PACKAGE } from '../src/files/package.ts';
import { MANIFEST_NAMES, readManifest, stemOf } from '../src/parse/index.ts';
import { merge, type MergeStats } from './build/merge.ts';
import { inputsFingerprint, Partition, pass1, shardOf, threadsFor } from './build/partition.ts';
import { Stages } from './build/progress.ts';
import { cliFlags, positiveInt } from './cli.ts';
import { isRegularFile, listFolder, unreadable } from './folder.ts';

const flags = cliFlags(`usage: npm run build:data -- [--reports DIR] [--out DIR] [--manifest FILE] [--strict] [--threads N] [--no-hive]
       npm run build:data -- --shard K/N --out SHARD_DIR [--reports DIR] [--manifest FILE] [--threads N]
       npm run build:data -- --merge SHARDS_DIR[,SHARDS_DIR…] [--out DIR] [--strict] [--no-hive]
  --reports DIR    the folder of reports (default src/data/reports): .txt, .md, .html, .pdf, .docx
  --out DIR        where the tables go (default public/data); with --shard, the shard's own folder
  --manifest FILE  a manifest (SOURCES.tsv, manifest.csv) kept elsewhere
  --strict         exit 1 if any report failed
  --threads N      worker threads reading and parsing (default: every core; 1 = no pool)
  --shard K/N      read only shard K of N (1 ≤ K ≤ N; files by a hash of their name) into --out
  --merge DIRS     merge shards into the published files: a folder of shard folders, or shard
                   folders, comma-separated; every shard 1…N once
  --no-hive        leave out the year-partitioned Parquet (<out>/hive/)`, {
  reports: { type: 'string' }, out: { type: 'string' }, manifest: { type: 'string' }, strict: { type: 'boolean' },
  threads: { type: 'string' }, shard: { type: 'string' }, merge: { type: 'string' }, 'no-hive': { type: 'boolean' },
});
const log = (s: string) => process.stderr.write(s + '\n');
const fail = (s: string): never => {
  log(s);
  process.exit(2);
};
const strict = flags.strict === true;
const hive = flags['no-hive'] !== true;
const threads = flags.threads === undefined ? undefined : positiveInt('threads', flags.threads, 1);
const shard = flags.shard === undefined ? null : (() => {
  const m = /^(\d+)\/(\d+)$/.exec(flags.shard);
  const [k, n] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || n < 1 || k < 1 || k > n) return fail(`--shard takes K/N with 1 ≤ K ≤ N (e.g. 2/4), not ${JSON.stringify(flags.shard)}`);
  return { k, n };
})();
if (shard && flags.merge !== undefined) fail('--shard and --merge are two steps: run the shards, then merge them');
if (shard && flags.out === undefined) fail('--shard needs --out DIR: the folder the shard is written to');
const outDir = resolve(flags.out ?? 'public/data');
const stages = new Stages();
const rel = (p: string) => relative(process.cwd(), p) || '.';

/** Pass 1 over the reports folder (all of it, or one shard) into `partDir`. */
async function readReports(partDir: string, sources: string, k: number, n: number): Promise<number> {
  const reportsDir = resolve(flags.reports ?? 'src/data/reports');
  // Every entry of the folder appears in `reports`: read, or failed with why not (scripts/folder.ts).
  const all = listFolder(reportsDir);
  // A manifest beside the reports (SOURCES.tsv, manifest.csv) supplies what files lack; it is not a report.
  const manifestFile = MANIFEST_NAMES.find((m) => all.includes(m) && isRegularFile(join(reportsDir, m)));
  // The manifest named, else one among the reports, else one in the folder above (a corpus keeps
  // SOURCES.tsv beside its txt/ and html/ folders).
  const manifestPath = flags.manifest !== undefined ? resolve(flags.manifest)
    : manifestFile ? join(reportsDir, manifestFile)
    : MANIFEST_NAMES.map((m) => join(reportsDir, '..', m)).find((p) => existsSync(p)) ?? null;
  let manifest: ReturnType<typeof readManifest> = new Map();
  let manifestBytes: Uint8Array | null = null;
  try {
    if (manifestPath) {
      manifestBytes = readFileSync(manifestPath);
      manifest = readManifest(new TextDecoder().decode(manifestBytes));
    }
  } catch (e) {
    // An unreadable manifest leaves the reports to their own metadata; the build goes on.
    log(`  manifest ${rel(manifestPath!)} not read: ${unreadable(e).en}`);
  }
  const files = all.filter((f) => f !== manifestFile);
  const mine = n === 1 ? files : files.filter((f) => shardOf(f, n) === k);
  const used = threadsFor(threads, mine.length);
  log(`Reading ${n > 1 ? `shard ${k} of ${n}: ${mine.length} of ` : ''}${files.length} report file(s) from ${rel(reportsDir)}${manifestPath ? ` with the manifest ${rel(manifestPath)} (${manifest.size} rows)` : ''}, ${used} thread${used === 1 ? '' : 's'}`);
  await pass1({ dir: reportsDir, files: mine, manifest, stemOf, out: partDir, sources, threads: used, meta: { shard: k, of: n, inputs: inputsFingerprint(files, manifestBytes) } });
  stages.mark('read+parse');
  return mine.length;
}

/** The closing lines: what was read and written (the last four lines, in this order). */
function report(s: MergeStats): void {
  if (s.unread.length) {
    log(`Not read: ${s.unread.length} folder entr${s.unread.length === 1 ? 'y' : 'ies'} (each a failed report with the reason):`);
    for (const u of s.unread) log(`  ${u.file}: ${u.why}`);
  }
  log(stages.toString());
  for (const f of s.failed) log(`  FAILED ${f.file}: ${f.errors.join('; ')}`);
  log(`Reports read: ${s.reports} — ok ${s.status.ok}, with warnings ${s.status.warnings}, failed ${s.status.failed}`);
  const pct = s.cellsExpected ? ` (${((100 * s.cellsRead) / s.cellsExpected).toFixed(1)}%)` : '';
  log(`Cells read: ${s.cellsRead} of ${s.cellsExpected} prescribed${pct}; reports under 50%: ${s.underHalf}`);
  log(`Checks failed: ${s.checksFailed}`);
  log(`Files written: ${s.filesWritten} to ${rel(outDir)}${s.hiveFiles ? ` (and ${s.hiveFiles} year partitions under hive/)` : ''}, data version ${s.version}`);
  if (strict && s.status.failed > 0) {
    log(`--strict: ${s.status.failed} report(s) failed`);
    process.exitCode = 1;
  }
}

if (shard) {
  // One shard: pass 1 only, into its own folder (originals under its sources/), for a merge later.
  const n = await readReports(outDir, join(outDir, 'sources'), shard.k, shard.n).catch((e: unknown) => fail(`--shard: ${e instanceof Error ? e.message : String(e)}`));
  stages.mark('write shard');
  log(stages.toString());
  log(`Shard ${shard.k} of ${shard.n}: ${n} report(s) written to ${rel(outDir)}; merge the shards with --merge`);
} else if (flags.merge !== undefined) {
  // A shard folder holds partition.json; a folder of shards holds shard folders.
  const dirs = flags.merge.split(',').filter(Boolean).map((d) => resolve(d)).flatMap((d) =>
    existsSync(join(d, 'partition.json')) ? [d]
    : existsSync(d) ? readdirSync(d).sort().map((s) => join(d, s)).filter((s) => existsSync(join(s, 'partition.json'))) : []);
  if (!dirs.length) fail(`--merge ${flags.merge}: no shard folders there (each holds partition.json)`);
  try {
    const parts = dirs.map((d) => new Partition(d));
    log(`Merging ${parts.length} shard(s): ${parts.reduce((s, p) => s + p.keys.length, 0)} report(s)`);
    stages.mark('read shards');
    report(await merge(parts, outDir, loadRegistry(), PACKAGE, stages, hive));
  } catch (e) {
    fail(`--merge: ${e instanceof Error ? e.message : String(e)}`);
  }
} else {
  // All of it here: one shard into a scratch folder, originals straight to <out>/sources, then the merge.
  const scratch = mkdtempSync(join(tmpdir(), 'atlas-build-'));
  try {
    await readReports(scratch, join(outDir, 'sources'), 1, 1);
    report(await merge([new Partition(scratch)], outDir, loadRegistry(), PACKAGE, stages, hive));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
