/**
 * The Data page's files: every published table (CSV, Parquet), the datapackage and README from
 * public/data, plus a workbook and a zip made here at build time. Sizes and SHA-256 for each.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Zippable } from 'fflate';
import { TABLES, type Row } from '../schema/index.ts';
import { DATA_DIR, readTable } from './data.ts';
import { xlsx, type XlsxCell } from './xlsx.ts';
import { zipFixed } from './zip.ts';

export const WORKBOOK = 'disclosure-atlas.xlsx';
export const ZIP = 'disclosure-atlas.zip';

export interface FileInfo {
  /** Path under the site base: data/summary.csv */
  path: string;
  name: string;
  bytes: number;
  sha256: string;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const info = (path: string, bytes: Uint8Array): FileInfo => ({ path, name: path.split('/').pop()!, bytes: bytes.length, sha256: sha(bytes) });
const read = (name: string) => new Uint8Array(readFileSync(join(DATA_DIR, name)));

/** The workbook: one sheet per table (header = column names), then the data dictionary. */
export function workbookBytes(): Uint8Array {
  const sheets = TABLES.map((def) => {
    const rows: readonly Row[] = readTable(def.name);
    return { name: def.name, rows: [def.columns.map((c) => c.name), ...rows.map((r) => def.columns.map((c) => r[c.name] ?? null) as XlsxCell[])] };
  });
  const dictionary = [['table', 'column', 'type', 'zh', 'en', 'values'],
    ...TABLES.flatMap((def) => def.columns.map((c) => [def.name, c.name, c.type, c.zh, c.en, c.values?.join(' | ') ?? null]))];
  return xlsx([...sheets, { name: 'dictionary', rows: dictionary }]);
}

let memo: { tables: { name: string; rows: number; csv: FileInfo; parquet: FileInfo }[]; extra: FileInfo[]; workbook: Uint8Array; zip: Uint8Array } | undefined;

/** Everything the Data page lists, and the bytes of the two files made here. */
export function downloads() {
  if (memo) return memo;
  const tables = TABLES.map((def) => {
    const csv = read(`${def.name}.csv`);
    return {
      name: def.name,
      rows: readTable(def.name).length,
      csv: info(`data/${def.name}.csv`, csv),
      parquet: info(`data/${def.name}.parquet`, read(`${def.name}.parquet`)),
    };
  });
  const workbook = workbookBytes();
  const files: Zippable = {};
  for (const def of TABLES) {
    files[`disclosure-atlas/${def.name}.csv`] = read(`${def.name}.csv`);
    files[`disclosure-atlas/${def.name}.parquet`] = read(`${def.name}.parquet`);
  }
  files['disclosure-atlas/datapackage.json'] = read('datapackage.json');
  files['disclosure-atlas/README.md'] = read('README.md');
  files[`disclosure-atlas/${WORKBOOK}`] = workbook;
  const zip = zipFixed(files, 9);
  const extra = [
    info('data/datapackage.json', read('datapackage.json')),
    info('data/README.md', read('README.md')),
    info(`downloads/${WORKBOOK}`, workbook),
    info(`downloads/${ZIP}`, zip),
  ];
  memo = { tables, extra, workbook, zip };
  return memo;
}

