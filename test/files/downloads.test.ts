/**
 * The workbook and the zip of everything (src/files/downloads.ts), as build:data writes them:
 * opened by a real reader (exceljs), split past a row limit, byte-identical twice, and streamed
 * (written under a heap cap far below the size of their XML).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvStream, readCsvRecords, toCsv, writeTables, writeWorkbook } from '../../src/files/index.ts';
import { PACKAGE } from '../../src/files/package.ts';
import { table, type Row, type TableDef } from '../../src/schema/tables.ts';
import { parseTable } from '../../src/site/data.ts';
import { dataVersion } from '../../src/site/version.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'files-downloads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Text a CSV reader can trip over: quotes, commas, line breaks, CJK, markup. */
const TRICKY = ['', 'plain', '某局，"引号"', 'a,b', 'line\nbreak', '"', '""', '<&>', ' lead', '中文'.repeat(50)];

/** Row `i` of a table: every column filled by its type (enumerations with their values), NULL now and then. */
function row(def: TableDef, i: number): Row {
  return Object.fromEntries(def.columns.map((c, j) => {
    if (!c.required && (i + j) % 5 === 0) return [c.name, null];
    if (c.values) return [c.name, c.values[(i + j) % c.values.length]!];
    if (c.type === 'integer') return [c.name, i * 7 + j];
    if (c.type === 'number') return [c.name, i + 0.25];
    if (c.type === 'date') return [c.name, `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`];
    return [c.name, c.required ? `k${i}-${j}${TRICKY[i % TRICKY.length]}` : TRICKY[(i + j) % TRICKY.length]!];
  }));
}
const rows = (def: TableDef, n: number) => Array.from({ length: n }, (_, i) => row(def, i));

const published = ['reports', 'summary', 'checks', 'narrative'] as const;
const tables = published.map((name) => ({ def: table(name), rows: rows(table(name), name === 'reports' ? 3 : name === 'checks' ? 10 : 7) }));
const counts = tables.map(({ def, rows }) => ({ def, count: rows.length }));

describe('readCsvRecords', () => {
  it('reads back what toCsv writes, as papaparse does, across the megabyte reads', () => {
    const def = table('narrative');
    // Over 2 MB: records, quoted fields and multi-byte characters fall across the reads.
    const csv = toCsv(def, rows(def, 40_000));
    expect(Buffer.byteLength(csv)).toBeGreaterThan(2 << 20);
    const path = join(dir, 'read.csv');
    writeFileSync(path, csv);
    const got: string[][] = [];
    readCsvRecords(path, (f) => got.push(f));
    expect(got).toEqual(Papa.parse<string[]>(csv, { skipEmptyLines: true }).data);
  });

  it('refuses a file whose last record has no line break', () => {
    const path = join(dir, 'cut.csv');
    writeFileSync(path, 'a,b\n1,"2\n');
    expect(() => readCsvRecords(path, () => {})).toThrow(/does not end/);
  });
});

