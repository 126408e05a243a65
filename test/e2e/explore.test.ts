/**
 * The table browser in Chromium, as a reader uses it: pick a table, filter by a year range and an
 * agency search, read the facet counts, sort, page, reload the link, download the CSV, the workbook
 * and the Parquet file, open the view in the notebook. Every number is checked against the
 * published CSV of the same build, read here without DuckDB. No request may leave 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { decodeState, rowsSql } from '../../src/query/explore.ts';
import { DIST, HAS_CHROMIUM, launch, siteUnderTest, suiteName, watchedContext, type Watched } from './helpers.ts';
import { serve, type StaticServer } from '../../scripts/browser.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
type Rec = Record<string, string>;
/** The build under test: DIST, or ATLAS_QUERY_DIST=<dir> (an existing build under /atlas/, for quick local runs). */
let dist = DIST;
const csvText = (name: string) => readFileSync(join(dist, 'data', `${name}.csv`), 'utf8');
const parse = (text: string) => Papa.parse<Rec>(text, { header: true, skipEmptyLines: true }).data;
/** CSV records as lines (the file's own bytes per record), header first. */
const records = (text: string): string[] => {
  const out: string[] = [];
  let cur = '', quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === '\n' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
};

const SEARCH = '局';
const FROM = 2020, TO = 2023;

