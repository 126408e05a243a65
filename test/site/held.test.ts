/**
 * The site build never holds a table of many rows per report: report pages read their own rows
 * by byte offset and the Data page counts rows without parsing them. At 10,000 reports holding
 * `applications` alone took over a gigabyte (a heap snapshot found its 220 MB CSV string kept alive
 * by the rows sliced from it), and the build ran out of memory.
 */
import { beforeAll, expect, test } from 'vitest';
import { TABLES } from '../../src/schema/index.ts';
import { seedBuild } from '../pipeline/helpers.ts';

type Data = typeof import('../../src/site/data.ts');
let data: Data;
let downloads: typeof import('../../src/site/downloads.ts');
let model: typeof import('../../src/site/model.ts');

beforeAll(async () => {
  const seeds = await seedBuild();
  expect(seeds.run.code, seeds.run.stderr).toBe(0);
  process.env.ATLAS_DATA_DIR = seeds.out;
  data = await import('../../src/site/data.ts');
  downloads = await import('../../src/site/downloads.ts');
  model = await import('../../src/site/model.ts');
}, 300_000);

/** Whether a table of the loaded dataset was parsed whole (its lazy getter replaced by the rows). */
const parsed = (name: string) => !Object.getOwnPropertyDescriptor(data.loadData(), name)!.get;

test('row counts, report rows and skipped checks come without parsing any table of many rows', () => {
  const dl = downloads.downloads();
  const reports = data.loadData().reports;
  const skipped = model.skippedByReport(reports);
  const { PER_REPORT } = data;
  expect(PER_REPORT).toContain('applications');
  const rows = Object.fromEntries(PER_REPORT.map((n) => [n, reports.flatMap((r) => data.reportRows(n, r.report_id))]));
  for (const n of PER_REPORT) expect(parsed(n), n).toBe(false);
  // …and they are what a whole parse gives.
  for (const t of TABLES) expect(dl.tables.find((x) => x.name === t.name)!.rows, t.name).toBe(data.readTable(t.name).length);
  for (const n of PER_REPORT) expect(rows[n], n).toEqual(data.readTable(n));
  expect(PER_REPORT.length + 3).toBe(TABLES.length);
  expect([...skipped.values()].reduce((a, b) => a + b, 0)).toBe(data.readTable('checks').filter((c) => c.status === 'skipped').length);
  expect(skipped.size).toBeGreaterThan(0);
});
