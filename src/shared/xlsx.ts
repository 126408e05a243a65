/**
 * A minimal XLSX (Office Open XML spreadsheet) writer: one sheet per table, bold frozen header
 * row(s), inline strings, numbers as numbers, dates as real dates (a serial day number shown as
 * yyyy-mm-dd), NULL as an empty cell. Zipped with fflate, deterministic bytes. Pure: the site's
 * workbook in the browser (chart data, query results) is written by it, and build:data streams
 * the published workbook through its parts (src/files/downloads.ts).
 */
import { strToU8, type Zippable } from 'fflate';
import { ZIP_EPOCH, zipAt } from './zip.ts';

/** A cell: text, a number, a date (its UTC day and time), or NULL. */
export type XlsxCell = string | number | Date | null;
export interface XlsxSheet {
  name: string;
  rows: XlsxCell[][];
  /** Rows at the top that are headers (bold, frozen): 1 unless told (a Chinese and an English header: 2). */
  headerRows?: number;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    // XML 1.0 forbids most control characters.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** A1-style column name: 0 → A, 25 → Z, 26 → AA. */
export function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Excel's serial day number of a UTC instant (days since 1899-12-30; the 1900 leap-year bug lies before any date here). */
export const excelSerial = (d: Date): number => d.getTime() / 86_400_000 + 25_569;

/** Style indexes in styles.xml: 0 plain, 1 bold (headers), 2 date. */
const BOLD = 1, DATE = 2;

/**
 * One row's XML (`r` is its 0-based index in the sheet): header rows bold, NULL and non-finite
 * numbers left out; with `shared`, a data row's strings by their number where it holds them
 * (SharedStrings, below). Every cell names its place (`r="C5"`): the format makes it optional, but
 * some readers (exceljs) lose cells without it.
 */
export function rowXml(row: readonly XlsxCell[], r: number, headerRows = 1, shared?: SharedStrings): string {
  let cells = '';
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (v === null || v === undefined) continue;
    const ref = `${columnName(c)}${r + 1}`;
    if (typeof v === 'number') cells += Number.isFinite(v) ? `<c r="${ref}"><v>${v}</v></c>` : '';
    else if (v instanceof Date) cells += Number.isFinite(v.getTime()) ? `<c r="${ref}" s="${DATE}"><v>${excelSerial(v)}</v></c>` : '';
    else {
      const k = shared && r >= headerRows ? shared.get(v) : -1;
      cells += k >= 0 ? `<c r="${ref}" t="s"><v>${k}</v></c>`
        : `<c r="${ref}" t="inlineStr"${r < headerRows ? ` s="${BOLD}"` : ''}><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
    }
  }
  return `<row r="${r + 1}">${cells}</row>`;
}

/**
 * Strings a workbook stores once, in `xl/sharedStrings.xml`, its cells naming them by number: the
 * published tables repeat a few thousand strings (report ids, row labels, keys) over millions of
 * cells, so their sheets' XML is a third as long and deflates three times faster. Bounded, so a
 * streamed workbook's memory does not grow with its rows: a string longer than `maxLength`, or
 * first met once `maxCount` strings or `maxChars` characters are held, stays inline in its cell
 * (the defaults hold every report id of 100,000 reports in well under 100 MB). Numbers are given
 * in order of first use: the same rows give the same bytes.
 */
export class SharedStrings {
  private index = new Map<string, number>();
  private list: string[] = [];
  private chars = 0;
  constructor(readonly maxCount = 500_000, readonly maxChars = 16_000_000, readonly maxLength = 100) {}
  /** The string's number, or -1 if it is to stay inline. */
  get(s: string): number {
    const k = this.index.get(s);
    if (k !== undefined) return k;
    if (s.length > this.maxLength || this.list.length >= this.maxCount || this.chars + s.length > this.maxChars) return -1;
    // A copy of its own: a string sliced from a larger one (a field of a megabyte of CSV) keeps
    // all of it alive, and at 100,000 reports the held strings kept the heap's worth of chunks.
    const own = unslice(s);
    this.index.set(own, this.list.length);
    this.list.push(own);
    this.chars += s.length;
    return this.list.length - 1;
  }
  get size(): number {
    return this.list.length;
  }
  /** `xl/sharedStrings.xml`, in pieces of about `piece` characters (it can be megabytes). */
  *xml(piece = 1 << 20): Generator<string> {
    let out = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="${this.list.length}">`;
    for (const s of this.list) {
      out += `<si><t xml:space="preserve">${esc(s)}</t></si>`;
      if (out.length >= piece) {
        yield out;
        out = '';
      }
    }
    yield out + '</sst>';
  }
}

/** The same text in a string of its own, not a slice of the string it was cut from. */
const unslice = (s: string): string => JSON.parse(JSON.stringify(s)) as string;

/** A sheet's XML up to its first row (header rows frozen), and after its last: the rows go between, as a stream may write them. */
export function sheetHead(headerRows = 1): string {
  const pane = `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRows}" topLeftCell="A${headerRows + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${pane}<sheetData>`;
}
export const SHEET_TAIL = '</sheetData></worksheet>';

/**
 * A sheet's XML as bytes, encoded a thousand rows at a time: one string of a large table would pass
 * V8's string limit (about 512 MB) long before the bytes are too many.
 */
function sheetXml(rows: XlsxCell[][], headerRows: number): Uint8Array {
  const chunks = [strToU8(sheetHead(headerRows))];
  for (let i = 0; i < rows.length; i += 1000) chunks.push(strToU8(rows.slice(i, i + 1000).map((row, k) => rowXml(row, i + k, headerRows)).join('')));
  chunks.push(strToU8(SHEET_TAIL));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Sheet names: at most 31 characters, none of []:*?/\ , unique. */
export function sheetNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((n) => {
    let base = n.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
    let name = base;
    for (let i = 2; seen.has(name.toLowerCase()); i++) name = `${base.slice(0, 28)}_${i}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** The styles part; the date format only where a sheet has dates, so workbooks without them keep their bytes. */
function stylesXml(ns: string, dates: boolean): string {
  const numFmts = dates ? '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>' : '';
  const dateXf = dates ? '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns}spreadsheetml/2006/main">${numFmts}<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${dates ? 3 : 2}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>${dateXf}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}

/** Document properties (Excel: File → Info): written to docProps/core.xml when given. */
export interface XlsxProps {
  title?: string;
  subject?: string;
  creator?: string;
  keywords?: string;
  description?: string;
  /** The document's version: the data version. */
  version?: string;
  /** YYYY-MM-DD (midnight UTC) or an ISO instant: given, never the clock, so the bytes stay the same. */
  created?: string;
}

function coreXml(p: XlsxProps): string {
  const el = (tag: string, v: string | undefined) => (v ? `<${tag}>${esc(v)}</${tag}>` : '');
  const created = p.created && /^\d{4}-\d{2}-\d{2}$/.test(p.created) ? `${p.created}T00:00:00Z` : p.created;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    el('dc:title', p.title) + el('dc:subject', p.subject) + el('dc:creator', p.creator) + el('cp:keywords', p.keywords) + el('dc:description', p.description) + el('cp:version', p.version) +
    (created ? `<dcterms:created xsi:type="dcterms:W3CDTF">${esc(created)}</dcterms:created>` : '') + '</cp:coreProperties>';
}

/**
 * Every part of the workbook but its sheets (and its shared strings, named here when
 * `sharedStrings`, written after the sheets that fill them), in the order they are zipped, for
 * sheets named `names` (already made safe by sheetNames), sheet i at `xl/worksheets/sheet<i+1>.xml`.
 */
export function workbookParts(names: readonly string[], dates: boolean, props?: XlsxProps, sharedStrings = false): [string, Uint8Array][] {
  const ns = 'http://schemas.openxmlformats.org/';
  const parts: [string, Uint8Array][] = [
    ['[Content_Types].xml', strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${ns}package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${props ? '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' : ''}${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}${sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`)],
    ['_rels/.rels', strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns}package/2006/relationships"><Relationship Id="rId1" Type="${ns}officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>${props ? `<Relationship Id="rId2" Type="${ns}package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` : ''}</Relationships>`)],
    ['xl/workbook.xml', strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${ns}spreadsheetml/2006/main" xmlns:r="${ns}officeDocument/2006/relationships"><sheets>${names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`)],
    ['xl/_rels/workbook.xml.rels', strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns}package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${ns}officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${names.length + 1}" Type="${ns}officeDocument/2006/relationships/styles" Target="styles.xml"/>${sharedStrings ? `<Relationship Id="rId${names.length + 2}" Type="${ns}officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`)],
    ['xl/styles.xml', strToU8(stylesXml(ns, dates))],
  ];
  if (props) parts.push(['docProps/core.xml', strToU8(coreXml(props))]);
  return parts;
}

/**
 * The workbook's bytes; every zip entry dated `epochSeconds` (default 2020-01-01 00:00:00 UTC).
 * With `props`, document properties too (a workbook without them keeps its bytes).
 */
export function xlsx(sheets: XlsxSheet[], epochSeconds = ZIP_EPOCH, props?: XlsxProps): Uint8Array {
  const names = sheetNames(sheets.map((s) => s.name));
  const dates = sheets.some((s) => s.rows.some((r) => r.some((v) => v instanceof Date)));
  const files: Zippable = Object.fromEntries(workbookParts(names, dates, props));
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(s.rows, s.headerRows ?? 1)));
  return zipAt(files, 6, epochSeconds);
}