describe.skipIf(!HAS_CHROMIUM)(suiteName('the table browser in Chromium'), () => {
  let server: StaticServer;
  let browser: Browser;
  let w: Watched;
  /** The reports the filters keep, in the published file's order, with their CSV records. */
  let expected: { row: Rec; line: string }[];
  /** The view the first test makes, as its link. */
  let viewUrl: string;

  beforeAll(async () => {
    dist = await siteUnderTest('ATLAS_QUERY_DIST');
    server = await serve(dist, '/atlas/');
    viewUrl = `${server.url}explore/?table=reports&agency_name.contains=%E5%B1%80&year.min=${FROM}&year.max=${TO}&sort=-year&page=2`;
    browser = await launch();
    w = await watchedContext(browser, { acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const text = csvText('reports');
    const rows = parse(text);
    const lines = records(text).slice(1);
    expect(lines.length).toBe(rows.length);
    expected = rows.map((row, i) => ({ row, line: lines[i]! }))
      .filter(({ row }) => row.year !== '' && Number(row.year) >= FROM && Number(row.year) <= TO && row.agency_name!.toLowerCase().includes(SEARCH));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => expect(w.external).toEqual([]));

  /** Waits until DuckDB has answered the view on screen. */
  const settled = (page: Page) => page.waitForFunction(() => {
    const r = document.getElementById('explore');
    return !!r && r.dataset.view === location.search && !r.hasAttribute('aria-busy');
  }, null, { timeout: 60_000 });
  const facet = async (page: Page, name: string) => Object.fromEntries(await page.locator(`.ex-facet[data-facet="${name}"] li`).evaluateAll((lis) =>
    lis.map((li) => [li.querySelector('button')!.textContent!.replace(/^✓ /, ''), Number(li.querySelector('.n')!.textContent!.replace(/,/g, ''))])));
  const column = (page: Page, i: number) => page.locator('table.ex-rows tbody tr').evaluateAll((trs, k) => trs.map((tr) => (tr as HTMLTableRowElement).cells[k]!.textContent ?? ''), i);
  const countBy = (key: string) => {
    const m: Record<string, number> = {};
    for (const { row } of expected) m[row[key]!] = (m[row[key]!] ?? 0) + 1;
    return m;
  };
  /** The filtered reports sorted as the view sorts them: year descending, then report_id. */
  const sorted = () => [...expected].sort((a, b) => Number(b.row.year) - Number(a.row.year) || (a.row.report_id! < b.row.report_id! ? -1 : 1));

  test('pick a table, filter by years and an agency search: the count and the facets are the CSV\'s', async () => {
    expect(expected.length).toBeGreaterThan(50); // two pages at least
    const page = await w.page();
    await page.goto(`${server.url}explore/`);
    await settled(page);
    await page.locator('#ex-table').selectOption('reports');
    await page.waitForURL(/\?table=reports$/);
    await settled(page);
    expect(await page.locator('.ex-count').textContent()).toBe(`${parse(csvText('reports')).length} 行`);

    const year = page.locator('details.ex-col[data-col="year"]');
    await year.locator('summary').click();
    await year.locator('input[name="year.min"]').fill(String(FROM));
    await year.locator('input[name="year.min"]').dispatchEvent('change');
    await page.waitForURL(/year\.min=2020/);
    await page.locator('details.ex-col[data-col="year"] input[name="year.max"]').fill(String(TO));
    await page.locator('details.ex-col[data-col="year"] input[name="year.max"]').dispatchEvent('change');
    await page.waitForURL(/year\.max=2023/);
    const agency = page.locator('details.ex-col[data-col="agency_name"]');
    await agency.locator('summary').click();
    await agency.locator('input[type="search"]').fill(SEARCH);
    await page.waitForURL(/agency_name\.contains=%E5%B1%80/);
    await settled(page);

    const total = parse(csvText('reports')).length;
    expect(await page.locator('.ex-count').textContent()).toBe(`${expected.length} 行（全表 ${total} 行）`);
    expect(await facet(page, 'status')).toEqual(countBy('status'));
    expect(await facet(page, 'year')).toEqual(countBy('year'));
    expect(await facet(page, 'template')).toEqual(countBy('template'));
    // The filters are said in words, each removable.
    expect(await page.locator('.ex-chip').allTextContents()).toEqual(['机构名称（按原文） 包含 “局”✕', '报告年度（所报告的年份） ≥ 2020✕', '报告年度（所报告的年份） ≤ 2023✕']);

    // Sort by year, descending (a second click); then the second page.
    await page.locator('button.ex-sort[data-sort="year"]').click();
    await page.waitForURL(/sort=year/);
    await settled(page);
    await page.locator('button.ex-sort[data-sort="year"]').click();
    await page.waitForURL(/sort=-year/);
    await settled(page);
    expect(await page.locator('th:has(button[data-sort="year"])').getAttribute('aria-sort')).toBe('descending');
    const want = sorted();
    expect(await column(page, 0)).toEqual(want.slice(0, 50).map((r) => r.row.report_id));
    await page.locator('.ex-pager button[data-page="next"]').click();
    await page.waitForURL(/page=2/);
    await settled(page);
    expect(await column(page, 0)).toEqual(want.slice(50, 100).map((r) => r.row.report_id));
    expect(await page.locator('.ex-pager .pager-where').textContent()).toBe(`第 2 / ${Math.ceil(want.length / 50)} 页 · 第 51–${Math.min(100, want.length)} 行`);
    expect(await page.locator('.ex-pager button[data-page="next"]').isDisabled()).toBe(want.length <= 100);

    // A facet value filters, and again undoes it.
    await page.locator('.ex-facet[data-facet="status"] button[data-value="ok"]').click();
    await page.waitForURL(/status\.in=ok/);
    await settled(page);
    expect(await page.locator('.ex-count').textContent()).toMatch(new RegExp(`^${countBy('status').ok} 行`));
    expect(await page.locator('.ex-facet[data-facet="status"] button[data-value="ok"]').getAttribute('aria-pressed')).toBe('true');
    await page.goBack();
    await settled(page);
    expect(page.url()).toBe(viewUrl);
    expect(await page.locator('.ex-count').textContent()).toMatch(new RegExp(`^${expected.length} 行`));
    await page.close();
  });

  test('the link reproduces the view after a reload, in the other language too', async () => {
    const page = await w.page();
    await page.goto(viewUrl);
    await settled(page);
    await page.reload();
    await settled(page);
    const want = sorted();
    expect(await column(page, 0)).toEqual(want.slice(50, 100).map((r) => r.row.report_id));
    expect(await facet(page, 'status')).toEqual(countBy('status'));
    expect(await page.locator('input[name="year.min"]').inputValue()).toBe('2020');
    expect(await page.locator('input[name="agency_name.contains"]').inputValue()).toBe(SEARCH);
    expect(await page.locator('#ex-link').inputValue()).toBe(viewUrl);
    // The language switch keeps the view.
    await page.locator('a.lang-switch').click();
    await settled(page);
    expect(page.url()).toContain('/atlas/en/explore/?table=reports&agency_name.contains=');
    expect(await page.locator('.ex-count').textContent()).toMatch(new RegExp(`^${expected.length} rows \\(of \\d+ in the table\\)$`));
    expect(await column(page, 0)).toEqual(want.slice(50, 100).map((r) => r.row.report_id));
    await page.close();
  });

  test('downloads hold exactly the filtered rows, in the view\'s order: CSV, XLSX, Parquet', async () => {
    const page = await w.page();
    await page.goto(viewUrl);
    await settled(page);
    const want = sorted();
    const header = records(csvText('reports'))[0]!;

    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('.ex-downloads button[data-format="csv"]').click()]);
    expect(csv.suggestedFilename()).toMatch(/^reports-filtered.*\.csv$/);
    const got = records(readFileSync((await csv.path())!, 'utf8'));
    expect(got[0]).toBe(header);
    expect(got.slice(1)).toEqual(want.map((r) => r.line));

    const [xl] = await Promise.all([page.waitForEvent('download'), page.locator('.ex-downloads button[data-format="xlsx"]').click()]);
    expect(xl.suggestedFilename()).toMatch(/^reports-filtered.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await xl.path())!) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('reports');
    expect(sheet.getRow(1).getCell(1).value).toBe('报告编号（机构编号-年度）');
    expect(sheet.getRow(2).getCell(1).value).toBe('report_id');
    expect(sheet.rowCount).toBe(want.length + 2);
    const yearCol = header.split(',').indexOf('year') + 1;
    for (let i = 0; i < want.length; i++) {
      expect(sheet.getRow(i + 3).getCell(1).value).toBe(want[i]!.row.report_id);
      expect(sheet.getRow(i + 3).getCell(yearCol).value).toBe(Number(want[i]!.row.year));
    }
    expect(book.worksheets[1]!.name).toBe('说明');

    const [pq] = await Promise.all([page.waitForEvent('download'), page.locator('.ex-downloads button[data-format="parquet"]').click()]);
    expect(pq.suggestedFilename()).toMatch(/^reports-filtered.*\.parquet$/);
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    try {
      const read = await conn.runAndReadAll(`SELECT * FROM read_parquet('${(await pq.path())!}')`);
      const published = await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${join(dist, 'data', 'reports.parquet')}')`);
      const mine = await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${(await pq.path())!}')`);
      // The same columns and types as the published file.
      expect(mine.getRowObjectsJS()).toEqual(published.getRowObjectsJS());
      const rows = read.getRowObjectsJS();
      expect(rows.map((r) => r.report_id)).toEqual(want.map((r) => r.row.report_id));
      expect(rows.map((r) => String(r.year))).toEqual(want.map((r) => r.row.year));
    } finally {
      conn.closeSync();
      db.closeSync();
    }
    await page.close();
  });

  test('open in notebook: the SQL cell holds the view and returns its rows', async () => {
    const page = await w.page();
    await page.goto(viewUrl);
    await settled(page);
    await page.locator('#ex-notebook').click();
    await page.waitForURL(/\/atlas\/notebook\/#nb=/);
    const sql = rowsSql(decodeState(new URL(viewUrl).search).state);
    expect(sql).toContain(`strpos(lower("agency_name"), lower('局')) > 0`);
    await expect.poll(() => page.locator('ol.cells textarea').first().inputValue()).toBe(sql);
    await page.locator('ol.cells li.cell button.run').first().click();
    await page.waitForFunction(() => document.querySelector('ol.cells > li.cell')?.hasAttribute('data-rows'), null, { timeout: 60_000 });
    expect(await page.locator('ol.cells > li.cell').first().getAttribute('data-rows')).toBe(String(expected.length));
    await page.close();
  });

  test('a link that cannot be read says so; the rest of it still applies', async () => {
    const page = await w.page();
    await page.goto(`${server.url}en/explore/?table=reports&year.min=20x0&status.in=ok&nope=1`);
    await page.waitForFunction(() => !document.querySelector<HTMLElement>('.link-problem')?.hidden);
    expect(await page.locator('.link-problem').textContent()).toBe('Part of this link could not be read and was left out: year.min, nope.');
    await settled(page);
    const ok = parse(csvText('reports')).filter((r) => r.status === 'ok').length;
    expect(await page.locator('.ex-count').textContent()).toMatch(new RegExp(`^${ok} rows`));
    await page.close();
  });

  test('without JavaScript the page says it needs it and links to the downloads', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${server.url}explore/`);
    expect(await page.locator('main').textContent()).toContain('此页面需要 JavaScript');
    const link = page.locator('main a[href="/atlas/data/"]');
    expect(await link.isVisible()).toBe(true);
    expect(await page.locator('.ex-layout').isVisible()).toBe(false);
    await ctx.close();
  });

  test('axe-core finds no WCAG 2 A/AA violation; at phone width nothing runs off the page', async () => {
    const page = await w.page();
    for (const url of [viewUrl, `${server.url}en/explore/?table=warnings&facets=severity,code`]) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(url);
      await settled(page);
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
        const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')}`);
      });
      expect(violations, url).toEqual([]);
      await page.setViewportSize({ width: 390, height: 800 });
      // The rows scroll inside their box; the page itself is no wider than the phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(390);
    }
    await page.close();
  });

  test('no console error', () => {
    expect(w.errors.filter((e) => !/^HTTP 404 .*favicon/.test(e))).toEqual([]);
  });
});
