/**
 * Build-time data: the published CSV files in public/data, read with papaparse and typed by the
 * one schema (TABLES). An empty CSV field is NULL. Nothing here runs in the browser.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { decode } from '../parse/decode.ts';
import { cellName, kindOf, layout, looksLikeHtml } from '../layout/index.ts';
import { indexRows, reportCsv, type RowsIndex } from './rows-index.ts';
import { table, TABLES, type Row, type RowOf, type TableDef, type TableName } from '../schema/index.ts';

/** Where `npm run build:data` writes the tables, and where the report texts live. */
export const DATA_DIR = resolve(process.env.ATLAS_DATA_DIR ?? join(process.cwd(), 'public', 'data'));
export const REPORTS_DIR = resolve(process.env.ATLAS_REPORTS_DIR ?? join(process.cwd(), 'src', 'data', 'reports'));

/** The rows of every published table, typed by the schema (src/schema/tables.ts): nothing restated here. */
export type ReportRow = RowOf<'reports'>;
export type AgencyRow = RowOf<'agencies'>;
export type ProactiveRow = RowOf<'proactive'>;
export type Article20Row = RowOf<'article20'>;
export type ApplicationRow = RowOf<'applications'>;
export type ReviewRow = RowOf<'reviews'>;
export type CheckRow = RowOf<'checks'>;
export type WarningRow = RowOf<'warnings'>;
export type NarrativeRow = RowOf<'narrative'>;
export type SummaryRow = RowOf<'summary'>;
export type Status = ReportRow['status'];

export type Dataset = { [N in TableName]: RowOf<N>[] };

/**
 * Parses one published CSV and types every field by its column in TABLES. What the row type
 * promises is checked: a required column is never empty, an enumeration holds one of its values.
 */
export function parseTable<N extends TableName>(name: N, csv: string): RowOf<N>[] {
  const def: TableDef = table(name);
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${name}.csv: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row})`);
  const header = parsed.meta.fields ?? [];
  for (const c of def.columns) if (!header.includes(c.name)) throw new Error(`${name}.csv: column ${c.name} is missing`);
  return parsed.data.map((raw, i) => {
    const row: Row = {};
    for (const c of def.columns) {
      const v = raw[c.name] ?? '';
      const bad = (why: string) => new Error(`${name}.csv row ${i + 2}: ${c.name} = ${JSON.stringify(v)} ${why}`);
      if (v === '') {
        if (c.required) throw bad('is empty (the column is never NULL)');
        row[c.name] = null;
      } else if (c.type === 'integer' || c.type === 'number') {
        const n = Number(v);
        if (!Number.isFinite(n) || (c.type === 'integer' && !Number.isSafeInteger(n))) throw bad(`is not a ${c.type}`);
        row[c.name] = n;
      } else if (c.values && !c.values.includes(v)) throw bad(`is not one of ${c.values.join(', ')}`);
      else row[c.name] = v;
    }
    // Every column of the schema was read, typed and checked against it just above.
    return row as RowOf<N>;
  });
}

export function readTable<N extends TableName>(name: N, dir = DATA_DIR): RowOf<N>[] {
  let csv: string;
  try {
    csv = readFileSync(join(dir, `${name}.csv`), 'utf8');
  } catch {
    throw new Error(`${join(dir, `${name}.csv`)} not found: run \`npm run build:data\` first`);
  }
  return parseTable(name, csv);
}

let cached: Dataset | undefined;
/**
 * Every published table, read once per build. The tables of many rows per report are read only
 * when a page asks for all of them; report pages read their own rows through reportRows().
 */
export function loadData(dir = DATA_DIR): Dataset {
  if (cached && dir === DATA_DIR) return cached;
  const t = <N extends TableName>(name: N) => readTable(name, dir);
  const data = Object.fromEntries(WHOLE.map((n) => [n, t(n)])) as unknown as Dataset;
  for (const name of PER_REPORT) {
    Object.defineProperty(data, name, { enumerable: true, configurable: true, get() {
      const rows = t(name);
      Object.defineProperty(data, name, { value: rows, enumerable: true });
      return rows;
    } });
  }
  if (dir === DATA_DIR) cached = data;
  return data;
}

let byId: Map<string, ReportRow> | undefined;
/** A report's row by its id (a page per agency searching every report would be quadratic). */
export function reportById(id: string): ReportRow | undefined {
  byId ??= new Map(loadData().reports.map((r) => [r.report_id, r]));
  return byId.get(id);
}

/** The tables the site holds whole: a row per report or per agency. */
const WHOLE = ['reports', 'agencies', 'summary'] as const;
export type PerReport = Exclude<TableName, (typeof WHOLE)[number]>;
/** Every other table of the schema: many rows per report, read report by report. */
export const PER_REPORT = TABLES.map((t) => t.name).filter((n): n is PerReport => !(WHOLE as readonly string[]).includes(n));
const indexes = new Map<string, RowsIndex>();
const indexOf = (name: PerReport, dir: string): RowsIndex => {
  const path = join(dir, `${name}.csv`);
  let index = indexes.get(path);
  if (!index) indexes.set(path, (index = indexRows(path)));
  return index;
};

/**
 * One report's rows of a table. From the published folder, only that report's bytes are read and
 * parsed (src/site/rows-index.ts): a page per report filtering every row would make the site build
 * quadratic, and holding every row would make its memory grow with the reports.
 */
