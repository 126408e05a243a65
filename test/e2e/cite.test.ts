/**
 * The data version and citations in a real browser: the footer of every page names the version
 * (both languages), the head carries it for scripts, and a report page's CSL-JSON parses and names
 * the report's original URL, this page's absolute URL and the reader's today (the version's date
 * without JavaScript). The data page's dataset citation, the zip's VERSION file and the workbook's
 * `about` sheet name the same version.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildOnce, DIST, HAS_CHROMIUM, launch, suiteName, watchedContext, type Watched } from './helpers.ts';
import { serve, type StaticServer } from '../../scripts/browser.ts';

interface CslItem { type: string; URL: string; note?: string; version?: string; accessed: { 'date-parts': number[][] }; issued?: { 'date-parts': number[][] } }

describe.skipIf(!HAS_CHROMIUM)(suiteName('data version and citations in Chromium'), () => {
  let server: StaticServer;
  let browser: Browser;
  let w: Watched;
  let noJs: Watched;
  let version: string;
  /** A report with an original URL, from the published table. */
  let report: { report_id: string; source_url: string; agency_name: string; title: string };

  beforeAll(async () => {
    await buildOnce();
    server = await serve(DIST, '/atlas/');
    browser = await launch();
    w = await watchedContext(browser);
    noJs = await watchedContext(browser, { javaScriptEnabled: false });
    version = (JSON.parse(readFileSync(join(DIST, 'data', 'datapackage.json'), 'utf8')) as { version: string }).version;
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(DIST, 'data', 'reports.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    report = rows.find((r) => r.source_url && r.agency_name && r.title) as typeof report;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (slug: string, watched: Watched = w): Promise<Page> => {
    const page = await watched.page();
    const res = await page.goto(server.url + slug, { waitUntil: 'load' });
    expect(res?.status(), `${slug} status`).toBe(200);
    return page;
  };
  /** The reader's today in the browser, as the page's script would write it. */
  const today = (page: Page) => page.evaluate(() => {
    const d = new Date();
    return [d.getFullYear(), d.getMonth() + 1, d.getDate()];
  });

  test('the footer and the head name the data version on every kind of page, in both languages', async () => {
    expect(version).toMatch(/^\d{4}-\d{2}-\d{2}\.[0-9a-f]{7}$/);
    for (const slug of ['', 'data/', `report/${report.report_id}/`, 'about/', 'regions/']) {
      for (const [lang, label] of [['', '数据版本'], ['en/', 'Data version']] as const) {
        const page = await open(lang + slug);
        const footer = page.locator('.site-footer a.data-version');
        expect(await footer.textContent(), lang + slug).toBe(`${label} ${version}`);
        expect(await footer.isVisible()).toBe(true);
        expect(await page.locator('meta[name="data-version"]').getAttribute('content')).toBe(version);
        await page.close();
      }
    }
    // Chart captions date the data by the version's date, never by the day of the build.
    for (const [lang, words] of [['', '数据截至'], ['en/', 'data as of']] as const) {
      const page = await open(lang);
      const captions = await page.locator('figure.chart figcaption').allTextContents();
      expect(captions.length).toBeGreaterThan(0);
      for (const c of captions) expect(c).toContain(`${words} ${version.slice(0, 10)}`);
      await page.close();
    }
    // Embeds have no site footer, but their head names the version too.
    const embed = await open('embed/applications-by-year/');
    expect(await embed.locator('meta[name="data-version"]').getAttribute('content')).toBe(version);
    await embed.close();
  });

  test('a report page: CSL-JSON parses, names the original URL, this page and today; BibTeX and plain texts too', async () => {
    for (const lang of ['', 'en/']) {
      const page = await open(`${lang}report/${report.report_id}/`);
      const pageUrl = `${server.url}${lang}report/${report.report_id}/`;
      // The script fills in today and the origin; wait for it.
      await expect.poll(() => page.locator('#cite-csl').inputValue()).toContain(server.origin);
      const items = JSON.parse(await page.locator('#cite-csl').inputValue()) as CslItem[];
      expect(items).toHaveLength(1);
      expect(items[0]!.type).toBe('report');
      expect(items[0]!.URL).toBe(report.source_url);
      expect(items[0]!.note).toContain(pageUrl);
      expect(items[0]!.accessed['date-parts'][0]).toEqual(await today(page));
      const bibtex = await page.locator('#cite-bibtex').inputValue();
      expect(bibtex).toMatch(/^@misc\{/);
      expect(bibtex).toContain(`url      = {${report.source_url}}`);
      const zh = await page.locator('#cite-zh').inputValue();
      expect(zh.startsWith(`${report.agency_name}. ${report.title}[EB/OL].`)).toBe(true);
      expect(zh).toContain(report.source_url);
      expect(zh.endsWith(`${server.url}report/${report.report_id}/`)).toBe(true);
      expect(await page.locator('#cite-en').inputValue()).toContain(`${server.url}en/report/${report.report_id}/`);
      expect(await page.locator('[data-cite-accessed]').textContent()).toMatch(lang ? /today, on your computer/ : /您今天的日期/);
      await page.close();
    }
    expect(w.external).toEqual([]);
  });

  test('the copy button puts the citation on the clipboard', async () => {
    const ctx = await watchedContext(browser);
    await ctx.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await ctx.page();
    await page.goto(`${server.url}en/report/${report.report_id}/`);
    await expect.poll(() => page.locator('#cite-bibtex').inputValue()).toContain(server.origin);
    const button = page.locator('button[data-copy="cite-bibtex"]');
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.locator('#cite-bibtex').inputValue());
    await ctx.context.close();
  });

  test('without JavaScript the citation is there, with the data version’s date as the access date, and says so', async () => {
    const page = await open(`report/${report.report_id}/`, noJs);
    const items = JSON.parse(await page.locator('#cite-csl').inputValue()) as CslItem[];
    expect(items[0]!.URL).toBe(report.source_url);
    expect(items[0]!.accessed['date-parts'][0]).toEqual(version.slice(0, 10).split('-').map(Number));
    expect(await page.locator('[data-cite-accessed]').textContent()).toContain(`访问日期：${version.slice(0, 10)}（数据版本的日期`);
    expect(await page.locator('button[data-copy="cite-csl"]').isVisible()).toBe(false); // copying needs the script
    await page.close();
  });

  test('the data page: the dataset citation, the version, and downloads that carry it', async () => {
    const page = await open('en/data/');
    expect(await page.locator('#version').getAttribute('data-version')).toBe(version);
    await expect.poll(() => page.locator('#cite-csl').inputValue()).toContain(server.origin);
    const item = (JSON.parse(await page.locator('#cite-csl').inputValue()) as CslItem[])[0]!;
    expect(item).toMatchObject({ type: 'dataset', version, URL: `${server.url}en/data/` });
    expect(item.accessed['date-parts'][0]).toEqual(await today(page));
    // The workbook and the zip keep their URLs and are saved under names with the version.
    const zipLink = page.locator('a[href$="data/disclosure-atlas.zip"]');
    expect(await zipLink.getAttribute('download')).toBe(`disclosure-atlas_${version}.zip`);
    const xlsxLink = page.locator('a[href$="data/disclosure-atlas.xlsx"]');
    expect(await xlsxLink.getAttribute('download')).toBe(`disclosure-atlas_${version}.xlsx`);
    const zip = unzipSync(new Uint8Array(await (await fetch(server.origin + (await zipLink.getAttribute('href'))!)).arrayBuffer()));
    expect(strFromU8(zip['disclosure-atlas/VERSION']!).split('\n')[0]).toBe(version);
    const book = unzipSync(new Uint8Array(await (await fetch(server.origin + (await xlsxLink.getAttribute('href'))!)).arrayBuffer()));
    const sheets = [...strFromU8(book['xl/workbook.xml']!).matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(sheets.at(-1)).toBe('about');
    expect(strFromU8(book[`xl/worksheets/sheet${sheets.length}.xml`]!)).toContain(version);
    await page.close();
    expect(w.errors).toEqual([]);
  });
});
