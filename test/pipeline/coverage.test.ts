/**
 * Coverage: every report counts the cells of the prescribed form it should have and those it read.
 * The counts are checked against numbers made by hand from the form and from the golden seeds.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/agencies/index.ts';
import { coverage } from '../../src/check/coverage.ts';
import { parseFile, parseReport } from '../../src/parse/index.ts';
import { table } from '../../src/schema/index.ts';
import { buildDataset, tables } from '../../src/tables/index.ts';
import { GOLDEN } from '../golden/seeds.ts';
import { buildData, readCsv, SEEDS } from './helpers.ts';

const registry = loadRegistry();
const seedText = (file: string) => SEEDS.find((s) => s.file === file)!.text;
const input = (file: string, text: string) => ({ file, bytes: new TextEncoder().encode(text) });
/** Seed 000 without the body of table 三 (its section heading stays). */
const withoutTable3 = () => {
  const lines = seedText('000_49efb77cae9f07bc.txt').split('\n');
  const at = lines.findIndex((l) => l.startsWith('三、收到和处理政府信息公开申请情况'));
  const end = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
  expect([at, end].every((i) => i > 0) && end > at).toBe(true);
  return [...lines.slice(0, at + 1), ...lines.slice(end)].join('\n');
};

describe('coverage(report)', () => {
  it('counts the prescribed cells by hand: 201 for the 2021 form, 199 for the 2019 form', () => {
    // 2021: table 二 20.1 2×3 + 20.5 1×1 + 20.6 2×1 + 20.8 1×1 = 10; table 三 25 rows × 7 = 175; table 四 15; section 一 total 1.
    const c2021 = coverage(parseReport(seedText('000_49efb77cae9f07bc.txt')));
    expect(c2021.template).toBe('2021');
    expect(c2021.parts).toEqual({
      proactive: { expected: 1, read: 1 }, article20: { expected: 10, read: 10 },
      applications: { expected: 175, read: 175 }, reviews: { expected: 15, read: 15 },
    });
    expect([c2021.read, c2021.expected]).toEqual([201, 201]);
    // 2019: table 二 20.1 2×3 + 20.5 2×3 + 20.6 2×3 + 20.8 1×2 + 20.9 1×2 = 22; table 三 23 × 7 = 161; table 四 15; 1.
    // Read by hand from the 2019 Changzhi DOCX: 自然人 and 总计 of four rows in table 三 (8), one cell of table 四.
    const c2019 = coverage(parseReport(seedText('001_83e47e52eeac055c.txt')));
    expect(c2019.parts).toEqual({
      proactive: { expected: 1, read: 1 }, article20: { expected: 22, read: 22 },
      applications: { expected: 161, read: 8 }, reviews: { expected: 15, read: 1 },
    });
    expect([c2019.read, c2019.expected]).toEqual([32, 199]);
  });

  it.each(GOLDEN)('$file: cells read equals the non-blank cells of the golden values', (g) => {
    const nonNull = (xs: readonly (number | null)[]) => xs.filter((x) => x !== null).length;
    const expected = { '2019': 199, '2021': 201 }[g.template];
    const rows = { '2019': 23, '2021': 25 }[g.template];
    const listed = Object.values(g.applications ?? {});
    const apps = nonNull(listed.flat()) + (g.applicationsAllZero ? (rows - listed.length) * 7 : 0);
    const hand = (g.proactiveTotal === null ? 0 : 1) + nonNull(Object.values(g.article20)) + apps + nonNull(g.reviews);
    const c = coverage(parseReport(seedText(g.file)));
    expect([c.read, c.expected]).toEqual([hand, expected]);
  });

  it('a report without a template counts the form of its year, and 2021 without a year', () => {
    const noTemplate = { ...parseReport(seedText('001_83e47e52eeac055c.txt')), template: null };
    expect(coverage(noTemplate).expected).toBe(199);
    expect(coverage(parseReport('')).expected).toBe(201);
    expect(coverage(parseReport('')).read).toBe(0);
  });
});

