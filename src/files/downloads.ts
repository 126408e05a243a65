/**
 * The two downloads of everything, written by build:data beside the tables once the data version
 * is known: `disclosure-atlas.xlsx` (every table a sheet, split past Excel's rows per sheet, then
 * the data dictionary and `about`) and `disclosure-atlas.zip` (every table file, datapackage.json,
 * README.md and VERSION; zip-task.ts writes the two at once). Both are streamed: each table's CSV is read back a
 * megabyte at a time and its rows go out as sheet XML into a streamed zip, so memory does not
 * grow with the rows. Neither is a resource of datapackage.json nor in the version's hash: they
 * are made from the table files and name the version, and the zip holds datapackage.json itself.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { rowXml, SharedStrings, sheetHead, sheetNames, SHEET_TAIL, workbookParts, type XlsxCell, type XlsxProps } from '../shared/xlsx.ts';
import type { TableDef } from '../schema/tables.ts';
import type { PackageMeta } from './datapackage.ts';
import type { DataVersion } from './version.ts';
import { zipEpoch, ZipFileWriter, type ZipEntry, type ZipLevel } from './zip.ts';

export const WORKBOOK = 'disclosure-atlas.xlsx';
export const ZIP = 'disclosure-atlas.zip';
/** The folder the zip's files are in, so unzipping makes one folder. */
const ZIP_FOLDER = 'disclosure-atlas';

/** Rows an Excel sheet holds, its header included. */
export const EXCEL_ROWS = 1_048_576;

/** Who made the workbook (its document properties): the site's name in both languages, as src/site/i18n.ts `siteName` gives it. */
export const CREATOR = '政府信息公开年报数据 Disclosure Atlas';

/** What the data is, in both languages: the workbook's last sheet (`about`) and the zip's VERSION file. */
export function aboutRows(v: DataVersion, meta: PackageMeta): [string, string][] {
  return [
    ['数据集 Dataset', `${meta.title.zh} ${meta.title.en}`],
    ['数据版本 Data version', v.version],
    ['数据截至 Current to', v.date],
    ['表格文件摘要 Hash of the table files', v.hash],
    ['表格结构版本 Schema version', meta.schemaVersion],
    ['许可 Licence', meta.licenses.map((l) => l.title ?? l.name).join('; ')],
    ['来源 Source', meta.sources.map((s) => s.title).join('; ')],
    ['说明 Notes', 'README.md, datapackage.json'],
  ];
}

/** The zip's VERSION file: the version on its first line, for scripts; then what it means. */
export const versionText = (v: DataVersion, meta: PackageMeta): string =>
  `${v.version}\n\n${aboutRows(v, meta).map(([k, x]) => `${k}: ${x}`).join('\n')}\n`;

/** The workbook's document properties (Excel: File → Info). */
export function workbookProps(v: DataVersion, meta: PackageMeta): XlsxProps {
  return {
    title: `${meta.title.zh} ${meta.title.en}`, subject: `数据版本 Data version ${v.version}`, version: v.version, created: v.date,
    creator: CREATOR, keywords: meta.keywords?.join(', '), description: meta.description.en,
  };
}

/**
 * A table's sheets: one named after it, or, past `max` rows per sheet (header included),
 * `<name>_1`, `<name>_2`… each with the header and up to `max - 1` rows, so no row is cut off
 * where Excel stops reading.
 */
export function tableSheets(name: string, rows: number, max = EXCEL_ROWS): { name: string; rows: number }[] {
  const per = max - 1;
  if (rows <= per) return [{ name, rows }];
  return Array.from({ length: Math.ceil(rows / per) }, (_, i) => ({ name: `${name}_${i + 1}`, rows: Math.min(per, rows - i * per) }));
}

/**
 * Calls `onRecord` with each record of a CSV file as written by src/files/csv.ts (RFC 4180,
 * UTF-8, '\n' after every record), reading a megabyte at a time. Fields are unquoted text.
 */
export function readCsvRecords(path: string, onRecord: (fields: string[]) => void): void {
  const fd = openSync(path, 'r');
  const buf = Buffer.alloc(1 << 20);
  const dec = new StringDecoder('utf8');
  let rest = '';
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) {
      const s = rest + dec.write(buf.subarray(0, n));
      rest = s.slice(parseRecords(s, onRecord));
    }
    rest += dec.end();
  } finally {
    closeSync(fd);
  }
  if (rest.length) throw new Error(`${path}: the last record does not end with a line break`);
}