export function reportRows<N extends PerReport>(name: N, reportId: string, data: Dataset = loadData()): RowOf<N>[] {
  if (data !== cached) return (data[name] as RowOf<N>[]).filter((x) => (x as { report_id: string }).report_id === reportId);
  // The last report's rows of each table are kept: its page in the other language comes next.
  const last = lastRows.get(name);
  if (last?.id === reportId) return last.rows.slice() as RowOf<N>[];
  const csv = reportCsv(join(DATA_DIR, `${name}.csv`), indexOf(name, DATA_DIR), reportId);
  const rows = csv === null ? [] : parseTable(name, csv);
  lastRows.set(name, { id: reportId, rows });
  return rows.slice();
}
const lastRows = new Map<string, { id: string; rows: unknown[] }>();

/** Rows of a published table, counted without holding them. */
export function rowCount(name: TableName, dir = DATA_DIR): number {
  return (PER_REPORT as readonly string[]).includes(name) ? indexOf(name as PerReport, dir).rows : loadData(dir)[name].length;
}

/** A PDF or DOCX original: build:data keeps it, and the structure read from it, under data/sources/. */
export const isOriginal = (file: string): boolean => /\.(?:pdf|docx)$/i.test(file);
/** Paths under the data folder (and the site's data/ URL) of an original and of its read structure. */
export const originalPath = (file: string): string => `sources/${file}`;
export const readPath = (file: string): string => `sources/${file}.html`;
/** Whether build:data kept the structure read from an original (not for a scan, an encrypted file…). */
export const hasReadStructure = (file: string, dataDir = DATA_DIR): boolean => isOriginal(file) && existsSync(join(dataDir, readPath(file)));

/** Source files larger than this are not shown on their page (the build reads them all the same). */
export const SOURCE_FILE_LIMIT = 20 * 1024 * 1024;
/** A report page shows at most this many characters of its source; the rest is counted, not inlined. */
export const SOURCE_SHOWN = 600_000;

/** The source lines a page inlines: whole lines up to SOURCE_SHOWN characters, and how many are left out. */
export function boundedSource<T extends { text: string; cells?: { text: string }[] }>(lines: readonly T[], limit = SOURCE_SHOWN): { shown: T[]; omitted: number } {
  let size = 0, k = 0;
  for (; k < lines.length; k++) {
    const l = lines[k]!;
    size += l.cells ? l.cells.reduce((n, c) => n + c.text.length + 1, 0) : l.text.length + 1;
    if (size > limit) break;
  }
  return { shown: lines.slice(0, k), omitted: lines.length - k };
}

/** The source text of a report, split into lines exactly as the parser numbers them (1-based). */
export function sourceLines(sourceFile: string, dir = REPORTS_DIR, dataDir = DATA_DIR): string[] {
  if (sourceFile.includes('/') || sourceFile.includes('\\')) throw new Error(`bad source file name ${sourceFile}`);
  let bytes: Uint8Array;
  try {
    // An original (PDF, DOCX) is shown as the structure the build read from it.
    const path = isOriginal(sourceFile) ? join(dataDir, readPath(sourceFile)) : join(dir, sourceFile);
    // Only a regular file is read: a FIFO would block the build, a device never end.
    const st = statSync(path);
    if (!st.isFile() || st.size > SOURCE_FILE_LIMIT) return [];
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    return [];
  }
  const d = decode(bytes);
  if (d.problem) return [];
  return d.text.split(/\r\n|\r|\n/);
}

/** One line of the source as the report page shows it: a source line, or a table row laid out from HTML. */
export interface SourceLine {
  /** 1-based source line. */
  n: number;
  /** The first shown line of source line `n` (it carries the #L anchor). */
  first: boolean;
  text: string;
  /** A table row's cells, each with the id a number's link points to (C<table>-<row>-<column>). */
  cells?: { text: string; id: string | null; page?: number }[];
  /** The source table a row belongs to. */
  table?: number;
}

/** Source lines with the rows of each source table gathered, to be shown as a table. */
export type SourceBlock = { line: SourceLine } | { rows: SourceLine[] };

export function sourceBlocks(lines: SourceLine[]): SourceBlock[] {
  const out: SourceBlock[] = [];
  for (const l of lines) {
    const last = out.at(-1);
    if (l.table !== undefined && last && 'rows' in last && last.rows[0]!.table === l.table) last.rows.push(l);
    else out.push(l.table !== undefined ? { rows: [l] } : { line: l });
  }
  return out;
}

/**
 * The source as a reader checks it: plain text line by line; HTML as its text and tables, laid
 * out as the parser read them, every cell addressable, each line under its source line's number.
 */
export function sourceView(sourceFile: string, dir = REPORTS_DIR, dataDir = DATA_DIR): SourceLine[] {
  const lines = sourceLines(sourceFile, dir, dataDir);
  const text = lines.join('\n');
  if (!isOriginal(sourceFile) && kindOf(sourceFile) !== 'html' && !(kindOf(sourceFile) === 'text' && looksLikeHtml(text))) {
    return lines.map((t, i) => ({ n: i + 1, first: true, text: t }));
  }
  const seen = new Set<number>();
  return layout(text, 'html').lines.map((l) => {
    const first = !seen.has(l.n);
    seen.add(l.n);
    const table = l.cells?.find((c) => c.at)?.at?.table;
    return { n: l.n, first, text: l.raw, ...(table !== undefined ? { table } : {}),
      ...(l.cells ? { cells: l.cells.map((c) => ({ text: c.raw, id: c.at && !c.spanned ? `C${cellName(c.at)}` : null, ...(c.at?.page ? { page: c.at.page } : {}) })) } : {}) };
  });
}

/** Groups rows by a key, keeping their order. */
export function groupBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}
