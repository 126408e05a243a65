import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Row, TableDef } from '../schema/tables.ts';
import { toCsv } from './csv.ts';
import { dataPackage, dataPackageJson, tablesVersion, type PackageMeta } from './datapackage.ts';
import { toParquet } from './parquet.ts';
import { dataReadme } from './readme.ts';
import { versionDate, type DatedReport } from './version.ts';

export interface WrittenFile {
  path: string;
  bytes: number;
}

/**
 * The only disk I/O of the files stage: `<name>.csv` and `<name>.parquet` per table, then
 * `datapackage.json` and `README.md`, both naming the data version (a hash of the table files
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
  const version = tablesVersion(built, versionDate(reports, env));
  const out: [string, string | Uint8Array][] = [
    ...built.flatMap(({ def, csv, parquet }): [string, string | Uint8Array][] => [[`${def.name}.csv`, csv], [`${def.name}.parquet`, parquet]]),
    ['datapackage.json', dataPackageJson(dataPackage(built, meta, version))],
    ['README.md', dataReadme(built, meta, version)],
  ];
  await mkdir(outDir, { recursive: true });
  const written: WrittenFile[] = [];
  for (const [name, data] of out) {
    const path = join(outDir, name);
    await writeFile(path, data);
    written.push({ path, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength });
  }
  return written;
}
