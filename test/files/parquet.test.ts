import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { table, type Row, type TableDef } from '../../src/schema/tables.ts';
import { toCsv } from '../../src/files/csv.ts';
import { toParquet } from '../../src/files/parquet.ts';

const blank = (def: TableDef, over: Row): Row => ({ ...Object.fromEntries(def.columns.map((c) => [c.name, null])), ...over });
const reports = table('reports');
const article20 = table('article20');
const summary = table('summary');
const applications = table('applications');

const cases: [TableDef, Row[]][] = [
  [reports, [
    blank(reports, { report_id: '省司法厅-2021', agency_id: '省司法厅', agency_name: '某省司法厅，"办公室"\n（盖章）', year: 2021, template: '2021',
      published_on: '2022-01-31', source_file: '001.txt', source_sha256: 'ab'.repeat(32), source_encoding: 'gb18030', status: 'warnings', warnings: 2, checks_failed: 0 }),
    blank(reports, { report_id: 'x-1999', year: 1969, published_on: '1969-12-31', warnings: -7, checks_failed: Number.MAX_SAFE_INTEGER }),
    blank(reports, { report_id: 'y-2020', published_on: '2024-02-29', warnings: Number.MIN_SAFE_INTEGER }),
  ]],
  [article20, [
    blank(article20, { report_id: 'a-2021', clause: '20.1', item: 'rules', item_label: '规章', measure: 'made', value: 5394432.52, unit: '万元', raw: '5,394,432.52', line: 12 }),
    blank(article20, { report_id: 'a-2021', clause: '20.5', item: 'licensing', item_label: '行政许可，"含"备案', measure: 'handled', value: 0.012345, raw: '一\r\n二', line: 1 }),
    blank(article20, { report_id: 'b-2020', clause: '20.9', item: 'procurement', measure: 'amount', value: -42.5 }),
    blank(article20, { report_id: 'c-2020', clause: '20.8', item: 'fees', measure: 'amount', value: 0.1 + 0.2 }),
    blank(article20, { report_id: 'd-2020', clause: '20.6', item: 'penalty', measure: 'count', value: 1e-7 }),
  ]],
  [summary, [
    Object.fromEntries(summary.columns.map((c, i) => [c.name,
      c.type === 'string' ? `值${i}，"${c.name}"` : c.type === 'number' ? 1234.56 : c.type === 'integer' ? i * 1000 - 3 : '2021-06-01'])),
    blank(summary, { report_id: 'z-2019', year: 2019, fees_charged: 0, denied: null, handled_total: -1 }),
  ]],
];

/** What each reader gives, made comparable: integers as numbers, dates as ISO strings. */
const norm = (v: unknown): string | number | null =>
  v === null || v === undefined ? null : typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString().slice(0, 10) : (v as string | number);
const normRows = (rs: Record<string, unknown>[]) => rs.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, norm(v)])));

function fromCsv(def: TableDef, csv: string): Row[] {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual(def.columns.map((c) => c.name));
  return parsed.data.map((r) => Object.fromEntries(def.columns.map((c) => {
    const s = r[c.name]!;
    return [c.name, s === '' ? null : c.type === 'integer' || c.type === 'number' ? Number(s) : s];
  })));
}

const buf = (u: Uint8Array) => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