describe('the status rule in buildDataset', () => {
  it('a report with table 三 removed reads fewer cells and is not ok', () => {
    const [full, cut] = buildDataset([input('a.txt', seedText('000_49efb77cae9f07bc.txt')), input('b.txt', withoutTable3())], registry);
    expect(full!.report.status).toBe('ok');
    expect(full!.coverage.read).toBe(full!.coverage.expected);
    expect(cut!.coverage.expected).toBe(201);
    expect(cut!.coverage.read).toBe(201 - 175);
    expect(cut!.report.status).not.toBe('ok');
  });

  it('a report the parser calls ok but with prescribed cells unread gets a coverage_incomplete warning', () => {
    const file = '001_83e47e52eeac055c.txt';
    expect(parseFile(new TextEncoder().encode(seedText(file)), file).report.status).toBe('ok');
    const [e] = buildDataset([input(file, seedText(file))], registry);
    expect(e!.report.status).toBe('warnings');
    const w = e!.report.warnings.filter((x) => x.code === 'coverage_incomplete');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: 'warning', line: null });
    expect(w[0]!.zh).toContain('167');
    expect(w[0]!.en).toContain('167 of 199 prescribed cells not read');
    expect(w[0]!.message).toBe(`${w[0]!.zh} ${w[0]!.en}`);
    // The published rows agree.
    const t = tables([e!], registry);
    const row = (name: string) => t.find((x) => x.def.name === name)!.rows[0]!;
    for (const name of ['reports', 'summary']) expect(row(name)).toMatchObject({ status: 'warnings', cells_expected: 199, cells_read: 32 });
    expect(row('reports').warnings).toBe(1);
  });

  it('a complete report, and one already with warnings, get no coverage warning', () => {
    const entries = buildDataset(SEEDS.map((s) => input(s.file, s.text)), registry);
    const coded = entries.filter((e) => e.report.warnings.some((w) => w.code === 'coverage_incomplete')).map((e) => e.file);
    expect(coded).toEqual(['001_83e47e52eeac055c.txt']);
    for (const e of entries) if (e.coverage.read === e.coverage.expected) expect(e.report.warnings.map((w) => w.code)).not.toContain('coverage_incomplete');
  });
});

describe('cells_expected and cells_read in the published files', () => {
  let tmp: string, out: string;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'pipeline-coverage-'));
    const reports = join(tmp, 'reports');
    mkdirSync(reports);
    for (const s of SEEDS) writeFileSync(join(reports, s.file), s.text);
    writeFileSync(join(reports, 'zz-no-table3.txt'), withoutTable3());
    out = join(tmp, 'out');
    const run = await buildData(reports, out);
    expect(run.code, run.stderr).toBe(0);
  }, 60_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it.each(['reports', 'summary'])('%s.csv and %s.parquet carry them, equal to coverage() of each report', async (name) => {
    const csv = readCsv(join(out, `${name}.csv`));
    expect(csv.fields).toEqual(expect.arrayContaining(['cells_expected', 'cells_read']));
    const pq = await parquetReadObjects({ file: await asyncBufferFromFile(join(out, `${name}.parquet`)) });
    expect(pq).toHaveLength(csv.rows.length);
    const reportsCsv = readCsv(join(out, 'reports.csv')).rows;
    const byId = new Map(reportsCsv.map((r) => [r.report_id, r.source_file]));
    for (const [i, r] of csv.rows.entries()) {
      const file = byId.get(r.report_id!)!;
      const text = file === 'zz-no-table3.txt' ? withoutTable3() : seedText(file);
      const c = coverage(parseFile(new TextEncoder().encode(text), file).report);
      expect([file, Number(r.cells_expected), Number(r.cells_read)]).toEqual([file, c.expected, c.read]);
      expect([file, Number(pq[i]!.cells_expected), Number(pq[i]!.cells_read)]).toEqual([file, c.expected, c.read]);
      if (file === 'zz-no-table3.txt') {
        expect([Number(r.cells_read), r.status]).toEqual([26, 'warnings']);
      }
    }
  });

  it('datapackage.json describes both columns as integers with the schema\'s Chinese and English labels; the README names them', () => {
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    for (const name of ['reports', 'summary']) {
      const fields: { name: string; type: string; title?: string; description?: string }[] = pkg.resources.find((r: { path: string }) => r.path === `${name}.csv`).schema.fields;
      for (const col of ['cells_expected', 'cells_read']) {
        const f = fields.find((x) => x.name === col);
        expect(f, `${name}.${col}`).toBeDefined();
        expect(f!.type).toBe('integer');
        const def = table(name as 'reports' | 'summary').columns.find((c) => c.name === col)!;
        expect([f!.title, f!.description]).toEqual([def.zh, def.en]);
        expect(def.zh).toMatch(/规定单元格/);
      }
    }
    const readme = readFileSync(join(out, 'README.md'), 'utf8');
    expect(readme).toContain('cells_expected');
    expect(readme).toContain('cells_read');
  });
});
