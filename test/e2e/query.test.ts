/**
 * The query pages in a real browser: the compare tool, its embed and the data notebook on
 * DuckDB-WASM, in Debian's Chromium against the production build (base /atlas/) served from
 * 127.0.0.1. Every request that leaves 127.0.0.1 is aborted and fails the suite.
 *
 * The site is built once per test run for every browser test file (helpers.ts buildOnce, into
 * node_modules/.cache/atlas-site, never dist/). ATLAS_QUERY_DIST=<dir> uses an existing build under /atlas/ instead (quick local runs).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  compareRows, compareSql, parseState, stateQuery, SUMMARY_MEASURES, T3_APPLICANTS, T3_ROWS,
  type Catalog, type CompareState,
} from '../../src/query/compare-model.ts';
import { EXAMPLES } from '../../src/query/examples.ts';
import { decodeNotebook, encodeNotebook } from '../../src/query/permalink.ts';
import { DIST, HAS_CHROMIUM, launch, siteUnderTest, suiteName, watchedContext, type Watched } from './helpers.ts';
import { serve, type StaticServer } from '../../scripts/browser.ts';
import { dataBuild } from '../pipeline/helpers.ts';
import { deflateSync, strToU8 } from 'fflate';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Without a browser: the compare tool's two routes to an answer (SQL for DuckDB, and the Parquet
 * rows for the first chart) agree on the real data, and permalinks hold only what they may.
 */
