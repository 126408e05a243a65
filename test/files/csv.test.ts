import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { table, type Row, type TableDef } from '../../src/schema/tables.ts';
import { plainNumber, toCsv } from '../../src/files/csv.ts';

const blank = (def: TableDef, over: Row): Row => ({ ...Object.fromEntries(def.columns.map((c) => [c.name, null])), ...over });
const article20 = table('article20');
const rows: Row[] = [
  blank(article20, { report_id: 'a-2021', clause: '20.1', item: 'rules', item_label: '规章', measure: 'made', value: 5394432.52, unit: '万元', raw: '5,394,432.52', line: 12 }),
  blank(article20, { report_id: 'a-2021', clause: '20.5', item: 'licensing', item_label: '行政许可，"含"备案', measure: 'handled', value: 0.012345, raw: '第一行\n第二行\r\n第三行', line: 13 }),
  blank(article20, { report_id: 'b-2020', clause: '20.9', item: 'procurement', measure: 'amount', value: -42.5, raw: ' 前后空格 ', line: null }),
  blank(article20, { report_id: 'c-2020', clause: '20.8', item: 'fees', measure: 'amount', value: 1e-7 }),
  blank(article20, { report_id: 'd-2020', clause: '20.6', item: 'penalty', measure: 'count', value: 1e21, item_label: '' }),
];

/** Typed values back from CSV text, by the column types in TABLES: '' is NULL. */
function typed(def: TableDef, rec: Record<string, string>): Row {
  return Object.fromEntries(def.columns.map((c) => {
    const s = rec[c.name];
    if (s === undefined) throw new Error(`no ${c.name}`);
    return [c.name, s === '' ? null : c.type === 'integer' || c.type === 'number' ? Number(s) : s];
  }));
}

describe('toCsv', () => {
  const csv = toCsv(article20, rows);

  it('has the TABLES column order as header, \\n line ends, no BOM', () => {
    expect(csv.split('\n')[0]).toBe('report_id,clause,item,item_label,measure,value,unit,raw,line,source_cell,source_page');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.endsWith('\n')).toBe(true);
    expect(csv.replace(/"[^"]*"/g, '')).not.toContain('\r'); // CR only inside quoted fields
  });

  it('prints numbers plainly: no exponent, no float noise, integers as integers', () => {
    expect(csv).toContain(',5394432.52,');
    expect(csv).toContain(',0.012345,');
    expect(csv).toContain(',-42.5,');
    expect(csv).toContain(',0.0000001,');
    expect(csv).toContain(',1000000000000000000000,');
    expect(csv).toContain(',12,,\n');
    expect(csv).not.toMatch(/\de[+-]?\d/);
  });

  it('quotes only what RFC 4180 needs, and writes "" for an empty string but nothing for NULL', () => {
    const lines = csv.split('\n');
    expect(lines[1]).toBe('a-2021,20.1,rules,规章,made,5394432.52,万元,"5,394,432.52",12,,');
    expect(csv).toContain('"行政许可，""含""备案"');
    expect(csv).toContain(',"第一行\n第二行\r\n第三行",');
    expect(csv).toContain('b-2020,20.9,procurement,,amount,-42.5,, 前后空格 ,,,\n');
    expect(csv).toContain('d-2020,20.6,penalty,"",count,');
  });

  it('parses back with papaparse to the same typed values, NULLs included', () => {
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const back = parsed.data.map((r) => typed(article20, r));
    // CSV cannot tell '' from NULL for papaparse; everything else must be exact.
    expect(back).toEqual(rows.map((r) => ({ ...r, item_label: r.item_label === '' ? null : r.item_label })));
  });

  it('is deterministic and writes only the header for an empty table', () => {
    expect(toCsv(article20, structuredClone(rows))).toBe(csv);
    expect(toCsv(table('summary'), [])).toBe(table('summary').columns.map((c) => c.name).join(',') + '\n');
  });

  it('writes dates as ISO and refuses values that do not fit their column', () => {
    const reports = table('reports');
    const r = blank(reports, { report_id: 'a-2021', year: 2021, published_on: '2022-01-31', warnings: -1 });
    expect(toCsv(reports, [r]).split('\n')[1]).toBe('a-2021,,,2021,,2022-01-31,,,,,,,,-1,,,');
    expect(() => toCsv(reports, [{ ...r, published_on: '2022-02-30' }])).toThrow(/published_on: .* is not a valid date/);
    expect(() => toCsv(reports, [{ ...r, published_on: '2022/01/31' }])).toThrow(/published_on: .* is not a valid date/);
    expect(() => toCsv(reports, [{ ...r, year: 2021.5 }])).toThrow(/year/);
    expect(() => toCsv(reports, [{ ...r, year: '2021' }])).toThrow(/year/);
    expect(() => toCsv(article20, [{ ...rows[0]!, value: Number.NaN }])).toThrow(/value/);
    const { warnings: _, ...missing } = r;
    expect(() => toCsv(reports, [missing])).toThrow(/warnings: missing/);
  });
});

describe('plainNumber', () => {
  it('round-trips every double without an exponent', () => {
    const xs = [0, -0, 1, -1, 0.1 + 0.2, 5394432.52, 0.012345, 1e-7, -1.5e-10, 123e-20, 1e21, 2 ** 70, -(2 ** 53) - 2,
      Number.MIN_VALUE, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER, 1 / 3];
    for (const x of xs) {
      const s = plainNumber(x);
      expect(s).toMatch(/^-?\d+(\.\d+)?$/);
      expect(Number(s)).toBe(x === 0 ? 0 : x); // -0 prints as 0
    }
    expect(plainNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(plainNumber(-1.5e-10)).toBe('-0.00000000015');
    expect(() => plainNumber(Infinity)).toThrow();
  });
});

describe('a second CSV reader (DuckDB read_csv)', () => {
  let db: DuckDBInstance, conn: DuckDBConnection, dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'files-csv-'));
    db = await DuckDBInstance.create(':memory:');
    conn = await db.connect();
  });
  afterAll(() => {
    conn.closeSync();
    db.closeSync();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the same values with the declared types, and keeps "" apart from NULL', async () => {
    const path = join(dir, 'article20.csv');
    writeFileSync(path, toCsv(article20, rows));
    const sqlType = { string: 'VARCHAR', integer: 'BIGINT', number: 'DOUBLE', date: 'DATE' } as const;
    const columns = article20.columns.map((c) => `'${c.name}': '${sqlType[c.type]}'`).join(', ');
    const read = async (opts: string) =>
      (await conn.runAndReadAll(`SELECT * FROM read_csv('${path}', header = true, auto_detect = false, columns = {${columns}}${opts})`))
        .getRowObjectsJS()
        .map((r): Record<string, unknown> => ({ ...r, line: r.line === null ? null : Number(r.line) }));
    expect(await read(', allow_quoted_nulls = false')).toEqual(rows);
    // By default DuckDB, like papaparse and pandas, reads "" as NULL too.
    expect((await read('')).map((r) => r.item_label)).toEqual(['规章', '行政许可，"含"备案', null, null, null]);
  });
});
