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
import { PACKAGE } from '../files/package.ts';
import { dataVersion, type DataVersion } from './version.ts';
import { t } from './i18n.ts';
import { zipFixed } from './zip.ts';

export const WORKBOOK = 'disclosure-atlas.xlsx';
export const ZIP = 'disclosure-atlas.zip';

/**
 * The name a download is saved under: the workbook and the zip carry the data version
 * (`disclosure-atlas_2026-04-17.be74630.zip`) while their URLs stay the same; tables keep their names.
 */
export function savedName(name: string, version: string): string {
  if (name !== WORKBOOK && name !== ZIP) return name;
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}_${version}${name.slice(dot)}`;
}

/** What the data is, in both languages: the workbook's last sheet (`about`) and the zip's VERSION file. */
export function aboutRows(v: DataVersion): [string, string][] {
  return [
    ['数据集 Dataset', `${PACKAGE.title.zh} ${PACKAGE.title.en}`],
    ['数据版本 Data version', v.version],
    ['数据截至 Current to', v.date],
    ['表格文件摘要 Hash of the table files', v.hash],
    ['表格结构版本 Schema version', PACKAGE.schemaVersion],
    ['许可 Licence', PACKAGE.licenses.map((l) => l.title ?? l.name).join('; ')],
    ['来源 Source', PACKAGE.sources.map((s) => s.title).join('; ')],
    ['说明 Notes', 'README.md, datapackage.json'],
  ];
}

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

/** Rows an Excel sheet holds, its header included. */
export const EXCEL_ROWS = 1_048_576;

/**
 * A table as sheets: one named after it, or, past Excel's rows per sheet, `<name>_1`, `<name>_2`…
 * each with the header, so no row is cut off where Excel stops reading.
 */
export function tableSheets(name: string, header: XlsxCell[], rows: XlsxCell[][], max = EXCEL_ROWS): { name: string; rows: XlsxCell[][] }[] {
  const per = max - 1;
  if (rows.length <= per) return [{ name, rows: [header, ...rows] }];
  return Array.from({ length: Math.ceil(rows.length / per) }, (_, i) => ({ name: `${name}_${i + 1}`, rows: [header, ...rows.slice(i * per, (i + 1) * per)] }));
}

/** The workbook: one sheet per table (header = column names; split past Excel's rows), then the data dictionary, then `about` (the data version). */
export function workbookBytes(): Uint8Array {
  const sheets = TABLES.flatMap((def) => {
    const rows: readonly Row[] = readTable(def.name);
    return tableSheets(def.name, def.columns.map((c) => c.name), rows.map((r) => def.columns.map((c) => r[c.name] ?? null) as XlsxCell[]));
  });
  const dictionary = [['table', 'column', 'type', 'zh', 'en', 'values'],
    ...TABLES.flatMap((def) => def.columns.map((c) => [def.name, c.name, c.type, c.zh, c.en, c.values?.join(' | ') ?? null]))];
  const v = dataVersion();
  const about = [['项目 Item', '内容 Value'], ...aboutRows(v)];
  return xlsx([...sheets, { name: 'dictionary', rows: dictionary }, { name: 'about', rows: about }], {
    title: `${PACKAGE.title.zh} ${PACKAGE.title.en}`, subject: `数据版本 Data version ${v.version}`, version: v.version, created: v.date,
    creator: `${t('zh', 'siteName')} ${t('en', 'siteName')}`, keywords: PACKAGE.keywords?.join(', '), description: PACKAGE.description.en,
  });
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
  // The version on its first line, for scripts; then what it means.
  const v = dataVersion();
  files['disclosure-atlas/VERSION'] = new TextEncoder().encode(`${v.version}\n\n${aboutRows(v).map(([k, x]) => `${k}: ${x}`).join('\n')}\n`);
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

