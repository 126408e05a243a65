/**
 * Build-time site code without a browser: CSV loading typed by the schema, the XLSX writer, URL
 * helpers, chart specs and downloads, over the seeds' data build (shared by the run's test files).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { TABLES } from '../../src/schema/index.ts';
import { seedBuild } from '../pipeline/helpers.ts';

let out: string;

type Site = {
  data: typeof import('../../src/site/data.ts');
  xlsx: typeof import('../../src/site/xlsx.ts');
  url: typeof import('../../src/site/url.ts');
  charts: typeof import('../../src/site/charts.ts');
  model: typeof import('../../src/site/model.ts');
  downloads: typeof import('../../src/site/downloads.ts');
  agency: typeof import('../../src/site/agency-data.ts');
};
let site: Site;

beforeAll(async () => {
  // The seeds' facts: built from the seeds alone (the build the run shares; read only).
  const seeds = await seedBuild();
  expect(seeds.run.code, seeds.run.stderr).toBe(0);
  out = seeds.out;
  // The site modules read their data folder when they load.
  process.env.ATLAS_DATA_DIR = out;
  site = {
    data: await import('../../src/site/data.ts'),
    xlsx: await import('../../src/site/xlsx.ts'),
    url: await import('../../src/site/url.ts'),
    charts: await import('../../src/site/charts.ts'),
    model: await import('../../src/site/model.ts'),
    downloads: await import('../../src/site/downloads.ts'),
    agency: await import('../../src/site/agency-data.ts'),
  };
}, 120_000);

describe('data loading', () => {
  test('types every field by its schema column; an empty field is null, never 0', () => {
    const rows = site.data.parseTable('proactive', 'report_id,category,category_label,items,share_pct,line\nr-2019,total,合计,49,,13\nr-2019,other,其他,,4.1,\n');
    expect(rows).toEqual([
      { report_id: 'r-2019', category: 'total', category_label: '合计', items: 49, share_pct: null, line: 13 },
      { report_id: 'r-2019', category: 'other', category_label: '其他', items: null, share_pct: 4.1, line: null },
    ]);
  });

  test('a missing column or a non-number fails loudly', () => {
    expect(() => site.data.parseTable('proactive', 'report_id,category\nx,y\n')).toThrow(/category_label is missing/);
    expect(() => site.data.parseTable('proactive', 'report_id,category,category_label,items,share_pct,line\nr,total,合计,many,,1\n')).toThrow(/not a integer/);
  });

  test('every published table loads', () => {
    const d = site.data.loadData();
    expect(d.reports.length).toBeGreaterThan(0);
    expect(d.summary.length).toBe(d.reports.length);
    expect(typeof d.summary[0]!.year).toBe('number');
  });

  test('source lines are numbered as the parser numbers them', () => {
    const d = site.data.loadData();
    const r = d.reports.find((r) => r.report_id === 'changzhi-sme-center-2023')!;
    const lines = site.data.sourceLines(r.source_file);
    const total = d.proactive.find((p) => p.report_id === r.report_id && p.category === 'total')!;
    expect(lines[total.line! - 1]).toContain('100');
    expect(() => site.data.sourceLines('../package.json')).toThrow(/bad source file/);
    expect(site.data.sourceLines('no-such-file.txt')).toEqual([]);
  });
});

describe('lineages and regions', () => {
  test('the Changzhi lineage joins the bureau and the centre, oldest name first', () => {
    const l = site.model.lineageOf('changzhi-sme')!;
    expect(l.names.map((n) => n.name)).toEqual(['长治市中小企业局', '长治市中小企业服务中心']);
    expect(l.name).toBe('长治市中小企业服务中心');
    expect(l.years).toEqual([2019, 2023]);
  });

  test('the region tree holds every lineage once', () => {
    const { tree, unknown } = site.model.regionTree();
    const all = (n: { lineages: unknown[]; children: never[] }): number => n.lineages.length + n.children.reduce((a, c) => a + all(c), 0);
    expect(tree.reduce((a, n) => a + all(n as never), 0) + unknown.length).toBe(site.model.lineages().length);
  });
});

describe('charts', () => {
  test('ids are unique and every chart renders accessible SVG in both languages', () => {
    const all = site.charts.charts();
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    for (const c of all) {
      for (const lang of ['zh', 'en'] as const) {
        for (const width of [640, site.charts.NARROW]) {
          const svg = c.svg(lang, width);
          expect(svg).toMatch(/^<svg /);
          expect(svg).toContain('role="img"');
          expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
          expect(svg).not.toMatch(/<g[^>]*aria-label/);
          expect(svg).toContain(`viewBox="0 0 ${width} `);
        }
      }
    }
  });

  test('the Changzhi proactive chart (drawn from its data file) has 49 for 2019 and 100 for 2023', () => {
    const c = site.agency.agencyChartAt(site.model.lineageOf('changzhi-sme')!, 'proactive_total', 'zh');
    expect(c.id).toBe('changzhi-sme-proactive-total');
    expect(c.table.rows).toEqual([{ label: '2019', cells: [49] }, { label: '2023', cells: [100] }]);
    expect(c.csv.rows).toContainEqual(['changzhi-sme', 'changzhi-sme-bureau-2019', '长治市中小企业局', 2019, 49]);
  });

  test('the build draws the home charts only: none per agency', () => {
    expect(site.charts.charts().map((c) => c.id)).toEqual(site.charts.HOME_CHARTS);
  });

  test('blank values stay blank in chart data', () => {
    const c = site.charts.chart('applications-by-year');
    const y2019 = c.table('en').rows.find((r) => r.label === '2019')!;
    // The 2019 report leaves table 三's result rows blank: no group sum is invented.
    expect(y2019.cells.slice(1, 7)).toEqual([null, null, null, null, null, null]);
  });
});

describe('xlsx and zip', () => {
  test('column names', () => {
    expect([0, 25, 26, 701, 702].map(site.xlsx.columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });

  test('a workbook: escaped strings, numbers, nulls left empty, same bytes every time', () => {
    const sheets = [{ name: 'a/b:c', rows: [['name', 'n'], ['<&> "x"', 3.5], [null, 2]] }];
    const bytes = site.xlsx.xlsx(sheets);
    expect(site.xlsx.xlsx(sheets)).toEqual(bytes);
    const zip = unzipSync(bytes);
    expect(strFromU8(zip['xl/workbook.xml']!)).toContain('<sheet name="a_b_c"');
    const sheet = strFromU8(zip['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('&lt;&amp;&gt; &quot;x&quot;');
    expect(sheet).toContain('<c r="B2"><v>3.5</v></c>');
    expect(sheet).toContain('<row r="3"><c r="B3"><v>2</v></c></row>');
  });

  test('the published workbook (written by build:data) has every table as a sheet with all its rows', () => {
    const zip = unzipSync(readFileSync(join(out, 'disclosure-atlas.xlsx')));
    const d = site.data.loadData();
    TABLES.forEach((t, i) => {
      const xml = strFromU8(zip[`xl/worksheets/sheet${i + 1}.xml`]!);
      expect((xml.match(/<row /g) ?? []).length, t.name).toBe((d[t.name as keyof typeof d] as unknown[]).length + 1);
    });
  });

  test('the Data page lists every file of the data folder with its size and checksum, the workbook and zip included', () => {
    const dl = site.downloads.downloads();
    expect(dl.tables.map((t) => t.name)).toEqual(TABLES.map((t) => t.name));
    expect(dl.tables.every((t) => /^[0-9a-f]{64}$/.test(t.csv.sha256) && t.csv.bytes > 0)).toBe(true);
    expect(dl.extra.map((f) => f.path)).toEqual(['data/datapackage.json', 'data/README.md', 'data/disclosure-atlas.xlsx', 'data/disclosure-atlas.zip']);
    for (const f of [...dl.extra, ...dl.tables.flatMap((t) => [t.csv, t.parquet])]) {
      const bytes = readFileSync(join(out, f.name));
      expect(f.bytes, f.name).toBe(bytes.length);
      expect(f.sha256, f.name).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(site.downloads.savedName('disclosure-atlas.zip', '2026-04-17.be74630')).toBe('disclosure-atlas_2026-04-17.be74630.zip');
    expect(site.downloads.savedName('summary.csv', '2026-04-17.be74630')).toBe('summary.csv');
  });

  test("the workbook's creator (written by build:data, which cannot import the site's strings) is the site's name in both languages", async () => {
    const { CREATOR } = await import('../../src/files/downloads.ts');
    const { t } = await import('../../src/site/i18n.ts');
    expect(CREATOR).toBe(`${t('zh', 'siteName')} ${t('en', 'siteName')}`);
  });
});

describe('urls', () => {
  test('pages under the base, Chinese at the root and English under en/', () => {
    expect(site.url.withBase('/data/x.csv')).toBe(`${site.url.base()}data/x.csv`);
    expect(site.url.pageHref('en', site.url.slugs.agency('x'))).toBe(`${site.url.base()}en/agency/x/`);
    expect(site.url.pageHref('zh', '')).toBe(site.url.base());
    expect(site.url.slugOf(`${site.url.base()}en/report/r/`)).toBe('report/r/');
    expect(site.url.slugOf(`${site.url.base()}en`)).toBe('');
  });
});
