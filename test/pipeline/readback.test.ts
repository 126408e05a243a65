/**
 * What a journalist's tools see: every table of a real build read back three ways (hyparquet,
 * DuckDB, the CSV through papaparse) must agree, and the documented example query must work.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLES, type TableDef } from '../../src/schema/tables.ts';
import { readCsv, seedBuild, SEEDS } from './helpers.ts';

type Value = string | number | null;
let out: string, db: DuckDBInstance, conn: DuckDBConnection;

beforeAll(async () => {
  // The seeds' build, shared with the other test files of the run (read only).
  const { out: built, run } = await seedBuild();
  out = built;
  expect(run.code, run.stderr).toBe(0);
  db = await DuckDBInstance.create(':memory:');
  conn = await db.connect();
}, 60_000);
afterAll(() => {
  conn?.closeSync();
  db?.closeSync();
});

const norm = (v: unknown): Value => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' || typeof v === 'string') return v;
  throw new Error(`unexpected value ${String(v)} (${typeof v})`);
};
const normRows = (def: TableDef, rows: Record<string, unknown>[]) =>
  rows.map((r) => Object.fromEntries(def.columns.map((c) => [c.name, norm(r[c.name])])));

function viaCsv(def: TableDef): Record<string, Value>[] {
  const { fields, rows } = readCsv(join(out, `${def.name}.csv`));
  expect(fields).toEqual(def.columns.map((c) => c.name));
  return rows.map((r) => Object.fromEntries(def.columns.map((c) => {
    const s = r[c.name];
    if (s === undefined) throw new Error(`${def.name}.csv: no column ${c.name}`);
    return [c.name, s === '' ? null : c.type === 'integer' || c.type === 'number' ? Number(s) : s];
  })));
}

describe.each(TABLES.map((def) => ({ name: def.name, def })))('$name', ({ def }) => {
  it('hyparquet, DuckDB and papaparse read the same rows, value by value', async () => {
    const path = join(out, `${def.name}.parquet`);
    const hy = normRows(def, await parquetReadObjects({ file: await asyncBufferFromFile(path) }));
    const duckReader = await conn.runAndReadAll(`SELECT * FROM read_parquet('${path}')`);
    expect(duckReader.columnNames()).toEqual(def.columns.map((c) => c.name));
    const duck = normRows(def, duckReader.getRowObjectsJS());
    const csv = viaCsv(def);
    // Tables every seed fills are not empty (an all-empty build would agree trivially).
    if (['reports', 'summary', 'agencies', 'applications', 'reviews', 'checks'].includes(def.name)) expect(csv.length).toBeGreaterThan(0);
    expect(hy.length).toBe(csv.length);
    expect(duck.length).toBe(csv.length);
    for (let i = 0; i < csv.length; i++) {
      expect(hy[i], `${def.name} row ${i + 1} (hyparquet vs CSV)`).toEqual(csv[i]);
      expect(duck[i], `${def.name} row ${i + 1} (DuckDB vs CSV)`).toEqual(csv[i]);
    }
    // Integers are integers and dates are ISO dates, in every reader.
    for (const r of csv) {
      for (const c of def.columns) {
        const v = r[c.name];
        if (v === null) continue;
        if (c.type === 'integer') expect(Number.isSafeInteger(v), `${def.name}.${c.name}=${v}`).toBe(true);
        if (c.type === 'number') expect(Number.isFinite(v), `${def.name}.${c.name}=${v}`).toBe(true);
        if (c.type === 'date') expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (c.values) expect(c.values, `${def.name}.${c.name}`).toContain(v);
      }
    }
  });
});

describe('the whole build', () => {
  it('has one reports and one summary row per seed', () => {
    expect(viaCsv(TABLES.find((t) => t.name === 'reports')!).map((r) => r.source_file).sort()).toEqual(SEEDS.map((s) => s.file));
    expect(viaCsv(TABLES.find((t) => t.name === 'summary')!)).toHaveLength(SEEDS.length);
  });

  it('answers the acceptance query with exactly [[2019, 49], [2023, 100]]', async () => {
    await conn.run(`SET file_search_path = '${out.replaceAll("'", "''")}'`);
    const r = await conn.runAndReadAll(
      `SELECT s.year, s.proactive_total FROM 'summary.parquet' s JOIN 'agencies.parquet' a USING (agency_id) WHERE a.lineage_id = (SELECT lineage_id FROM 'agencies.parquet' WHERE name LIKE '%长治市中小企业%' LIMIT 1) ORDER BY s.year;`);
    expect(r.getRowsJS().map((row) => row.map(norm))).toEqual([[2019, 49], [2023, 100]]);
  });

  it('datapackage.json lists every table with every column of TABLES, in order, and the right files', () => {
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    expect(pkg.profile).toBe('tabular-data-package');
    const resources: { name: string; path: string; format?: string; bytes?: number; hash?: string; schema: { fields: { name: string; type: string }[]; primaryKey?: string[] } }[] = pkg.resources;
    for (const def of TABLES) {
      const csv = resources.find((r) => r.path === `${def.name}.csv`);
      expect(csv, `${def.name}.csv in datapackage.json`).toBeDefined();
      expect(csv!.name).toBe(def.name);
      expect(csv!.schema.fields.map((f) => f.name)).toEqual(def.columns.map((c) => c.name));
      expect(csv!.schema.fields.map((f) => f.type)).toEqual(def.columns.map((c) => c.type));
      expect(csv!.schema.primaryKey).toEqual([...def.key]);
      const pq = resources.find((r) => r.path === `${def.name}.parquet`);
      expect(pq, `${def.name}.parquet in datapackage.json`).toBeDefined();
      expect(pq!.schema.fields.map((f) => f.name)).toEqual(def.columns.map((c) => c.name));
      // Sizes and hashes describe the files actually written.
      for (const r of [csv!, pq!]) {
        const bytes = readFileSync(join(out, r.path));
        if (r.bytes !== undefined) expect(r.bytes, r.path).toBe(bytes.byteLength);
        if (r.hash !== undefined) {
          expect(r.hash, r.path).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
        }
      }
    }
    // No resource points at a file that was not written or a table that does not exist.
    for (const r of resources) expect(TABLES.map((t) => [`${t.name}.csv`, `${t.name}.parquet`]).flat()).toContain(r.path);
  });
});
