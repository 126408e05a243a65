/**
 * The Data page's files: every published table (CSV, Parquet), datapackage.json, README.md and
 * the workbook and zip of everything, all as build:data wrote them into the data folder
 * (src/files/downloads.ts makes the last two). Sizes and SHA-256 for each, read from the files.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TABLES } from '../schema/index.ts';
import { WORKBOOK, ZIP } from '../files/downloads.ts';
import { DATA_DIR, rowCount } from './data.ts';

export { WORKBOOK, ZIP };

/**
 * The name a download is saved under: the workbook and the zip carry the data version
 * (`disclosure-atlas_2026-04-17.be74630.zip`) while their URLs stay the same; tables keep their names.
 */
export function savedName(name: string, version: string): string {
  if (name !== WORKBOOK && name !== ZIP) return name;
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}_${version}${name.slice(dot)}`;
}

export interface FileInfo {
  /** Path under the site base: data/summary.csv */
  path: string;
  name: string;
  bytes: number;
  sha256: string;
}

/** A file of the data folder: its size and SHA-256, read a megabyte at a time (the zip of a large build is hundreds of megabytes). */
function info(name: string, dir = DATA_DIR): FileInfo {
  const path = join(dir, name);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new Error(`${path} not found: run \`npm run build:data\` first`);
  }
  const h = createHash('sha256');
  try {
    const buf = new Uint8Array(1 << 20);
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return { path: `data/${name}`, name, bytes: statSync(path).size, sha256: h.digest('hex') };
}

let memo: { tables: { name: string; rows: number; csv: FileInfo; parquet: FileInfo }[]; extra: FileInfo[] } | undefined;

/** Everything the Data page lists. */
export function downloads() {
  if (memo) return memo;
  const tables = TABLES.map((def) => ({
    name: def.name,
    // Counted, not parsed: the large tables are never held by the site build (src/site/rows-index.ts).
    rows: rowCount(def.name),
    csv: info(`${def.name}.csv`),
    parquet: info(`${def.name}.parquet`),
  }));
  const extra = ['datapackage.json', 'README.md', WORKBOOK, ZIP].map((name) => info(name));
  memo = { tables, extra };
  return memo;
}
