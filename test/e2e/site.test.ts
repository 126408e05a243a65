/**
 * The production build in a real browser: Debian's Chromium driven by playwright-core, the site
 * built with ATLAS_BASE=/atlas/ and served from 127.0.0.1 by a tiny static server. Any request
 * that leaves 127.0.0.1 is aborted and fails the test.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { parquetReadObjects } from 'hyparquet';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TABLES } from '../../src/schema/index.ts';
import { buildOnce, DIST, HAS_CHROMIUM, launch, suiteName, watchedContext, type Watched } from './helpers.ts';
import { serve, type StaticServer } from '../../scripts/browser.ts';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One page of each type, by language-less slug. */
const PAGES = {
  home: '',
  agency: 'agency/changzhi-sme/',
  report: 'report/changzhi-sme-center-2023/',
  regions: 'regions/',
  data: 'data/',
  about: 'about/',
  embed: 'embed/applications-by-year/',
};

describe.skipIf(!HAS_CHROMIUM)(suiteName('the site in Chromium'), () => {
  let server: StaticServer;
  let browser: Browser;
  let w: Watched;

  beforeAll(async () => {
    await buildOnce();
    server = await serve(DIST, '/atlas/');
    browser = await launch();
    w = await watchedContext(browser);
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

  /**
   * A page load is most of what these tests cost: each page type in each language is opened once,
   * by the first test (which checks that it opens cleanly), then handed on as loaded to the
   * axe-core test of its type, and the Chinese one, still unchanged but for axe's script, to the
   * language switch test. A test that finds no page handed on (one before it failed) opens its own.
   */
  const handedOn = new Map<string, Page>();
  const take = async (slug: string): Promise<Page> => {
    const page = handedOn.get(slug);
    handedOn.delete(slug);
    return page && !page.isClosed() ? page : open(slug);
  };

  test('every page type opens in both languages with no console error and no request off 127.0.0.1', async () => {
    const before = w.errors.length;
    for (const slug of Object.values(PAGES)) {
      for (const lang of ['', 'en/']) {
        const page = await open(lang + slug);
        expect(await page.locator('h1').count(), `${lang}${slug} has a heading`).toBeGreaterThan(0);
        handedOn.set(lang + slug, page);
      }
    }
    expect(w.errors.slice(before)).toEqual([]);
    expect(w.external).toEqual([]);
  });

  test('every report and agency page builds and opens', async () => {
    const summary = Papa.parse<Record<string, string>>(readFileSync(`${DIST}/data/summary.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data;
    for (const slug of [...new Set(summary.map((r) => `agency/${r.lineage_id}/`)), ...summary.map((r) => `report/${r.report_id}/`)]) {
      const res = await fetch(server.url + slug);
      expect(res.status, slug).toBe(200);
    }
  });

  test('with JavaScript off the home and agency charts are visible', async () => {
    const noJs = await watchedContext(browser, { javaScriptEnabled: false });
    // The agency page's small multiples are one size for every screen (no wide/narrow pair).
    for (const [slug, min, selector] of [[PAGES.home, 3, '.plot .v-wide svg'], [PAGES.agency, 6, '.multiple .plot svg']] as const) {
      const page = await open(slug, noJs);
      const svgs = page.locator(selector);
      expect(await svgs.count(), slug).toBeGreaterThanOrEqual(min);
      for (let i = 0; i < min; i++) {
        await expect.poll(() => svgs.nth(i).isVisible()).toBe(true);
        const box = await svgs.nth(i).boundingBox();
        expect(box!.width).toBeGreaterThan(200);
        expect(box!.height).toBeGreaterThan(100);
      }
      if (slug === PAGES.home) {
        // Without JS the PNG and copy buttons (which need it) are hidden; the links still work.
        expect(await page.locator('button[data-png]').first().isVisible()).toBe(false);
        expect(await page.locator('a[download$=".svg"]').first().isVisible()).toBe(true);
      } else {
        // An agency's chart files are made in the browser: without JS their buttons are hidden and the data tables stay.
        expect(await page.locator('button[data-agency-export]').count()).toBeGreaterThan(0);
        expect(await page.locator('button[data-agency-export]').first().isVisible()).toBe(false);
        expect(await page.locator('.multiple details table.data').count()).toBeGreaterThanOrEqual(min);
      }
      await page.close();
    }
    expect(noJs.errors).toEqual([]);
    expect(noJs.external).toEqual([]);
    await noJs.context.close();
  });

  test('the Changzhi lineage page shows 49 for 2019 and 100 for 2023', async () => {
    const page = await open(PAGES.agency);
    await expect.poll(() => page.locator('h1').textContent()).toBe('长治市中小企业服务中心');
    const names = await page.locator('ol.names li').allTextContents();
    expect(names[0]).toContain('长治市中小企业局');
    expect(names[1]).toContain('长治市中小企业服务中心');
    const chart = page.locator('#changzhi-sme-proactive-total');
    const cell = (year: string) => chart.locator('tbody tr', { has: page.locator(`th:text-is("${year}")`) }).locator('td').first();
    expect((await cell('2019').textContent())?.trim()).toBe('49');
    expect((await cell('2023').textContent())?.trim()).toBe('100');
    const labels = await chart.locator('svg text').allTextContents();
    expect(labels).toContain('49');
    expect(labels).toContain('100');
    await page.close();
  });

  test('every download on the Data page returns a valid file', async () => {
    const page = await open(PAGES.data);
    const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const files = [...new Set(hrefs.filter((h) => /\.(csv|parquet|xlsx|zip|json|md)$/.test(h)))];
    await page.close();
    const names = TABLES.map((t) => t.name);
    expect(files.length).toBe(names.length * 2 + 4);
    const rowsOf: Record<string, number> = {};
    for (const url of files) {
      expect(new URL(url).hostname).toBe('127.0.0.1');
      const res = await fetch(url);
      expect(res.status, url).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const file = url.split('/').pop()!;
      if (file.endsWith('.csv')) {
        const parsed = Papa.parse<Record<string, string>>(new TextDecoder().decode(bytes), { header: true, skipEmptyLines: true });
        expect(parsed.errors, file).toEqual([]);
        const def = TABLES.find((t) => `${t.name}.csv` === file)!;
        expect(parsed.meta.fields).toEqual(def.columns.map((c) => c.name));
        rowsOf[def.name] = parsed.data.length;
      } else if (file.endsWith('.parquet')) {
        const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
        const def = TABLES.find((t) => `${t.name}.parquet` === file)!;
        expect(Object.keys(rows[0] ?? {}).sort(), file).toEqual(def.columns.map((c) => c.name).sort());
        rowsOf[`${def.name}.parquet`] = rows.length;
      } else if (file.endsWith('.xlsx')) {
        const zip = unzipSync(bytes);
        expect(Object.keys(zip)).toContain('[Content_Types].xml');
        const workbook = strFromU8(zip['xl/workbook.xml']!);
        for (const n of names) expect(workbook, n).toContain(`<sheet name="${n}"`);
        const sheet1 = strFromU8(zip['xl/worksheets/sheet1.xml']!);
        expect(sheet1).toContain('<sheetData>');
        expect(sheet1).toContain('report_id');
        for (const xml of Object.keys(zip).filter((k) => k.endsWith('.xml') || k.endsWith('.rels'))) {
          expect(strFromU8(zip[xml]!).startsWith('<?xml'), xml).toBe(true);
        }
      } else if (file.endsWith('.zip')) {
        const zip = unzipSync(bytes);
        for (const n of names) {
          expect(Object.keys(zip)).toContain(`disclosure-atlas/${n}.csv`);
          expect(Object.keys(zip)).toContain(`disclosure-atlas/${n}.parquet`);
        }
        // The workbook is its own download, not in the zip.
        expect(Object.keys(zip)).not.toContain('disclosure-atlas/disclosure-atlas.xlsx');
        expect(Object.keys(zip)).toContain('disclosure-atlas/VERSION');
        expect(Object.keys(zip)).toContain('disclosure-atlas/datapackage.json');
      } else if (file.endsWith('.json')) {
        const pkg = JSON.parse(new TextDecoder().decode(bytes)) as { resources: unknown[] };
        expect(pkg.resources.length).toBeGreaterThan(0);
      } else {
        expect(new TextDecoder().decode(bytes).length).toBeGreaterThan(100);
      }
    }
    for (const n of names) expect(rowsOf[`${n}.parquet`], n).toBe(rowsOf[n]);
  });

  test('chart downloads: SVG is a standalone image, CSV parses', async () => {
    const page = await open(PAGES.home);
    const svgHref = await page.locator('#applications-by-year a[download$=".svg"]').getAttribute('href');
    const csvHref = await page.locator('#applications-by-year a[download$=".csv"]:not([download*="_excel"])').getAttribute('href');
    const svg = await (await fetch(server.origin + svgHref)).text();
    expect(svg).toMatch(/^<\?xml/);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    const img = await page.evaluate(async (src) => {
      const i = new Image();
      i.src = src;
      await i.decode();
      return i.naturalWidth;
    }, svgHref!);
    expect(img).toBeGreaterThan(100);
    const csv = Papa.parse(await (await fetch(server.origin + csvHref)).text(), { header: true, skipEmptyLines: true });
    expect(csv.errors).toEqual([]);
    expect(csv.data.length).toBeGreaterThan(0);
    // PNG: the button makes a download from a canvas.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#applications-by-year button[data-png]').click()]);
    // Named with the chart id and the data version (test/e2e/exports.test.ts checks what it holds).
    expect(download.suggestedFilename()).toMatch(/^applications-by-year_\d{4}-\d{2}-\d{2}\.[0-9a-f]{7}\.png$/);
    await page.close();
  });

  test('an embed page renders alone, and its iframe snippet works', async () => {
    const page = await open(PAGES.embed);
    expect(await page.locator('header, nav, footer').count()).toBe(0);
    await expect.poll(() => page.locator('.plot .v-wide svg').isVisible()).toBe(true);
    const credit = page.locator('.credit a');
    expect(await credit.getAttribute('href')).toBe('/atlas/#applications-by-year');
    // On a phone-sized frame the phone version shows, filling the width.
    await page.setViewportSize({ width: 360, height: 700 });
    expect(await page.locator('.plot .v-wide svg').isVisible()).toBe(false);
    const box = await page.locator('.plot .v-narrow svg').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.width).toBeLessThanOrEqual(360);
    await page.close();

    const home = await open(PAGES.home);
    const snippet = await home.locator('#applications-by-year-embed').inputValue();
    expect(snippet).toMatch(new RegExp(`^<iframe src="${server.url}embed/applications-by-year/"`));
    expect(snippet).toMatch(/height="\d+"/);
    await home.setContent(`<!doctype html><html lang="en"><title>t</title><body style="width:500px">${snippet}</body></html>`);
    const frame = home.frameLocator('iframe');
    // 500 px wide: the phone version of the chart.
    await expect.poll(() => frame.locator('.plot .v-narrow svg').isVisible()).toBe(true);
    await home.close();
  });

  for (const [type, slug] of Object.entries(PAGES)) {
    test(`axe-core finds no WCAG 2 A/AA violation: ${type}`, async () => {
      for (const [lang, scheme] of [['', 'light'], ['en/', 'dark']] as const) {
        const page = await take(lang + slug);
        await page.emulateMedia({ colorScheme: scheme });
        // Render everything (content-visibility skips what is below the fold) so axe sees it all.
        await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
          const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
          return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')}`);
        });
        expect(violations, `${lang}${slug} (${scheme})`).toEqual([]);
        if (lang === '') handedOn.set(slug, page);
        else await page.close();
      }
    });
  }

  test('the language switch keeps the reader on the same page', async () => {
    for (const slug of Object.values(PAGES).filter((s) => !s.startsWith('embed'))) {
      const page = await take(slug);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      await page.locator('a.lang-switch').click();
      await page.waitForURL(server.url + 'en/' + slug);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.locator('a.lang-switch').click();
      await page.waitForURL(server.url + slug);
      await page.close();
    }
    // The embed page has no language switch: its page handed on ends here.
    for (const page of handedOn.values()) await page.close();
    handedOn.clear();
  });

  test('phone layout: no page scrolls sideways at 390 px, charts switch to their phone version', async () => {
    const phone = await watchedContext(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    for (const slug of Object.values(PAGES)) {
      for (const lang of ['', 'en/']) {
        const page = await open(lang + slug, phone);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${lang}${slug}`).toBeLessThanOrEqual(0);
        if (slug === PAGES.home) {
          expect(await page.locator('.plot .v-narrow svg').first().isVisible()).toBe(true);
          expect(await page.locator('.plot .v-wide svg').first().isVisible()).toBe(false);
        }
        if (slug === PAGES.agency) expect(await page.locator('.multiple .plot svg').first().isVisible()).toBe(true);
        await page.close();
      }
    }
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  });

  test('report numbers link to their source line, which is highlighted', async () => {
    const page = await open(PAGES.report);
    const link = page.locator('#proactive + .scroll table a').first();
    // The link goes to the line on the report's source page (one file for both languages, beside
    // the Chinese page): its anchor alone, the page's <base> being that file…
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^#L\d+$/);
    const hash = href;
    const resolved = await link.evaluate((a) => (a as HTMLAnchorElement).href);
    expect(resolved).toBe(`${server.url}report/changzhi-sme-center-2023/source.html${hash}`);
    expect(await page.locator('.source').count()).toBe(0);
    // It carries only its address; hovering it says where in the source it was read.
    expect(await link.getAttribute('title')).toBeNull();
    await link.hover();
    await expect.poll(() => link.getAttribute('title')).toBe(`原文第 ${hash.slice(2)} 行`);
    // …and with JavaScript the report page loads the source in place and goes to the line.
    const path = new URL(page.url()).pathname;
    await link.click();
    await expect.poll(() => new URL(page.url()).hash).toBe(hash);
    expect(new URL(page.url()).pathname).toBe(path);
    const target = page.locator(`.source ${hash}`);
    await expect.poll(() => target.isVisible()).toBe(true);
    expect(await target.textContent()).toContain('100');
    const bg = await target.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');
    // Without JavaScript the link opens the source page with the line highlighted.
    const plain = await page.context().browser()!.newContext({ javaScriptEnabled: false });
    const sourcePage = await plain.newPage();
    const res = await sourcePage.goto(resolved);
    expect(res?.headers()['content-type']).toMatch(/^text\/html/);
    const line = sourcePage.locator(`.source ${hash}`);
    expect(await line.textContent()).toContain('100');
    expect(await line.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await plain.close();
    // Table 三 is laid out with the schema's row labels.
    expect(await page.locator('.t3 th[scope="row"]').first().textContent()).toContain('一、本年新收政府信息公开申请数量');
    await page.close();
  });

  test('a report page says how many prescribed cells were read, in both languages', async () => {
    for (const [slug, text] of [
      [PAGES.report, '已读取 201 / 201 个规定单元格（100%）'],
      [`en/${PAGES.report}`, 'Read 201 of 201 prescribed cells (100%)'],
      ['report/changzhi-sme-bureau-2019/', '已读取 32 / 199 个规定单元格（16%）'],
      ['en/report/changzhi-sme-bureau-2019/', 'Read 32 of 199 prescribed cells (16%)'],
    ] as const) {
      const page = await open(slug);
      expect(await page.locator('[data-coverage]').textContent(), slug).toBe(text);
      await page.close();
    }
  });

  test('keyboard: the skip link comes first and focus is visible; the agency table sorts', async () => {
    const page = await open(PAGES.home);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    const first = () => page.locator('table[data-sortable] tbody tr:first-child td:nth-child(4)').textContent();
    const header = page.locator('table[data-sortable] thead th').nth(3).locator('button');
    await header.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await page.locator('table[data-sortable] thead th').nth(3).getAttribute('aria-sort')).toBe('descending');
    // The top-N table of the home page: the most applications first.
    const values = (await page.locator('table[data-sortable] tbody tr td:nth-child(4)').allTextContents()).map((v) => Number(v.replace(/,/g, '')));
    expect(Number((await first())?.trim().replace(/,/g, ''))).toBe(Math.max(...values));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    await page.close();
  });

  test('tooltips appear on hover; pages ship under 50 KB of gzipped JavaScript and no DuckDB', async () => {
    for (const slug of [PAGES.home, PAGES.agency, PAGES.report]) {
      const page = await w.page();
      const scripts: string[] = [];
      page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); });
      await page.goto(server.url + slug, { waitUntil: 'load' });
      let gz = 0;
      for (const s of scripts) gz += gzipSync(Buffer.from(await (await fetch(s)).arrayBuffer())).length;
      const inline = await page.locator('script:not([src])').evaluateAll((ss) => ss.map((s) => s.textContent ?? '').join(''));
      gz += gzipSync(Buffer.from(inline)).length;
      expect(gz, slug).toBeLessThan(50 * 1024);
      expect(scripts.some((s) => /duckdb/i.test(s)), slug).toBe(false);
      if (slug !== PAGES.report) {
        const dot = page.locator('.plot svg [data-tip]').first();
        await dot.hover();
        await expect.poll(() => page.locator('.tip').first().isVisible()).toBe(true);
      }
      await page.close();
    }
  });
});