/** Emits every complete record of `s`; returns where the first incomplete one starts. */
function parseRecords(s: string, onRecord: (fields: string[]) => void): number {
  let start = 0;
  let p = 0;
  let fields: string[] = [];
  // The next comma and line break at or after p, found once and reused (a line has many fields).
  let comma = -1, nl = -1;
  const find = (ch: string, from: number) => {
    const i = s.indexOf(ch, from);
    return i < 0 ? s.length : i;
  };
  for (;;) {
    if (p >= s.length) return start;
    let end: number;
    if (s.charCodeAt(p) === 34 /* " */) {
      let v = '';
      let q = p + 1;
      for (;;) {
        const e = s.indexOf('"', q);
        if (e < 0 || e + 1 >= s.length) return start; // the closing quote, or what follows it, is in the next chunk
        if (s.charCodeAt(e + 1) === 34) {
          v += s.slice(q, e + 1);
          q = e + 2;
          continue;
        }
        v += s.slice(q, e);
        end = e + 1;
        break;
      }
      fields.push(v);
    } else {
      // Not found counts as the end of the chunk, so it is not searched for again.
      if (comma < p) comma = find(',', p);
      if (nl < p) nl = find('\n', p);
      if (nl >= s.length) return start;
      end = comma < nl ? comma : nl;
      fields.push(s.slice(p, end));
    }
    const c = s.charCodeAt(end);
    if (c === 44 /* , */) p = end + 1;
    else if (c === 10 /* \n */) {
      onRecord(fields);
      fields = [];
      p = start = end + 1;
    } else if (end >= s.length) return start;
    else throw new Error(`CSV: unexpected ${JSON.stringify(s[end])} after a quoted field`);
  }
}

/** Sheet XML is gathered into pieces of about this many characters before it is encoded and deflated. */
const PIECE = 1 << 18;

/** Strings written into a zip entry, encoded a piece at a time. */
class TextOut {
  private parts: string[] = [];
  private size = 0;
  constructor(private entry: ZipEntry) {}
  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= PIECE) this.flush();
  }
  flush(): void {
    if (this.parts.length) this.entry.push(Buffer.from(this.parts.join(''), 'utf8'));
    this.parts = [];
    this.size = 0;
  }
  end(): void {
    this.flush();
    this.entry.end();
  }
}

/**
 * How hard sheets are deflated. Deflating the XML is most of the workbook's time: fflate (pure
 * JavaScript, so the same bytes on every machine) at level 3 is four times faster than at 6 and
 * 4% larger (applications at 1,000 reports: 95 MB of XML in 1.5 s, not 6.3 s).
 */
const SHEET_LEVEL: ZipLevel = 3;

/** A published table read back: its definition and its number of rows (the CSV must agree). */
export interface DownloadTable {
  def: TableDef;
  count: number;
}

export interface DownloadOptions {
  /** Rows per sheet, header included (Excel's limit unless a test asks for less). */
  maxRows?: number;
  /** SOURCE_DATE_EPOCH dates the zip entries when set. */
  env?: Record<string, string | undefined>;
  /** Bounds of the workbook's shared strings (src/shared/xlsx.ts SharedStrings), if not its defaults. */
  sharedStrings?: { maxCount?: number; maxChars?: number };
}