describe('the workbook and the zip, as writeTables and build:data write them', () => {
  let a: string, b: string;
  beforeAll(async () => {
    a = join(dir, 'a');
    b = join(dir, 'b');
    await writeTables(a, tables, PACKAGE, {});
    await writeTables(b, tables, PACKAGE, {});
  });

  it('exceljs opens the workbook: one sheet per table with its header and every row, as the site reads the CSV, then dictionary and about', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(a, 'disclosure-atlas.xlsx')) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([...published, 'dictionary', 'about']);
    for (const { def } of tables) {
      const sheet = book.getWorksheet(def.name)!;
      const want = parseTable(def.name, readFileSync(join(a, `${def.name}.csv`), 'utf8'));
      expect(sheet.rowCount, def.name).toBe(want.length + 1);
      expect((sheet.getRow(1).values as unknown[]).slice(1), def.name).toEqual(def.columns.map((c) => c.name));
      want.forEach((w, i) => {
        const cells = sheet.getRow(i + 2);
        def.columns.forEach((c, j) => expect(cells.getCell(j + 1).value ?? null, `${def.name} ${i} ${c.name}`).toEqual(w[c.name] ?? null));
      });
    }
    const v = dataVersion(a);
    expect(book.subject).toBe(`数据版本 Data version ${v.version}`);
    expect(book.creator).toBe('政府信息公开年报数据 Disclosure Atlas');
    expect(book.getWorksheet('about')!.getRow(3).getCell(2).value).toBe(v.version);
    expect(book.getWorksheet('dictionary')!.rowCount).toBe(1 + tables.reduce((n, t) => n + t.def.columns.length, 0));
  });

  it('strings repeated row after row (tables keyed by more than one column) are shared; a table with a row per thing keeps them inline', () => {
    const book = unzipSync(readFileSync(join(a, 'disclosure-atlas.xlsx')));
    const sheet = (i: number) => strFromU8(book[`xl/worksheets/sheet${i + 1}.xml`]!);
    published.forEach((name, i) => expect(sheet(i).includes(' t="s"'), name).toBe(table(name).key.length > 1));
    const strings = strFromU8(book['xl/sharedStrings.xml']!);
    // The checks' report ids, each once however many rows name it (but those past the 100 characters a shared string may have).
    for (const { rows: all } of tables.filter((t) => t.def.name === 'checks')) {
      const ids = [...new Set(all.map((r) => String(r.report_id)))];
      expect(ids.filter((id) => id.length > 100).length).toBe(1);
      for (const id of ids) expect(strings.split(`>${id.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}<`).length - 1, id).toBe(id.length > 100 ? 0 : 1);
    }
  });

  it("past the rows a sheet holds, a table is split into numbered sheets, each with its header, no row lost", async () => {
    const split = join(dir, 'split');
    await writeTables(split, tables, PACKAGE, {});
    // 4 rows a sheet: the header and 3 rows.
    writeWorkbook(split, counts, dataVersion(split), PACKAGE, { maxRows: 4 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(split, 'disclosure-atlas.xlsx')) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['reports', 'summary_1', 'summary_2', 'summary_3', 'checks_1', 'checks_2', 'checks_3', 'checks_4',
      'narrative_1', 'narrative_2', 'narrative_3', 'dictionary', 'about']);
    for (const { def, rows: all } of tables) {
      const sheets = book.worksheets.filter((s) => s.name === def.name || s.name.startsWith(`${def.name}_`));
      for (const s of sheets) {
        expect(s.rowCount).toBeLessThanOrEqual(4);
        expect((s.getRow(1).values as unknown[]).slice(1)).toEqual(def.columns.map((c) => c.name));
      }
      // Every row once, in order: the key column of each.
      const keys = sheets.flatMap((s) => Array.from({ length: s.rowCount - 1 }, (_, i) => s.getRow(i + 2).getCell(1).value));
      expect(keys, def.name).toEqual(all.map((r) => r[def.columns[0]!.name]));
    }
  });

  it('refuses a table whose CSV has more or fewer rows than it is said to have, and leaves no file', () => {
    const v = dataVersion(a);
    const wrong = join(dir, 'wrong');
    mkdirSync(wrong);
    for (const { def } of tables) writeFileSync(join(wrong, `${def.name}.csv`), readFileSync(join(a, `${def.name}.csv`)));
    expect(() => writeWorkbook(wrong, counts.map((c, i) => (i === 1 ? { ...c, count: c.count + 1 } : c)), v, PACKAGE)).toThrow(/summary\.csv: 7 rows, not the 8/);
    expect(() => writeWorkbook(wrong, counts.map((c, i) => (i === 1 ? { ...c, count: c.count - 1 } : c)), v, PACKAGE)).toThrow(/more than the 6 rows/);
    // Nothing half-written is left behind, under either name.
    expect(readdirSync(wrong).filter((f) => f.startsWith('disclosure-atlas'))).toEqual([]);
  });

  it('the zip holds every table file, datapackage.json, README.md and VERSION (not the workbook, its own download), each as written', () => {
    const zip = unzipSync(readFileSync(join(a, 'disclosure-atlas.zip')));
    const files = [...tables.flatMap(({ def }) => [`${def.name}.csv`, `${def.name}.parquet`]), 'datapackage.json', 'README.md'];
    expect(Object.keys(zip)).toEqual([...files, 'VERSION'].map((f) => `disclosure-atlas/${f}`));
    for (const f of files) expect(Buffer.from(zip[`disclosure-atlas/${f}`]!).equals(readFileSync(join(a, f))), f).toBe(true);
    const v = dataVersion(a);
    const version = strFromU8(zip['disclosure-atlas/VERSION']!);
    expect(version.split('\n')[0]).toBe(v.version);
    expect(version).toContain(`数据截至 Current to: ${v.date}`);
  });

  it('both are byte-identical when written twice, and neither is a resource of datapackage.json', () => {
    for (const f of ['disclosure-atlas.xlsx', 'disclosure-atlas.zip']) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    const pkg = JSON.parse(readFileSync(join(a, 'datapackage.json'), 'utf8')) as { resources: { path: string }[] };
    expect(pkg.resources.map((r) => r.path).filter((p) => p.startsWith('disclosure-atlas'))).toEqual([]);
  });
});

