/**
 * The notebook's ready examples on the real data: every SQL cell of every example, in both
 * languages, runs in DuckDB over the published Parquet files and returns rows, and the findings
 * they promise are there (the balance example lists reports that really do not balance).
 */
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXAMPLES } from '../../src/query/examples.ts';
import { TABLES } from '../../src/schema/index.ts';
import { dataBuild } from '../pipeline/helpers.ts';

let out: string, db: DuckDBInstance, conn: DuckDBConnection;
type Row = Record<string, unknown>;
const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number | null));

beforeAll(async () => {
  // The real data: the seeds and the Pingtan reports of src/data/reports (built once per run, shared; read only).
  const data = await dataBuild();
  expect(data.run.code, data.run.stderr).toBe(0);
  out = data.out;
  db = await DuckDBInstance.create(':memory:');
  conn = await db.connect();
  for (const t of TABLES) await conn.run(`CREATE VIEW ${t.name} AS SELECT * FROM read_parquet('${join(out, `${t.name}.parquet`)}')`);
}, 120_000);
afterAll(() => {
  conn?.closeSync();
  db?.closeSync();
});

const run = async (sql: string): Promise<Row[]> => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Row[];
const sqlCells = (id: string, lang: 'zh' | 'en') =>
  EXAMPLES.find((e) => e.id === id)!.notebook(lang).cells.flatMap((c) => (c.type === 'sql' ? [c.sql] : []));

describe('notebook examples on the real data', () => {
  test('every SQL cell of every example returns rows, in both languages', async () => {
    for (const ex of EXAMPLES) {
      for (const lang of ['zh', 'en'] as const) {
        for (const sql of sqlCells(ex.id, lang)) {
          const rows = await run(sql);
          expect(rows.length, `${ex.id} (${lang}): ${sql.split('\n')[1]}`).toBeGreaterThan(0);
        }
      }
    }
  });

  test('every chart cell names columns of the result it draws', async () => {
    for (const ex of EXAMPLES) {
      let columns: string[] = [];
      for (const c of ex.notebook('en').cells) {
        if (c.type === 'sql') columns = (await conn.runAndReadAll(c.sql)).columnNames();
        else for (const k of [c.x, c.y, c.color].filter(Boolean)) expect(columns, `${ex.id}: ${k}`).toContain(k);
      }
    }
  });

  test('the balance example lists reports that really do not balance', async () => {
    const [failing, perAgency] = await Promise.all(sqlCells('balance', 'en').map(run));
    expect(failing!.length).toBeGreaterThanOrEqual(3);
    for (const r of failing!) {
      const lhs = num(r.received)! + num(r.carried_over)!;
      const rhs = num(r.handled)! + num(r.carried_forward)!;
      expect(lhs, String(r.report_id)).not.toBe(rhs);
    }
    // The economy bureau received applications in 2023, 2024 and 2025 and reported none handled.
    expect(failing!.filter((r) => String(r.report_id).startsWith('pingtan-economy-')).map((r) => num(r.year))).toEqual([2023, 2024, 2025]);
    expect(perAgency!.map((r) => r.lineage_id)).toContain('pingtan-economy');
  });

  test('the lineage example follows one agency across its renaming', async () => {
    const [years, categories] = await Promise.all(sqlCells('lineage', 'zh').map(run));
    expect(years!.map((r) => num(r.year))).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(new Set(years!.map((r) => r.agency_name))).toEqual(new Set(['平潭综合实验区国有资产管理局', '平潭综合实验区投资促进局']));
    const proactive = years!.map((r) => num(r.proactive_total));
    expect(Math.max(...(proactive as number[]))).toBe(74);
    expect(proactive.at(-1)).toBeLessThan(10);
    expect(categories!.length).toBeGreaterThan(0);
  });

  test('the outcomes example sums years of real applications', async () => {
    const [byYear] = await Promise.all(sqlCells('handled', 'en').map(run));
    expect(byYear!.length).toBeGreaterThanOrEqual(7);
    expect(byYear!.reduce((a, r) => a + num(r.received)!, 0)).toBeGreaterThan(100);
  });
});