describe('compare model and permalinks', () => {
  let out: string;
  let db: DuckDBInstance;
  let conn: DuckDBConnection;
  let cat: Catalog;
  type Plain = string | number | boolean | null;
  let summary: Record<string, Plain>[];
  let applications: Record<string, Plain>[];

  beforeAll(async () => {
    // The real data (src/data/reports), built once per run and shared with other test files (read only).
    const data = await dataBuild();
    expect(data.run.code, data.run.stderr).toBe(0);
    out = data.out;
    db = await DuckDBInstance.create(':memory:');
    conn = await db.connect();
    const read = async (name: string) => {
      const buf = readFileSync(join(out, `${name}.parquet`));
      const rows = await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer });
      await conn.run(`CREATE TABLE ${name} AS SELECT * FROM read_parquet('${join(out, `${name}.parquet`)}')`);
      return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString().slice(0, 10) : v as Plain])));
    };
    summary = await read('summary');
    applications = await read('applications');
    const lineages = [...new Set(summary.map((r) => String(r.lineage_id)))].sort();
    cat = {
      lineages: lineages.map((id) => {
        const rows = summary.filter((r) => r.lineage_id === id);
        const last = rows[rows.length - 1]!;
        return {
          id, name: String(last.agency_name), names: [...new Set(rows.map((r) => String(r.agency_name)))],
          region: [last.province, last.city, last.county].filter((x): x is string => typeof x === 'string'),
          years: rows.map((r) => Number(r.year)),
          agencies: [...new Set(rows.map((r) => String(r.agency_id)))].map((a) => ({ id: a, name: a })),
        };
      }),
      regions: [...new Set(summary.flatMap((r) => {
        const p = [r.province, r.city, r.county].filter((x): x is string => typeof x === 'string');
        return p.map((_, i) => p.slice(0, i + 1).join('/'));
      }))],
      years: [...new Set(summary.map((r) => Number(r.year)))].sort(),
    };
  }, 120_000);

  afterAll(() => {
    conn?.closeSync();
    db?.closeSync();
  });

  const viaSql = async (s: CompareState, top?: number) => {
    const r = await conn.runAndReadAll(compareSql(s, top));
    return r.getRowObjectsJS().map((x) => ({
      kind: x.kind, series: x.series, year: Number(x.year),
      value: x.value === null ? null : Number(x.value), reports: x.reports,
    }));
  };

  test('the SQL and the Parquet rows give the same answer, for every measure and selection', async () => {
    const base = parseState('', cat);
    const states: CompareState[] = [];
    const agencies = cat.lineages.flatMap((l) => l.agencies.map((a) => a.id));
    const selections: Partial<CompareState>[] = [
      {}, { lineages: ['changzhi-sme'] }, { agencies: agencies.slice(0, 2) }, { lineages: cat.lineages.map((l) => l.id), agencies },
      ...cat.regions.map((region) => ({ region })), { from: 2023, to: 2023 }, { from: 2020, to: 2023 },
    ];
    for (const sel of selections) {
      for (const m of SUMMARY_MEASURES) states.push({ ...base, ...sel, measure: m.name });
      for (const row of T3_ROWS) for (const ap of [T3_APPLICANTS[0]!, T3_APPLICANTS[T3_APPLICANTS.length - 1]!]) {
        states.push({ ...base, ...sel, measure: 'applications', row: row.key, applicant: ap.key });
      }
    }
    expect(states.length).toBeGreaterThan(300);
    for (const s of states) expect(await viaSql(s), compareSql(s)).toEqual(compareRows(s, summary, applications));
    // With nothing chosen, only the lineages with the largest totals: the same few by both routes,
    // ranked by the measure (ties by id), for every measure and region.
    const open = states.filter((s) => !s.lineages.length && !s.agencies.length);
    for (const s of open) {
      const sql = await viaSql(s, 3);
      expect(sql, compareSql(s, 3)).toEqual(compareRows(s, summary, applications, 3));
      expect(new Set(sql.map((p) => p.series)).size).toBeLessThanOrEqual(3);
    }
    const all = compareRows(base, summary, applications, 1000);
    const totals = new Map<string, number>();
    for (const p of all) totals.set(p.series, (totals.get(p.series) ?? 0) + (p.value ?? 0));
    const top3 = [...totals].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, 3).map(([id]) => id).sort();
    expect([...new Set(compareRows(base, summary, applications, 3).map((p) => p.series))].sort()).toEqual(top3);
    // The headline: Changzhi, 49 then 100.
    const changzhi = await viaSql({ ...base, lineages: ['changzhi-sme'] });
    expect(changzhi.map((p) => [p.year, p.value])).toEqual([[2019, 49], [2023, 100]]);
  });

  test('the state round-trips through the URL; what is not in the catalog is dropped', () => {
    const s = parseState('?lineage=changzhi-sme,nope,DROP%20TABLE&agency=changzhi-sme-center&region=%E5%B1%B1%E8%A5%BF%E7%9C%81&from=2023&to=2019&measure=applications&row=granted&applicant=natural_person', cat);
    expect(s).toMatchObject({ lineages: ['changzhi-sme'], agencies: ['changzhi-sme-center'], region: '山西省', from: 2019, to: 2023, measure: 'applications', row: 'granted', applicant: 'natural_person' });
    expect(parseState(stateQuery(s, cat), cat)).toEqual(s);
    const bad = parseState("?region=x'%20OR%201=1&measure=status&row=x&applicant=y", cat);
    expect(bad).toEqual(parseState('', cat));
    expect(stateQuery(parseState('', cat), cat)).toBe('');
  });

  test('permalinks: the examples round-trip; anything else is refused', () => {
    for (const ex of EXAMPLES) for (const lang of ['zh', 'en'] as const) {
      const nb = ex.notebook(lang);
      expect(decodeNotebook(encodeNotebook(nb))).toEqual(nb);
    }
    const pack = (v: unknown) => Buffer.from(deflateSync(strToU8(JSON.stringify(v)))).toString('base64url');
    expect(decodeNotebook(pack({ v: 1, c: ['SELECT 1', { m: 'dot', x: 'a', y: 'b' }] }))).toEqual({ cells: [{ type: 'sql', sql: 'SELECT 1' }, { type: 'chart', mark: 'dot', x: 'a', y: 'b' }] });
    for (const bad of [
      pack({ v: 2, c: [] }), pack({ v: 1, c: [{ m: 'pie' }] }), pack({ v: 1, c: [42] }), pack({ v: 1, c: [{ m: 'bar', x: { toString: 1 } }] }),
      pack({ v: 1, c: Array.from({ length: 61 }, () => 'SELECT 1') }), pack({ v: 1, c: ['x'.repeat(100_001)] }),
      pack({ v: 1, c: ['SELECT 1'], t: 'x'.repeat(201) }), 'not base64!', '',
      // A small link that would inflate to 5 MB.
      Buffer.from(deflateSync(new Uint8Array(5_000_000).fill(32))).toString('base64url'),
    ]) expect(() => decodeNotebook(bad), bad.slice(0, 40)).toThrow();
  });
});