/** Each entry of a zip on disk: its name and uncompressed size, from the central directory. */
function entries(path: string): Map<string, number> {
  const z = readFileSync(path);
  const eocd = z.length - 22;
  const out = new Map<string, number>();
  for (let i = 0, p = z.readUInt32LE(eocd + 16); i < z.readUInt16LE(eocd + 10); i++) {
    const nameLen = z.readUInt16LE(p + 28);
    out.set(z.subarray(p + 46, p + 46 + nameLen).toString('utf8'), z.readUInt32LE(p + 24));
    p += 46 + nameLen + z.readUInt16LE(p + 30) + z.readUInt16LE(p + 32);
  }
  return out;
}

describe('streamed: memory does not grow with the rows', () => {
  it('writes a 200,000-row table whose sheet XML is several times the heap it is allowed, its shared strings bounded', async () => {
    const big = join(dir, 'big');
    const def = table('applications');
    const n = 200_000;
    const csv = new CsvStream(join(big, 'applications.csv'), def);
    for (let i = 0; i < n; i++) csv.push(row(def, i), i);
    csv.close();
    // The zip copies these as they are; their content does not matter here.
    for (const f of ['applications.parquet', 'datapackage.json', 'README.md']) writeFileSync(join(big, f), f);
    const heapMb = 40;
    const run = await new Promise<{ code: number; stderr: string }>((done) => execFile(process.execPath,
      [`--max-old-space-size=${heapMb}`, '--import', 'tsx', 'test/files/downloads-capped.ts', big, String(n)], { cwd: ROOT, timeout: 120_000 },
      (err, _out, stderr) => done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stderr })));
    expect(run.code, run.stderr).toBe(0);
    const book = entries(join(big, 'disclosure-atlas.xlsx'));
    // A writer holding the rows, or the sheet's XML, would need more than the heap allows.
    expect(book.get('xl/worksheets/sheet1.xml')!).toBeGreaterThan(2 * heapMb * 1024 * 1024);
    // Nearly every string here is met once: the table of shared strings stops at its bound (2 million characters).
    expect(book.get('xl/sharedStrings.xml')!).toBeGreaterThan(2_000_000);
    expect(book.get('xl/sharedStrings.xml')!).toBeLessThan(16_000_000);
    expect(entries(join(big, 'disclosure-atlas.zip')).get('disclosure-atlas/applications.csv')).toBe(readFileSync(join(big, 'applications.csv')).length);
  }, 180_000);
});