let db: DuckDBInstance, conn: DuckDBConnection, dir: string, files = 0;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'files-parquet-'));
  db = await DuckDBInstance.create(':memory:');
  conn = await db.connect();
});
afterAll(() => {
  conn.closeSync();
  db.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

async function duck(def: TableDef, bytes: Uint8Array, sql = 'SELECT * FROM t') {
  const path = join(dir, `${def.name}-${++files}.parquet`);
  writeFileSync(path, bytes);
  return (await conn.runAndReadAll(sql.replace(/\bFROM t\b/, `FROM read_parquet('${path}')`))).getRowObjectsJS();
}

describe.each(cases.map(([def, rows]) => ({ name: def.name, def, rows })))('toParquet($name)', ({ def, rows }) => {
  const pq = toParquet(def, rows);
  const csv = toCsv(def, rows);

  it('hyparquet, DuckDB and the CSV (papaparse) agree value by value with the rows', async () => {
    const viaHyparquet = normRows(await parquetReadObjects({ file: buf(pq) }));
    const viaDuck = normRows(await duck(def, pq));
    const viaCsv = fromCsv(def, csv);
    expect(viaHyparquet).toEqual(rows);
    expect(viaDuck).toEqual(rows);
    expect(viaCsv).toEqual(rows);
    // Column order too, not just the key sets.
    expect(Object.keys(viaDuck[0]!)).toEqual(def.columns.map((c) => c.name));
  });

  it('DuckDB sees BIGINT / DOUBLE / DATE / VARCHAR, all nullable', async () => {
    const sqlType = { integer: 'BIGINT', number: 'DOUBLE', date: 'DATE', string: 'VARCHAR' };
    const described = await duck(def, pq, 'DESCRIBE SELECT * FROM t');
    expect(described.map((d) => [d.column_name, d.column_type, d.null])).toEqual(def.columns.map((c) => [c.name, sqlType[c.type], 'YES']));
  });

  it('is byte-identical for the same rows, whatever the clock or Math.random say', () => {
    vi.useFakeTimers({ now: new Date('2031-07-04T12:00:00Z') });
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.123);
    try {
      expect(Buffer.from(toParquet(def, structuredClone(rows))).equals(Buffer.from(pq))).toBe(true);
      expect(toCsv(def, structuredClone(rows))).toBe(csv);
    } finally {
      random.mockRestore();
      vi.useRealTimers();
    }
  });
});

describe('edge cases', () => {
  it('an empty table still has its schema for both readers', async () => {
    for (const def of [reports, summary]) {
      const pq = toParquet(def, []);
      expect(Number(parquetMetadata(buf(pq)).num_rows)).toBe(0);
      expect(await parquetReadObjects({ file: buf(pq) })).toEqual([]);
      const described = await duck(def, pq, 'DESCRIBE SELECT * FROM t');
      expect(described.map((d) => d.column_name)).toEqual(def.columns.map((c) => c.name));
      expect(await duck(def, pq, 'SELECT count(*)::INT AS n FROM t')).toEqual([{ n: 0 }]);
    }
  });

  it('a table larger than one row group (1000 rows) reads back whole and in order', async () => {
    const applicants = applications.columns.find((c) => c.name === 'applicant')!.values!;
    const rows: Row[] = Array.from({ length: 2500 }, (_, i) => ({
      report_id: `r${String(Math.floor(i / 7)).padStart(4, '0')}`, row: 'granted', row_label: '予以公开',
      applicant: applicants[i % 7]!, value: i % 13 === 0 ? null : i * 3 - 100, line: 40 + (i % 7), source_cell: i % 5 === 0 ? null : `2-${i % 30}-${i % 7}`, source_page: i % 3 === 0 ? null : 1 + (i % 9),
    }));
    const pq = toParquet(applications, rows);
    expect(parquetMetadata(buf(pq)).row_groups.length).toBeGreaterThan(1);
    expect(normRows(await parquetReadObjects({ file: buf(pq) }))).toEqual(rows);
    expect(normRows(await duck(applications, pq))).toEqual(rows);
  });

  it('DuckDB filters find long Chinese strings (truncated min/max statistics do not prune them)', async () => {
    const names = ['甲省人民政府办公厅政务公开办公室', '乙省人民政府办公厅政务公开办公室（信息公开科）'];
    const rows = names.map((n, i) => blank(reports, { report_id: `r${i}`, agency_name: n }));
    const pq = toParquet(reports, rows);
    for (const [i, n] of names.entries()) {
      expect(await duck(reports, pq, `SELECT report_id FROM t WHERE agency_name = '${n}'`)).toEqual([{ report_id: `r${i}` }]);
    }
  });

  it('stores strings with the STRING logical type and dates as DATE', () => {
    const schema = parquetMetadata(buf(toParquet(reports, []))).schema;
    const el = (name: string) => schema.find((s) => s.name === name)!;
    expect(el('agency_name')).toMatchObject({ type: 'BYTE_ARRAY', logical_type: { type: 'STRING' }, repetition_type: 'OPTIONAL' });
    expect(el('published_on')).toMatchObject({ type: 'INT32', logical_type: { type: 'DATE' } });
    expect(el('year')).toMatchObject({ type: 'INT64', repetition_type: 'OPTIONAL' });
  });

  it('refuses rows that do not fit the columns instead of writing them', () => {
    const r = cases[0]![1][0]!;
    expect(() => toParquet(reports, [{ ...r, year: 2021.5 }])).toThrow(/year/);
    expect(() => toParquet(reports, [{ ...r, published_on: '2021-13-01' }])).toThrow(/published_on: .* is not a valid date/);
  });
});