/** The workbook, streamed from the tables' CSV files in `dir`. Returns its size. */
export function writeWorkbook(dir: string, tables: readonly DownloadTable[], v: DataVersion, meta: PackageMeta, opts: DownloadOptions = {}): number {
  const plan = tables.map((t) => ({ t, sheets: tableSheets(t.def.name, t.count, opts.maxRows) }));
  const dictionary: XlsxCell[][] = [['table', 'column', 'type', 'zh', 'en', 'values'],
    ...tables.flatMap(({ def }) => def.columns.map((c) => [def.name, c.name, c.type, c.zh, c.en, c.values?.join(' | ') ?? null]))];
  const about: XlsxCell[][] = [['项目 Item', '内容 Value'], ...aboutRows(v, meta)];
  const names = sheetNames([...plan.flatMap((p) => p.sheets.map((s) => s.name)), 'dictionary', 'about']);
  return ZipFileWriter.write(join(dir, WORKBOOK), zipEpoch(opts.env), (zip) => {
    // The same parts in the same order as the in-memory writer (src/shared/xlsx.ts); no cell is a Date.
    for (const [name, bytes] of workbookParts(names, false, workbookProps(v, meta), true)) zip.add(name, bytes, 6);
    const shared = new SharedStrings(opts.sharedStrings?.maxCount, opts.sharedStrings?.maxChars);
    let sheet = 0;
    const small = (rows: XlsxCell[][]) => {
      const out = new TextOut(zip.entry(`xl/worksheets/sheet${++sheet}.xml`, SHEET_LEVEL));
      out.write(sheetHead());
      rows.forEach((row, r) => out.write(rowXml(row, r)));
      out.write(SHEET_TAIL);
      out.end();
    };
    for (const { t, sheets } of plan) {
      const { def } = t;
      const header = def.columns.map((c) => c.name);
      const numeric = def.columns.map((c) => c.type === 'integer' || c.type === 'number');
      // A table keyed by one column (reports, agencies, summary) has a row per thing: its strings
      // seldom repeat, and sharing them would fill the shared table before the tables whose ids,
      // keys and labels repeat on every row.
      const repeats = def.key.length > 1;
      const path = join(dir, `${def.name}.csv`);
      let k = 0; // the sheet of this table being written
      let r = 0; // the row in it, header included
      let seen = -1; // records read, header excluded
      let out: TextOut | null = null;
      const open = () => {
        out = new TextOut(zip.entry(`xl/worksheets/sheet${++sheet}.xml`, SHEET_LEVEL));
        out.write(sheetHead());
        out.write(rowXml(header, 0));
        r = 1;
      };
      open();
      readCsvRecords(path, (fields) => {
        if (seen++ < 0) {
          if (fields.join(',') !== header.join(',')) throw new Error(`${path}: header ${fields.join(',')} is not ${header.join(',')}`);
          return;
        }
        if (r > sheets[k]!.rows) {
          out!.write(SHEET_TAIL);
          out!.end();
          k++;
          if (k >= sheets.length) throw new Error(`${path}: more than the ${t.count} rows the table has`);
          open();
        }
        // An empty field is NULL, a number column's field a number: the cells the site's tables hold (src/site/data.ts parseTable).
        const row: XlsxCell[] = fields.map((f, i) => (f === '' ? null : numeric[i] ? Number(f) : f));
        out!.write(rowXml(row, r++, 1, repeats ? shared : undefined));
      });
      if (seen !== t.count || k !== sheets.length - 1) throw new Error(`${path}: ${Math.max(seen, 0)} rows, not the ${t.count} the table has`);
      out!.write(SHEET_TAIL);
      out!.end();
    }
    small(dictionary);
    small(about);
    const strings = new TextOut(zip.entry('xl/sharedStrings.xml', SHEET_LEVEL));
    for (const piece of shared.xml()) strings.write(piece);
    strings.end();
  });
}

/** How hard the zip deflates its files: fflate's level 9 takes longer for nothing (0.04% smaller at 1,000 reports). */
const ZIP_LEVEL: ZipLevel = 6;

/**
 * Every table's files in one zip, with datapackage.json, README.md and VERSION. Not the workbook:
 * it is its own download, and stored in the zip it made nine tenths of it (91 of 110 MB at 10,000
 * reports) for data the zip already holds; apart, the two are written at once (scripts/build/merge.ts).
 * Returns its size.
 */
export function writeZip(dir: string, tables: readonly DownloadTable[], v: DataVersion, meta: PackageMeta, opts: DownloadOptions = {}): number {
  return ZipFileWriter.write(join(dir, ZIP), zipEpoch(opts.env), (zip) => {
    for (const { def } of tables) {
      zip.addFile(`${ZIP_FOLDER}/${def.name}.csv`, join(dir, `${def.name}.csv`), ZIP_LEVEL);
      zip.addFile(`${ZIP_FOLDER}/${def.name}.parquet`, join(dir, `${def.name}.parquet`), ZIP_LEVEL);
    }
    zip.addFile(`${ZIP_FOLDER}/datapackage.json`, join(dir, 'datapackage.json'), ZIP_LEVEL);
    zip.addFile(`${ZIP_FOLDER}/README.md`, join(dir, 'README.md'), ZIP_LEVEL);
    zip.add(`${ZIP_FOLDER}/VERSION`, Buffer.from(versionText(v, meta), 'utf8'), ZIP_LEVEL);
  });
}
