/**
 * Pass 2 of the data build: partitions (every shard of the inputs) in, published files out.
 * Holds one small key per report; drafts are read back from disk one at a time, finished with
 * their final ids (src/tables: assignIds, finishReport, continuity — the steps buildDataset takes
 * in memory) and their rows streamed into the tables in published order (by report id).
 */
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { agencyRows, type Registry } from '../../src/agencies/index.ts';
import { ParquetStream, TableStream, writeDescriptors, writeDownloads, type DatedReport, type PackageMeta, type TableFiles } from '../../src/files/index.ts';
import { TABLES, type Row, type RowOf, type TableDef, type TableName } from '../../src/schema/tables.ts';
import { assignIds, byFile, continuity, finishReport, reportRows, seenAgencies, sortRows, REPORT_TABLES, type Entry, type Identity } from '../../src/tables/index.ts';
import type { Partition, StoredKey } from './partition.ts';
import { Progress, type Stages } from './progress.ts';

/** The tables also published partitioned by year (Hive layout): the ones that grow with the reports. */
export const HIVE_TABLES: readonly TableName[] = ['summary', 'applications', 'article20', 'reviews', 'checks', 'warnings', 'narrative'];
/** The partition folder of reports with no year (Hive's name for a NULL partition value; DuckDB, Spark, Trino read it as NULL). */
export const NULL_PARTITION = '__HIVE_DEFAULT_PARTITION__';

export interface MergeStats {
  reports: number;
  status: Record<'ok' | 'warnings' | 'failed', number>;
  cellsExpected: number;
  cellsRead: number;
  underHalf: number;
  checksFailed: number;
  failed: { file: string; errors: string[] }[];
  unread: { file: string; why: string }[];
  /** Files written at the top of the out folder (tables, datapackage.json, README.md, the workbook and the zip). */
  filesWritten: number;
  hiveFiles: number;
  version: string;
}

/** Shards must be of the same inputs, each once, none missing. */
function checkShards(parts: readonly Partition[]): void {
  if (!parts.length) throw new Error('nothing to merge: no partitions given');
  const [first] = parts;
  const of = first!.meta.of;
  for (const p of parts) {
    if (p.meta.of !== of) throw new Error(`${p.dir} is shard ${p.meta.shard} of ${p.meta.of}, not of ${of}`);
    if (p.meta.inputs !== first!.meta.inputs) throw new Error(`${p.dir} was built from other inputs than ${first!.dir} (folder listing or manifest differ)`);
  }
  const seen = new Map<number, string>();
  for (const p of parts) {
    if (seen.has(p.meta.shard)) throw new Error(`shard ${p.meta.shard} of ${of} given twice: ${seen.get(p.meta.shard)} and ${p.dir}`);
    seen.set(p.meta.shard, p.dir);
  }
  const missing = Array.from({ length: of }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length) throw new Error(`shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${of} missing`);
}