describe.skipIf(!HAS_CHROMIUM)(suiteName('the query pages in Chromium'), () => {
  let dist: string;
  let server: StaticServer;
  let browser: Browser;
  let w: Watched;

  beforeAll(async () => {
    dist = await siteUnderTest('ATLAS_QUERY_DIST');
    server = await serve(dist, '/atlas/');
    browser = await launch();
    w = await watchedContext(browser, { acceptDownloads: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => {
    // No request may leave the origin, whatever the test did.
    expect(w.external).toEqual([]);
  });

  const open = async (slug: string): Promise<Page> => {
    const page = await w.page();
    const res = await page.goto(server.url + slug, { waitUntil: 'load' });
    expect(res?.status(), `${slug} status`).toBe(200);
    return page;
  };
  const engineReady = (page: Page) =>
    page.waitForFunction(() => document.querySelector('[data-engine-status]')?.getAttribute('data-phase') === 'ready', null, { timeout: 60_000 });
  const computedByDuckdb = (page: Page) =>
    page.waitForFunction(() => document.getElementById('compare-root')?.dataset.source === 'duckdb' && !document.getElementById('compare-root')?.hasAttribute('aria-busy'), null, { timeout: 60_000 });
  /** The compare table's value for a year, in the row of series `name`. */
  const cell = async (page: Page, year: string, row = 0) => {
    const heads = await page.locator('#compare-table thead th').allTextContents();
    const col = heads.indexOf(year);
    expect(col, `year ${year} in ${heads.join(' | ')}`).toBeGreaterThan(0);
    return (await page.locator('#compare-table tbody tr').nth(row).locator('th, td').nth(col).textContent())?.trim();
  };

  // Notebook helpers: the nth cell, its editor, running it and waiting for it to finish.
  const nbCell = (page: Page, i = 0) => page.locator('ol.cells > li.cell').nth(i);
  const runCell = async (page: Page, sql: string, i = 0) => {
    const c = nbCell(page, i);
    await c.locator('textarea').fill(sql);
    await c.locator('button.run').click();
    await page.waitForFunction((n) => {
      const el = document.querySelectorAll('ol.cells > li.cell')[n];
      return el && !el.hasAttribute('aria-busy');
    }, i, { timeout: 60_000 });
    return c;
  };
  const resultRows = (page: Page, i = 0) => nbCell(page, i).locator('table.result tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => td.textContent ?? '')));

  /**
   * The notebook page of a language, shared by the tests that work in a notebook: DuckDB-WASM
   * starts once per page, which is most of such a test's time. The first test gets the page as
   * loaded (the default notebook); each later one starts from an empty notebook (the page's own
   * "new notebook" button: one empty SQL cell, no title). Tests about opening a page (permalinks,
   * damaged links, the compare URL, the embed) still open their own.
   */
  const notebooks = new Map<string, Page>();
  const notebook = async (slug: 'notebook/' | 'en/notebook/'): Promise<Page> => {
    const known = notebooks.get(slug);
    if (!known || known.isClosed()) {
      const page = await open(slug);
      notebooks.set(slug, page);
      return page;
    }
    await known.locator('button[data-action="new"]').click();
    await known.waitForFunction(() => {
      const cells = document.querySelectorAll('ol.cells > li.cell');
      return cells.length === 1 && cells[0]!.querySelector('textarea')?.value === '' && !cells[0]!.hasAttribute('aria-busy')
        && (document.getElementById('nb-title') as HTMLInputElement).value === '';
    });
    return known;
  };

  test('compare: picking the Changzhi lineage shows 49 (2019) and 100 (2023); the URL reproduces it', async () => {
    const page = await open('compare/');
    await computedByDuckdb(page);
    await page.locator('#compare-search').fill('长治');
    // The search lists the agencies named 长治 or in 长治市, not every lineage.
    const option = page.locator('#compare-options li[role="option"][data-kind="lineage"][data-id="changzhi-sme"]');
    await option.waitFor();
    const listed = await page.locator('#compare-options li[data-kind="lineage"]').allTextContents();
    expect(listed.length).toBeGreaterThan(0);
    for (const text of listed) expect(text).toContain('长治');
    await option.click();
    await page.waitForURL(/lineage=changzhi-sme/);
    await computedByDuckdb(page);
    expect(await cell(page, '2019')).toBe('49');
    expect(await cell(page, '2023')).toBe('100');
    expect(await page.locator('#compare-table tbody tr').count()).toBe(1);
    const labels = await page.locator('.plot[data-chart="compare"] svg text').allTextContents();
    expect(labels).toContain('49');
    expect(labels).toContain('100');
    expect(await page.locator('#compare-source').textContent()).toMatch(/DuckDB/);
    const url = page.url();
    await page.close();

    const again = await w.page();
    await again.goto(url);
    await computedByDuckdb(again);
    expect(await again.locator('ul.chips input[name="lineage"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['changzhi-sme']);
    expect(await cell(again, '2019')).toBe('49');
    expect(await cell(again, '2023')).toBe('100');

    // A table 三 measure for one applicant column: the state follows into the URL.
    await again.locator('#compare-measure').selectOption('applications');
    await again.locator('select[name="row"]').selectOption('new_received');
    await again.locator('select[name="applicant"]').selectOption('natural_person');
    await again.waitForURL(/measure=applications&row=new_received&applicant=natural_person/);
    await computedByDuckdb(again);
    expect(await again.locator('#compare-title').textContent()).toContain('自然人');
    expect(await cell(again, '2023')).toBe('0');
    await again.close();
  });

  test('compare: downloads, embed code, and the embed page runs the same query', async () => {
    const page = await open('en/compare/?lineage=changzhi-sme');
    await computedByDuckdb(page);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-download="csv"]').click()]);
    const text = readFileSync(await csv.path(), 'utf8');
    expect(text.split('\n')[0]).toBe('kind,series,name,year,value,reports');
    expect(text).toContain('lineage,changzhi-sme,');
    expect(text).toMatch(/,2019,49,changzhi-sme-bureau-2019\n/);
    expect(text).toMatch(/,2023,100,changzhi-sme-center-2023\n/);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-download="svg"]').click()]);
    expect(readFileSync(await svg.path(), 'utf8')).toContain('xmlns="http://www.w3.org/2000/svg"');
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-png="compare"]').click()]);
    expect(png.suggestedFilename()).toMatch(/^compare-proactive_total_en_\d{4}-\d{2}-\d{2}\.[0-9a-f]{7}\.png$/);
    const snippet = await page.locator('#compare-embed').inputValue();
    expect(snippet).toMatch(new RegExp(`^<iframe src="${server.url}en/embed/compare/\\?lineage=changzhi-sme"`));
    await page.close();

    const embed = await open('en/embed/compare/?lineage=changzhi-sme');
    await computedByDuckdb(embed);
    expect(await embed.locator('header, nav, footer').count()).toBe(0);
    expect(await cell(embed, '2019')).toBe('49');
    expect(await cell(embed, '2023')).toBe('100');
    expect(await embed.locator('a[data-compare-link]').getAttribute('href')).toBe('/atlas/en/compare/?lineage=changzhi-sme');
    await embed.close();
  });

  test('notebook: a query returns the expected rows, with the count and time', async () => {
    const page = await notebook('notebook/');
    await engineReady(page);
    const c = await runCell(page, "SELECT year, agency_name, proactive_total\nFROM summary\nWHERE lineage_id = 'changzhi-sme'\nORDER BY year;");
    expect(await c.locator('.cell-error').isVisible()).toBe(false);
    expect(await resultRows(page)).toEqual([['2019', '长治市中小企业局', '49'], ['2023', '长治市中小企业服务中心', '100']]);
    expect(await c.locator('.result-status').textContent()).toMatch(/^2 行 · \d/);
    // Blank is NULL, shown as a dash, never 0.
    await runCell(page, "SELECT proactive_total FROM summary WHERE report_id = 'xiaxian-sme-center-2023'");
    expect(await resultRows(page)).toEqual([['—']]);
  });

  test('a damaged link is said to be unreadable: notebook and compare, in both languages', async () => {
    const nb = await open('en/notebook/#nb=eJyrVspUslIqz;cut');
    await nb.waitForFunction(() => !document.querySelector<HTMLElement>('.nb-problem')?.hidden);
    expect(await nb.locator('.nb-problem').textContent()).toMatch(/could not be read/);
    await nb.close();
    const zh = await open('notebook/#nb=AAAA');
    await zh.waitForFunction(() => !document.querySelector<HTMLElement>('.nb-problem')?.hidden);
    expect(await zh.locator('.nb-problem').textContent()).toMatch(/无法读取/);
    await zh.close();
    const cmp = await open('en/compare/?lineage=no-such-lineage&from=20x9');
    await cmp.waitForFunction(() => !document.querySelector<HTMLElement>('.link-problem')?.hidden);
    expect(await cmp.locator('.link-problem').textContent()).toMatch(/could not be read.*lineage, from/);
    await cmp.close();
  });

  test('notebook: a permalink reproduces the notebook and its result', async () => {
    const page = await notebook('en/notebook/');
    await engineReady(page);
    await runCell(page, "SELECT agency_id, name FROM agencies WHERE county IS NOT NULL ORDER BY agency_id");
    const expected = await resultRows(page);
    // As many as the published agencies table has with a county (the seeds' two counties, Pingtan's 17 publishers…).
    const withCounty = readFileSync(join(DIST, 'data', 'agencies.csv'), 'utf8').trim().split('\n').slice(1).filter((l) => l.split(',')[6] !== '');
    expect(expected.length).toBe(withCounty.length);
    await page.locator('button[data-action="add-chart"]').click();
    const chart = nbCell(page, 1);
    await chart.locator('select').nth(0).selectOption('dot');
    await chart.locator('select').nth(1).selectOption('agency_id');
    await chart.locator('select').nth(2).selectOption('name');
    await page.locator('#nb-title').fill('County agencies');
    await page.waitForFunction(() => (document.getElementById('nb-permalink') as HTMLInputElement).value.includes('#nb='));
    await page.waitForTimeout(400);
    const link = await page.locator('#nb-permalink').inputValue();
    expect(new URL(link).hash).toMatch(/^#nb=[A-Za-z0-9_-]+$/);

    // Opened afresh, in a page of its own.
    const again = await w.page();
    await again.goto(link);
    await engineReady(again);
    await again.waitForFunction(() => document.querySelectorAll('table.result tbody tr').length > 0, null, { timeout: 30_000 });
    expect(await again.locator('#nb-title').inputValue()).toBe('County agencies');
    expect(await nbCell(again, 0).locator('textarea').inputValue()).toContain('WHERE county IS NOT NULL');
    expect(await resultRows(again)).toEqual(expected);
    expect(await nbCell(again, 1).locator('select').nth(0).inputValue()).toBe('dot');
    await expect.poll(() => nbCell(again, 1).locator('.plot svg').count()).toBe(1);
    await again.close();
  });

  test('notebook: a SQL error is shown beside the cell', async () => {
    const page = await notebook('en/notebook/');
    await engineReady(page);
    const c = await runCell(page, 'SELEC year FROM summary');
    const error = c.locator('.cell-error');
    expect(await error.isVisible()).toBe(true);
    expect(await error.textContent()).toMatch(/Parser Error: syntax error at or near "SELEC"/);
    expect(await c.getAttribute('class')).toContain('failed');
    await runCell(page, 'SELECT nope FROM summary');
    expect(await error.textContent()).toMatch(/Binder Error/);
    // Fixed, it runs and the error goes.
    await runCell(page, 'SELECT count(*) AS n FROM summary');
    expect(await error.isVisible()).toBe(false);
    const reports = readFileSync(join(DIST, 'data', 'summary.csv'), 'utf8').trim().split('\n').length - 1;
    expect(await resultRows(page)).toEqual([[String(reports)]]);
  });

  test('notebook: reading another origin, a file or an extension is refused, and no request leaves', async () => {
    const page = await notebook('en/notebook/');
    await engineReady(page);
    const refused: [string, RegExp][] = [
      ["SELECT * FROM read_csv('http://example.com/x.csv')", /Permission Error/],
      ["SELECT * FROM read_json_auto('https://example.com/x.json')", /Permission Error|Catalog Error/],
      ["SELECT * FROM 'https://example.com/x.parquet'", /Catalog Error|Permission Error/],
      ["ATTACH 'https://example.com/x.duckdb' AS x", /Permission Error/],
      ['INSTALL httpfs; LOAD httpfs;', /Permission Error|disabled/],
      ["COPY (SELECT 1) TO 'out.csv'", /Permission Error/],
      ['SET enable_external_access = true', /configuration has been locked/],
      ['SET lock_configuration = false', /configuration has been locked/],
    ];
    for (const [sql, message] of refused) {
      const c = await runCell(page, sql);
      expect(await c.locator('.cell-error').isVisible(), sql).toBe(true);
      expect(await c.locator('.cell-error').textContent(), sql).toMatch(message);
    }
    // The data is still there afterwards.
    await runCell(page, 'SELECT count(*) AS n FROM applications');
    expect(Number((await resultRows(page))[0]![0]!.replace(/,/g, ''))).toBeGreaterThan(0);
    expect(w.external).toEqual([]);
  });

  test('notebook: values are text, never markup', async () => {
    const page = await notebook('en/notebook/');
    await engineReady(page);
    const payload = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    await runCell(page, `SELECT '${payload}' AS "<i>col</i>"`);
    expect(await resultRows(page)).toEqual([[payload]]);
    expect(await page.locator('table.result thead th').first().textContent()).toBe('<i>col</i>');
    expect(await page.locator('table.result img, table.result b, table.result i').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test('notebook: a large result shows its first rows and its size; the CSV has every row', async () => {
    const page = await notebook('en/notebook/');
    await engineReady(page);
    const c = await runCell(page, 'SELECT range AS i, range % 7 AS r FROM range(123456)');
    expect(await c.locator('.result-status').textContent()).toMatch(/^123,456 rows · /);
    expect(await c.locator('.result-note').textContent()).toMatch(/123,456 rows; the table keeps the first 10,000/);
    expect(await c.locator('table.result tbody tr').count()).toBe(25);
    await c.locator('.pager button').nth(1).click();
    expect((await resultRows(page))[0]![0]).toBe('25');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), c.locator('button.csv').click()]);
    const lines = readFileSync(await download.path(), 'utf8').trimEnd().split('\n');
    expect(lines.length).toBe(123_457);
    expect(lines[0]).toBe('i,r');
    expect(lines[123_456]).toBe('123455,3');
  });

  test('notebook: a CSV far past the cap is refused at once, with a message and no download', async () => {
    const page = await notebook('en/notebook/');
    await engineReady(page);
    const c = await runCell(page, 'SELECT range AS i FROM range(100000000)');
    let downloads = 0;
    const counted = () => downloads++;
    page.on('download', counted);
    await c.locator('button.csv').click();
    await page.waitForFunction(() => /too large/.test(document.querySelector('.csv-note')?.textContent ?? ''), undefined, { timeout: 10_000 });
    expect(await c.locator('.csv-note').textContent()).toMatch(/100,000,000 rows pass the limit of 256 MB/);
    expect(await c.locator('button.csv').isDisabled()).toBe(false);
    expect(downloads).toBe(0);
    page.off('download', counted);
  });

  test('notebook: a long query can be cancelled, and the next one runs', async () => {
    const page = await notebook('en/notebook/');
    await engineReady(page);
    const c = nbCell(page, 0);
    await c.locator('textarea').fill('SELECT count(*) FROM range(100000000) a, range(1000) b WHERE (a.range * b.range) % 7 = 3');
    await c.locator('button.run').click();
    await expect.poll(() => c.locator('button.cancel').isVisible()).toBe(true);
    await page.waitForTimeout(500);
    const t0 = Date.now();
    await c.locator('button.cancel').click();
    await expect.poll(() => c.locator('.cell-state').textContent(), { timeout: 15_000 }).toBe('Cancelled.');
    expect(Date.now() - t0).toBeLessThan(10_000);
    await runCell(page, 'SELECT 42 AS answer');
    expect(await resultRows(page)).toEqual([['42']]);
  });

  test('notebook: the four examples open and run without an error, with their charts', async () => {
    const page = await notebook('en/notebook/');
    await engineReady(page);
    const titles = await page.locator('a[data-example]').allTextContents();
    expect(titles).toEqual(['Pingtan investment promotion bureau (formerly state assets), year by year', 'Reports whose balance check fails', 'How applications were handled, by year', 'Agencies by region']);
    for (let i = 0; i < titles.length; i++) {
      await page.locator('a[data-example]').nth(i).click();
      await expect.poll(() => page.locator('#nb-title').inputValue()).toBe(titles[i]);
      await page.waitForFunction(() => {
        const cells = [...document.querySelectorAll('ol.cells > li.cell[data-cell="sql"]')];
        return cells.length > 0 && cells.every((c) => c.hasAttribute('data-rows') || c.classList.contains('failed'));
      }, null, { timeout: 30_000 });
      expect(await page.locator('.cell.failed').count(), titles[i]).toBe(0);
      await expect.poll(() => page.locator('li.cell[data-cell="chart"] .plot svg').count()).toBeGreaterThan(0);
    }
    // The lineage example: one agency across its renaming, 2019–2025, proactive items 24 … 4.
    await page.locator('a[data-example]').first().click();
    await expect.poll(() => page.locator('#nb-title').inputValue()).toBe(titles[0]);
    await page.waitForFunction(() => document.querySelector('ol.cells > li.cell[data-cell="sql"]')?.hasAttribute('data-rows'));
    const rows = await resultRows(page);
    expect(rows.map((r) => r[0])).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    expect(rows.map((r) => r[2])).toEqual(['24', '74', '55', '48', '16', '1', '4']);
    // The balance example: reports that really fail.
    await page.locator('a[data-example]').nth(1).click();
    await expect.poll(() => page.locator('#nb-title').inputValue()).toBe(titles[1]);
    await page.waitForFunction(() => document.querySelector('ol.cells > li.cell[data-cell="sql"]')?.hasAttribute('data-rows'));
    expect((await resultRows(page)).length).toBeGreaterThanOrEqual(3);
  });

  test('the table browser shows every table of the dictionary with types and both descriptions', async () => {
    const page = await notebook('notebook/');
    const { TABLES } = await import('../../src/schema/index.ts');
    expect(await page.locator('details.nb-table').count()).toBe(TABLES.length);
    const summary = page.locator('details.nb-table[data-table="summary"]');
    await summary.locator('summary').click();
    const col = TABLES.find((t) => t.name === 'summary')!.columns.find((c) => c.name === 'proactive_total')!;
    const row = summary.locator('tr', { has: page.locator('button[data-insert="proactive_total"]') });
    expect(await row.locator('td').textContent()).toBe(col.type);
    expect(await row.textContent()).toContain(col.zh);
    expect(await row.textContent()).toContain(col.en);
    await engineReady(page);
    await expect.poll(() => summary.locator('[data-rows-for="summary"]').textContent()).toMatch(/^\d+ 行$/);
  });

  test('axe-core finds no WCAG 2 A/AA violation on the query pages', async () => {
    for (const slug of ['compare/?lineage=changzhi-sme', 'en/notebook/'] as const) {
      const compare = slug.startsWith('compare');
      const page = compare ? await open(slug) : await notebook(slug as 'en/notebook/');
      await engineReady(page);
      if (compare) await computedByDuckdb(page);
      else {
        // The shared notebook page, with a result as the default notebook shows one when it opens.
        await runCell(page, 'SELECT year, agency_name, proactive_total, applications_new, handled_total, status\nFROM summary\nORDER BY year, agency_name;');
        await page.waitForFunction(() => document.querySelector('table.result'), null, { timeout: 30_000 });
      }
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
        const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')}`);
      });
      expect(violations, slug).toEqual([]);
      if (compare) await page.close();
    }
  });

  test('no console error on the query pages', () => {
    // DuckDB's worker logs refused queries at log level; anything at error level is a bug.
    expect(w.errors.filter((e) => !/^HTTP 404 .*favicon/.test(e))).toEqual([]);
  });
});
