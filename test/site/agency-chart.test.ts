/**
 * Agency charts made from one small data file per agency (src/site/agency-data.ts,
 * src/shared/agency-chart.ts) over the seeds' data build: the file's content, the chart drawn
 * from it in both languages, the checks a fetched file passes, the embed codes, and the routes:
 * the build makes one data file per agency and no chart files or embed pages per agency.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { agencyChart, readAgencyData, AGENCY_MEASURES } from '../../src/shared/agency-chart.ts';
import { seedBuild } from '../pipeline/helpers.ts';

type Mods = {
  agency: typeof import('../../src/site/agency-data.ts');
  model: typeof import('../../src/site/model.ts');
  charts: typeof import('../../src/site/charts.ts');
  embed: typeof import('../../src/site/embed.ts');
  i18n: typeof import('../../src/site/i18n.ts');
  version: typeof import('../../src/site/version.ts');
  chartFiles: typeof import('../../src/pages/charts/[file].ts');
  dataFiles: typeof import('../../src/pages/data/v/[version]/agency/[file].ts');
};
let m: Mods;

beforeAll(async () => {
  const seeds = await seedBuild();
  expect(seeds.run.code, seeds.run.stderr).toBe(0);
  process.env.ATLAS_DATA_DIR = seeds.out;
  m = {
    agency: await import('../../src/site/agency-data.ts'),
    model: await import('../../src/site/model.ts'),
    charts: await import('../../src/site/charts.ts'),
    embed: await import('../../src/site/embed.ts'),
    i18n: await import('../../src/site/i18n.ts'),
    version: await import('../../src/site/version.ts'),
    chartFiles: await import('../../src/pages/charts/[file].ts'),
    dataFiles: await import('../../src/pages/data/v/[version]/agency/[file].ts'),
  };
}, 120_000);

const changzhi = () => m.model.lineageOf('changzhi-sme')!;

describe('an agency\'s data file', () => {
  test('names, years and per report its agency as printed, the English label, the year and the four measures', () => {
    const d = m.agency.agencyData(changzhi());
    expect(d).toMatchObject({ lineage_id: 'changzhi-sme', name: '长治市中小企业服务中心', years: [2019, 2023] });
    expect(d.name_en).toMatch(/^[\x20-\x7e]+$/);
    expect(d.reports.map((r) => [r.report_id, r.agency_name, r.year, r.proactive_total])).toEqual([
      ['changzhi-sme-bureau-2019', '长治市中小企业局', 2019, 49],
      ['changzhi-sme-center-2023', '长治市中小企业服务中心', 2023, 100],
    ]);
    for (const r of d.reports) {
      expect(Object.keys(r)).toEqual(['report_id', 'agency_name', 'agency_id', 'agency_en', 'year', ...AGENCY_MEASURES]);
      expect(r.agency_en).toMatch(/^[\x20-\x7e]+$/);
    }
    // The rename: two agencies, two English labels.
    expect(new Set(d.reports.map((r) => r.agency_en)).size).toBe(2);
  });

  test('small, one line, the same bytes every time, and it passes the browser\'s check', () => {
    const json = m.agency.agencyDataJson(changzhi());
    expect(json).toBe(m.agency.agencyDataJson(changzhi()));
    expect(json.split('\n')).toHaveLength(2);
    expect(Buffer.byteLength(json)).toBeLessThan(2_000);
    expect(readAgencyData(JSON.parse(json))).toEqual(m.agency.agencyData(changzhi()));
  });

  test('a file that is not one is refused', () => {
    const good = m.agency.agencyData(changzhi());
    expect(readAgencyData(null)).toBeNull();
    expect(readAgencyData('x')).toBeNull();
    expect(readAgencyData({ ...good, name: 3 })).toBeNull();
    expect(readAgencyData({ ...good, years: ['2019'] })).toBeNull();
    expect(readAgencyData({ ...good, reports: [{ ...good.reports[0], proactive_total: '49' }] })).toBeNull();
    expect(readAgencyData({ ...good, reports: [{ ...good.reports[0], applications_new: undefined }] })).toBeNull();
  });
});

describe('the chart drawn from it', () => {
  test('title, table, CSV rows and SVG in both languages; the tooltips name the agency as it was called that year', () => {
    const zh = m.agency.agencyChartAt(changzhi(), 'proactive_total', 'zh');
    const en = m.agency.agencyChartAt(changzhi(), 'proactive_total', 'en');
    expect(zh.title).toBe('长治市中小企业服务中心：主动公开合计');
    expect(en.title).toBe(`${m.agency.agencyData(changzhi()).name_en}: ${en.table.head[1]}`);
    expect(en.table.head[0]).toBe('Year');
    expect(zh.csv.columns).toEqual(['lineage_id', 'report_id', 'agency_name', 'year', 'proactive_total']);
    for (const [c, width] of [[zh, 640], [zh, 360], [en, 640]] as const) {
      const svg = c.svg(width);
      expect(svg).toMatch(/^<svg /);
      expect(svg).toContain('role="img"');
      expect(svg).toContain(`viewBox="0 0 ${width} 240"`);
    }
    expect(zh.svg()).toContain('<title>长治市中小企业局 2019: 49</title>');
    expect(zh.svg()).toContain('<title>长治市中小企业服务中心 2023: 100</title>');
    const enFirst = m.agency.agencyData(changzhi()).reports[0]!.agency_en;
    expect(en.svg()).toContain(`<title>${enFirst} 2019: 49</title>`);
  });

  test('the same markup from the shared module with another document (as in the browser)', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const c = agencyChart(m.agency.agencyData(changzhi()), 'proactive_total', 'zh', m.i18n.chartWords('zh'), document as unknown as Document);
    expect(c.svg()).toBe(m.agency.agencyChartAt(changzhi(), 'proactive_total', 'zh').svg());
  });

  test('a measure no report gives: the chart says so instead of drawing zeros', () => {
    const d = m.agency.agencyData(changzhi());
    const blank = { ...d, reports: d.reports.map((r) => ({ ...r, litigation_total: null })) };
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const c = agencyChart(blank, 'litigation_total', 'en', m.i18n.chartWords('en'), document as unknown as Document);
    expect(c.table.rows.map((r) => r.cells)).toEqual([[null], [null]]);
    expect(c.svg()).toContain('>No data<');
  });
});

describe('embed codes and routes', () => {
  test('an embed code\'s frame: the chart\'s title and a fallback height that shows the whole page from 320 to 660 px', () => {
    const d = m.agency.agencyData(changzhi());
    const zh = m.embed.agencyEmbedFrame('zh', d, 'applications_new');
    const en = m.embed.agencyEmbedFrame('en', d, 'applications_new');
    expect(zh.title).toBe('长治市中小企业服务中心：本年新收申请');
    expect(en.title).toBe(`${d.name_en}: New applications`);
    expect(zh.maxWidth).toBe(660);
    // The phone version just below 640 px is the tallest: a 360×240 chart scaled to 619 px is 413 px, plus the words.
    for (const f of [zh, en]) {
      expect(f.height % 10).toBe(0);
      expect(f.height).toBeGreaterThan(413 + 100);
      expect(f.height).toBeLessThan(800);
    }
  });

  test('the build makes one data file per agency, and chart files for the home charts only, however many agencies', () => {
    const lineages = m.model.lineages();
    const files = m.chartFiles.getStaticPaths().map((p) => p.params.file);
    expect(files).toHaveLength(m.charts.HOME_CHARTS.length * 5);
    for (const l of lineages) expect(files.some((f) => f.startsWith(`${l.id}-`)), l.id).toBe(false);
    const data = m.dataFiles.getStaticPaths();
    expect(data.map((p) => p.params.file)).toEqual(lineages.map((l) => `${l.id}.json`));
    expect(new Set(data.map((p) => p.params.version))).toEqual(new Set([m.version.dataVersion().version]));
  });
});
