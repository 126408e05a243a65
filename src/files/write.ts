import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Row, TableDef } from '../schema/tables.ts';
import { toCsv } from './csv.ts';
import { dataPackage, dataPackageJson, tablesVersion, type PackageMeta, type TableFiles } from './datapackage.ts';
import { toParquet } from './parquet.ts';
import { writeDownloads } from './zip-task.ts';
import { dataReadme, type HiveLayout, type ReadmeTable } from './readme.ts';
import { versionDate, type DataVersion, type DatedReport } from './version.ts';

export interface WrittenFile {
  path: string;
  bytes: number;
}

/**
 * Disk I/O of the files stage (with stream.ts, for tables written as they fill, and downloads.ts):
 * `<name>.csv` and `<name>.parquet` per table, then `datapackage.json` and `README.md`, then the
 * workbook and the zip of everything (downloads.ts), all naming the data version (a hash of the table files
 * and the date the `reports` rows are current to, or SOURCE_DATE_EPOCH's day in `env`).
 * Files already in outDir that are not written stay there.
 */
export async function writeTables(
  outDir: string,
  tables: readonly { def: TableDef; rows: readonly Row[] }[],
  meta: PackageMeta,
  env: Record<string, string | undefined> = process.env,
): Promise<WrittenFile[]> {
  const built = tables.map(({ def, rows }) => ({ def, rows, csv: toCsv(def, rows), parquet: toParquet(def, rows) }));
  const reports = (tables.find((t) => t.def.name === 'reports')?.rows ?? []) as readonly DatedReport[];
  const out: [string, string | Uint8Array][] = built.flatMap(({ def, csv, parquet }): [string, string | Uint8Array][] => [[`${def.name}.csv`, csv], [`${def.name}.parquet`, parquet]]);
  await mkdir(outDir, { recursive: true });
  const written: WrittenFile[] = [];
  for (const [name, data] of out) {
    const path = join(outDir, name);
    await writeFile(path, data);
    written.push({ path, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength });
  }
  const { written: descriptors, version } = await writeDescriptors(outDir, built, meta, reports, env);
  const downloads = await writeDownloads(outDir, built.map(({ def, rows }) => ({ def, count: rows.length })), version, meta, { env });
  return [...written, ...descriptors, ...downloads];
}

/**
 * `datapackage.json` and `README.md` for table files already written (at once, or as a stream:
 * then each table gives its files' facts and its row count), both naming the data version.
 * `reports` need only the fields the version's date is taken from.
 */
export async function writeDescriptors(
  outDir: string,
  built: readonly (TableFiles & ReadmeTable)[],
  meta: PackageMeta,
  reports: readonly DatedReport[],
  env: Record<string, string | undefined> = process.env,
  hive?: HiveLayout,
): Promise<{ written: WrittenFile[]; version: DataVersion }> {
  const version = tablesVersion(built, versionDate(reports, env));
  const out: [string, string][] = [
    ['datapackage.json', dataPackageJson(dataPackage(built, meta, version))],
    ['README.md', dataReadme(built, meta, version, hive)],
  ];
  await mkdir(outDir, { recursive: true });
  const written: WrittenFile[] = [];
  for (const [name, data] of out) {
    const path = join(outDir, name);
    await writeFile(path, data);
    written.push({ path, bytes: Buffer.byteLength(data) });
  }
  return { written, version };
}