export async function merge(parts: readonly Partition[], outDir: string, registry: Registry, meta: PackageMeta, stages: Stages, hive = true): Promise<MergeStats> {
  checkShards(parts);
  // Every report's key, in file-name order (the order ids are given in), with its partition.
  const located = byFile(parts.flatMap((p) => p.keys.map((k) => ({ file: k.file, k, p }))));
  for (let i = 1; i < located.length; i++) if (located[i]!.file === located[i - 1]!.file) throw new Error(`${located[i]!.file} is in two partitions`);
  const keys = located.map((l) => l.k);
  const ids = assignIds(keys);
  const carry = continuity(keys, ids);
  const agencies = sortRows(def('agencies'), agencyRows(seenAgencies(keys, ids), registry)) as RowOf<'agencies'>[];
  const byAgency = new Map(agencies.map((a) => [a.agency_id, a]));
  const order = keys.map((_, i) => i).sort((a, b) => (ids[a]!.reportId < ids[b]!.reportId ? -1 : ids[a]!.reportId > ids[b]!.reportId ? 1 : 0));
  // Originals read by shards elsewhere join the published sources.
  for (const p of parts) {
    const src = join(p.dir, 'sources');
    if (existsSync(src)) cpSync(src, join(outDir, 'sources'), { recursive: true });
  }
  stages.mark('merge');

  const finish = (i: number): Entry => {
    const { k, p } = located[i]!;
    const e = finishReport(p.draft(k as StoredKey), ids[i] as Identity);
    const c = carry.get(e.reportId);
    if (c) e.checks.push(c);
    return e;
  };

  const stats: MergeStats = {
    reports: keys.length, status: { ok: 0, warnings: 0, failed: 0 }, cellsExpected: 0, cellsRead: 0, underHalf: 0, checksFailed: 0,
    failed: keys.filter((k) => k.failed).map((k) => ({ file: k.file, errors: (k as StoredKey).errors ?? [] })),
    unread: keys.filter((k) => (k as StoredKey).unread).map((k) => ({ file: k.file, why: (k as StoredKey).unread! })),
    filesWritten: 0, hiveFiles: 0, version: '',
  };
  const streams = new Map(TABLES.map((d) => [d.name, new TableStream(outDir, d)]));
  // Year partitions fill in the same pass (each report is read back once), one file per table and year.
  const parts2 = hive ? new HiveWriter(outDir) : null;
  for (const a of agencies) streams.get('agencies')!.push(a);
  // The fields the data version's date comes from, each combination once (a few thousand at most).
  const dated = new Map<string, DatedReport>();
  const progress = new Progress('write tables', order.length);
  for (const i of order) {
    const e = finish(i);
    const rows = reportRows(e, byAgency.get(e.agencyId));
    for (const name of REPORT_TABLES) for (const row of rows[name]) streams.get(name)!.push(row as Row);
    parts2?.push(e.report.year.value, rows);
    const r = rows.reports[0]!;
    const d = { published_at: r.published_at, published_on: r.published_on, year: r.year };
    dated.set(JSON.stringify(d), d);
    stats.status[e.report.status]++;
    stats.cellsExpected += e.coverage.expected;
    stats.cellsRead += e.coverage.read;
    if (2 * e.coverage.read < e.coverage.expected) stats.underHalf++;
    stats.checksFailed += e.checks.filter((c) => c.status === 'fail').length;
    progress.tick();
  }
  progress.end();
  const built: (TableFiles & { count: number })[] = TABLES.map((d) => streams.get(d.name)!.close());
  const { written, version } = await writeDescriptors(outDir, built, meta, [...dated.values()], process.env, hive ? { tables: HIVE_TABLES, nullPartition: NULL_PARTITION } : undefined);
  stats.filesWritten = 2 * built.length + written.length;
  stats.version = version.version;
  if (parts2) {
    stats.hiveFiles = parts2.close();
    // The pass wrote both: its time is split by what the year partitions took.
    stages.mark('write tables', parts2.seconds);
    stages.mark('write hive');
  } else stages.mark('write tables');
  // The workbook and the zip of every table's files, read back from the files just written (they name the version).
  await writeDownloads(outDir, built, version, meta);
  stats.filesWritten += 2;
  stages.mark('write downloads');
  for (const p of parts) p.close();
  return stats;
}

const def = (name: TableName): TableDef => TABLES.find((t) => t.name === name)!;

/** Rows per row group in a year partition: smaller than the single files', as many are open at once. */
const HIVE_GROUPS = [10_000];

/**
 * `<out>/hive/<table>/year=<year>/part-0.parquet` for each table of HIVE_TABLES: the table's
 * rows of that year's reports, in the same order as the single file, without the `year` column
 * (the partition path carries it; readers add it back). One file per table and year open at a
 * time, each holding at most a row group. The folder is rewritten whole, so no stale year stays.
 */
class HiveWriter {
  private files = new Map<string, { s: ParquetStream; n: number }>();
  private root: string;
  seconds = 0;
  constructor(outDir: string) {
    this.root = join(outDir, 'hive');
    rmSync(this.root, { recursive: true, force: true });
  }
  push(year: number | null, rows: ReturnType<typeof reportRows>): void {
    const t = performance.now();
    const part = `year=${year === null ? NULL_PARTITION : year}`;
    for (const name of HIVE_TABLES) {
      const key = `${name}/${part}`;
      let f = this.files.get(key);
      if (!f) {
        const d = def(name);
        f = { s: new ParquetStream(join(this.root, name, part, 'part-0.parquet'), d, d.columns.filter((c) => c.name !== 'year'), HIVE_GROUPS), n: 0 };
        this.files.set(key, f);
      }
      for (const row of rows[name as keyof typeof rows]) f.s.push(row as Row, f.n++);
    }
    this.seconds += (performance.now() - t) / 1000;
  }
  close(): number {
    const t = performance.now();
    for (const f of this.files.values()) f.s.close();
    this.seconds += (performance.now() - t) / 1000;
    return this.files.size;
  }
}
