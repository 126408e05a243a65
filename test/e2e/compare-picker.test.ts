/**
 * The compare page's agency picker, and a page that does not grow with the agencies.
 *
 * Build facts: the compare page and its embeds (both languages, latest and pinned) name no lineage
 * and no agency, by id or by name: only the catalog file (data/v/<version>/catalog.json) does,
 * and it names every one. So the HTML is the same size for 20 agencies or 20,000.
 *
 * In Chromium: the catalog is fetched after the first chart; an agency is found by its Chinese
 * name, by pinyin and by English, chosen with the keyboard or the mouse, shown as a chip; the
 * chart, the table and DuckDB's result show the two chosen; the URL holds them and a reload
 * restores them; a chip's button removes it; axe-core finds nothing with the list open.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readCatalog } from '../../src/query/catalog.ts';
import { HAS_CHROMIUM, launch, siteUnderTest, suiteName, watchedContext, type Watched } from './helpers.ts';
import { serve, type StaticServer } from '../../scripts/browser.ts';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let dist: string;
let version: string;
let summary: Record<string, string>[];

beforeAll(async () => {
  dist = await siteUnderTest('ATLAS_QUERY_DIST');
  version = (JSON.parse(readFileSync(join(dist, 'data', 'datapackage.json'), 'utf8')) as { version: string }).version;
  summary = Papa.parse<Record<string, string>>(readFileSync(join(dist, 'data', 'summary.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
}, 240_000);

describe('the compare page names no agency', () => {
  test('no lineage or agency, by id or by name, in the compare page or its embeds; all of them in the catalog file', () => {
    const catalog = readCatalog(JSON.parse(readFileSync(join(dist, 'data', 'v', version, 'catalog.json'), 'utf8')))!;
    expect(catalog.version).toBe(version);
    const lineages = [...new Set(summary.map((r) => r.lineage_id!))];
    expect(catalog.lineages.map((l) => l.id).sort()).toEqual(lineages.sort());
    const ids = [...lineages, ...new Set(summary.map((r) => r.agency_id!))];
    const names = [...new Set(catalog.lineages.flatMap((l) => [l.name, ...l.names, ...l.agencies.map((a) => a.name), l.en ?? '']))].filter(Boolean);
    expect(ids.length).toBeGreaterThan(20);
    for (const page of ['compare', 'en/compare', 'embed/compare', 'en/embed/compare', `embed/v/${version}/compare`, `en/embed/v/${version}/compare`]) {
      const html = readFileSync(join(dist, page, 'index.html'), 'utf8');
      const found = [...ids.filter((id) => new RegExp(`(?<![\\w-])${id}(?![\\w-])`).test(html)), ...names.filter((n) => html.includes(n))];
      expect(found, page).toEqual([]);
      // It links to its catalog instead.
      expect(html, page).toContain(`data-catalog="/atlas/data/v/${version}/catalog.json"`);
    }
  });
});

describe.skipIf(!HAS_CHROMIUM)(suiteName('the agency picker in Chromium'), () => {
  let server: StaticServer;
  let browser: Browser;
  let w: Watched;

  beforeAll(async () => {
    server = await serve(dist, '/atlas/');
    browser = await launch();
    w = await watchedContext(browser, { viewport: { width: 1100, height: 900 } });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => {
    expect(w.external).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  const open = async (slug: string): Promise<Page> => {
    const page = await w.page();
    const res = await page.goto(server.url + slug, { waitUntil: 'load' });
    expect(res?.status(), `${slug} status`).toBe(200);
    return page;
  };
  const computedByDuckdb = (page: Page) =>
    page.waitForFunction(() => document.getElementById('compare-root')?.dataset.source === 'duckdb' && !document.getElementById('compare-root')?.hasAttribute('aria-busy'), null, { timeout: 90_000 });
  const chips = (page: Page) => page.locator('ul.chips li').evaluateAll((lis) => lis.map((li) => ({
    kind: li.querySelector('input')!.name, id: li.querySelector('input')!.value, name: li.querySelector('.chip-name')!.textContent!.trim(),
  })));
  const options = (page: Page) => page.locator('#compare-options li[role="option"]').evaluateAll((lis) => lis.map((li) => `${(li as HTMLElement).dataset.kind}:${(li as HTMLElement).dataset.id}`));
  /** The data table: series name → its values by year. */
  const table = (page: Page) => page.locator('#compare-table').evaluate((t: HTMLTableElement) => {
    const years = [...t.tHead!.rows[0]!.cells].slice(1).map((c) => c.textContent!.trim());
    return Object.fromEntries([...t.tBodies[0]!.rows].map((r) => [r.cells[0]!.textContent!.trim(),
      Object.fromEntries(years.map((y, i) => [y, r.cells[i + 1]!.textContent!.trim()]).filter(([, v]) => v !== ''))]));
  });

  test('the catalog is fetched after the first chart, not before', async () => {
    const page = await open('compare/?lineage=changzhi-sme');
    const catalog = `data/v/${version}/catalog.json`;
    await page.waitForFunction((c) => performance.getEntriesByType('resource').some((r) => r.name.endsWith(c)), catalog, { timeout: 60_000 });
    const t = await page.evaluate((c) => ({
      chart: performance.getEntriesByName('atlas:first-chart')[0]?.startTime ?? null,
      catalog: performance.getEntriesByType('resource').find((r) => r.name.endsWith(c))!.startTime,
    }), catalog);
    expect(t.chart).not.toBeNull();
    expect(t.catalog).toBeGreaterThanOrEqual(t.chart!);
    // The chip has its name: from the data before the catalog, the catalog's after.
    await expect.poll(() => chips(page)).toEqual([{ kind: 'lineage', id: 'changzhi-sme', name: '长治市中小企业服务中心' }]);
    await page.close();
  });

  test('Chinese name and pinyin, keyboard: two lineages chosen, charted, in the URL, restored on reload', async () => {
    const page = await open('compare/');
    await computedByDuckdb(page);
    const search = page.locator('#compare-search');
    await search.click();
    await search.pressSequentially('长治');
    await expect.poll(() => options(page)).toContain('lineage:changzhi-sme');
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    // The first match is active: Enter chooses it.
    expect(await search.getAttribute('aria-activedescendant')).toBe(await page.locator('#compare-options li[role="option"]').first().getAttribute('id'));
    expect((await options(page))[0]).toBe('lineage:changzhi-sme');
    await search.press('Enter');
    await page.waitForURL(/[?&]lineage=changzhi-sme(&|$)/);
    expect(await page.locator('#compare-options li[data-id="changzhi-sme"]').getAttribute('aria-selected')).toBe('true');

    // Pinyin, word by word; ↓ moves to the next match.
    await search.fill('');
    await search.pressSequentially('touzi cujin');
    await expect.poll(() => options(page)).toEqual(['lineage:pingtan-investment', 'agency:pingtan-state-assets', 'agency:pingtan-investment-promotion']);
    await search.press('ArrowDown');
    await search.press('ArrowUp');
    await search.press('Enter');
    await search.press('Escape');
    expect(await page.locator('#compare-options').isHidden()).toBe(true);
    await page.waitForURL(/lineage=changzhi-sme,pingtan-investment/);
    expect(await chips(page)).toEqual([
      { kind: 'lineage', id: 'changzhi-sme', name: '长治市中小企业服务中心' },
      { kind: 'lineage', id: 'pingtan-investment', name: '平潭综合实验区投资促进局' },
    ]);
    expect(await page.locator('.picker-count').textContent()).toBe('已选择 2 项');

    await computedByDuckdb(page);
    expect(await page.locator('#compare-source').textContent()).toMatch(/DuckDB/);
    const sum = (lineage: string, year: string) => summary.filter((r) => r.lineage_id === lineage && r.year === year)
      .reduce((a, r) => a + Number(r.proactive_total || 0), 0);
    const years = [...new Set(summary.filter((r) => r.lineage_id === 'pingtan-investment').map((r) => r.year!))];
    const expected = {
      '长治市中小企业服务中心（沿革）': { 2019: '49', 2023: '100' },
      '平潭综合实验区投资促进局（沿革）': Object.fromEntries(years.map((y) => [y, String(sum('pingtan-investment', y))])),
    };
    expect(await table(page)).toEqual(expected);
    expect(await page.locator('#compare ul.legend li').allTextContents()).toEqual(Object.keys(expected));
    expect(await page.locator('#compare-sql').textContent()).toContain("IN ('changzhi-sme', 'pingtan-investment')");

    await page.reload({ waitUntil: 'load' });
    await computedByDuckdb(page);
    expect((await chips(page)).map((c) => c.id)).toEqual(['changzhi-sme', 'pingtan-investment']);
    await expect.poll(() => chips(page).then((c) => c.map((x) => x.name))).toEqual(['长治市中小企业服务中心', '平潭综合实验区投资促进局']);
    expect(await table(page)).toEqual(expected);
    await page.close();
  });

  test('English: found by English name, chosen with the mouse, removed with its button; axe finds nothing with the list open', async () => {
    const page = await open('en/compare/?lineage=changzhi-sme');
    await computedByDuckdb(page);
    const search = page.locator('#compare-search');
    await search.click();
    await search.pressSequentially('investment promotion');
    const option = page.locator('#compare-options li[data-kind="lineage"][data-id="pingtan-investment"]');
    await expect.poll(() => option.textContent()).toContain('Pingtan Comprehensive Experimental Zone Investment Promotion Bureau');
    expect(await option.locator('[lang="zh-CN"]').first().textContent()).toBe('平潭综合实验区投资促进局');
    expect(await page.locator('.picker-status').textContent()).toMatch(/^1 match: Enter/);

    await page.addScriptTag({ content: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Element, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
      const r = await axe.run(document.querySelector('form.compare-form')!, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')}`);
    });
    expect(violations).toEqual([]);

    // One agency of the lineage alone, by pointer.
    await page.locator('#compare-options li[data-kind="agency"][data-id="pingtan-state-assets"]').click();
    await page.waitForURL(/lineage=changzhi-sme&agency=pingtan-state-assets/);
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);
    const chosen = await chips(page);
    expect(chosen.map((c) => `${c.kind}:${c.id}`)).toEqual(['lineage:changzhi-sme', 'agency:pingtan-state-assets']);
    expect(chosen[1]!.name).toBe('Pingtan Comprehensive Experimental Zone State-owned Assets Administration Bureau 平潭综合实验区国有资产管理局');
    await computedByDuckdb(page);
    expect(Object.keys(await table(page))).toEqual(['长治市中小企业服务中心 (lineage)', '平潭综合实验区国有资产管理局pingtan-state-assets']);

    // Removed with its chip's button (named for screen readers); the focus stays in the picker.
    const remove = page.locator('ul.chips li', { has: page.locator('input[value="changzhi-sme"]') }).locator('button.chip-remove');
    expect(await remove.getAttribute('aria-label')).toMatch(/^Remove Changzhi/);
    await remove.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.search.includes('changzhi-sme') && u.search.includes('agency=pingtan-state-assets'));
    expect(await page.evaluate(() => document.activeElement?.closest('.agencies') !== null)).toBe(true);
    expect((await chips(page)).map((c) => c.id)).toEqual(['pingtan-state-assets']);
    // The language switch keeps the view.
    expect(await page.locator('a.lang-switch').getAttribute('href')).toMatch(/\/compare\/\?agency=pingtan-state-assets$/);
    await computedByDuckdb(page);
    await page.close();
  });

  test('without JavaScript the page says what it is and links to the agency and report lists', async () => {
    const noJs = await watchedContext(browser, { javaScriptEnabled: false });
    for (const [slug, heading] of [['compare/', '对比工具'], ['en/compare/', 'Compare']] as const) {
      const page = await noJs.page();
      await page.goto(server.url + slug);
      expect(await page.locator('h1').textContent()).toBe(heading);
      expect(await page.locator('p.lede').isVisible()).toBe(true);
      const links = await page.locator('p.compare-nojs a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
      expect(links).toEqual([`/atlas/${slug.replace('compare/', '')}agencies/`, `/atlas/${slug.replace('compare/', '')}reports/`, `/atlas/${slug.replace('compare/', '')}data/`]);
      expect(await page.locator('#compare-search').isVisible()).toBe(false);
      await page.close();
    }
    expect(noJs.errors).toEqual([]);
    await noJs.context.close();
  });
});
