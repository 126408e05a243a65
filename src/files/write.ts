import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Row, TableDef } from '../schema/tables.ts';
import { toCsv } from './csv.ts';
import { dataPackage, dataPackageJson, type PackageMeta } from './datapackage.ts';
import { toParquet } from './parquet.ts';
import { dataReadme } from './readme.ts';

export interface WrittenFile {
  path: string;
  bytes: number;
}

/**
 * The only disk I/O of the files stage: `<name>.csv` and `<name>.parquet` per table, then
 * `datapackage.json` and `README.md`. Files already in outDir that are not written stay there.
 */
export async function writeTables(
  outDir: string,
  tables: readonly { def: TableDef; rows: readonly Row[] }[],
  meta: PackageMeta,
): Promise<WrittenFile[]> {
  const built = tables.map(({ def, rows }) => ({ def, rows, csv: toCsv(def, rows), parquet: toParquet(def, rows) }));
  const out: [string, string | Uint8Array][] = [
    ...built.flatMap(({ def, csv, parquet }): [string, string | Uint8Array][] => [[`${def.name}.csv`, csv], [`${def.name}.parquet`, parquet]]),
    ['datapackage.json', dataPackageJson(dataPackage(built, meta))],
    ['README.md', dataReadme(built, meta)],
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
