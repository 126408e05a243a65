/**
 * An agency's charts made in the browser from its data file, in Chromium against the production
 * build (base /atlas/), for the seeds' 长治 lineage (renamed in 2023), in Chinese and in English:
 * the embed codes from the agency page pasted into an outside page (latest and pinned) show the
 * chart, its title and the credit inside the frame, fitted to its content; a bad id or measure is
 * said in words, and so is a frame without JavaScript; the agency page's downloads (SVG, PNG, CSV,
 * CSV for Excel, XLSX) carry the title, source line and the seed numbers of data/summary.csv. The
 * build itself has no chart files or embed pages per agency.
 *
 * ATLAS_AGENCY_DIST=<dir> uses an existing build under /atlas/ instead of building (quick local runs).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { columnLabel } from '../../src/site/export-text.ts';
import { HAS_CHROMIUM, launch, pngSize, siteUnderTest, suiteName, watchedContext, type Watched } from './helpers.ts';
import { serve, type StaticServer } from '../../scripts/browser.ts';
import { expectVisible, frameOf, frameOnly, hostPage, measure } from './embed-harness.ts';

const LINEAGE = 'changzhi-sme';
const CHART = `${LINEAGE}-proactive-total`;
const LANGS = [
  { lang: 'zh' as const, prefix: '', credit: '图表：政府信息公开年报数据', source: '各机关发布的政府信息公开工作年度报告', version: '数据版本', notFound: '找不到这个机关', noScript: '这里没有运行脚本' },
  { lang: 'en' as const, prefix: 'en/', credit: 'Chart: Disclosure Atlas', source: 'the agencies’ annual reports on government information disclosure', version: 'Data version', notFound: 'No such agency', noScript: 'which is not running here' },
];

/** Every <text> of an SVG, unescaped, joined by spaces. */
const svgWords = (svg: string) => [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)]
  .map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')).join(' ');

describe.skipIf(!HAS_CHROMIUM)(suiteName('agency charts made in the browser, in Chromium'), () => {
  let dist: string;
  let site: StaticServer;
  let host: StaticServer;
  let hostDir: string;
  let browser: Browser;
  let w: Watched;
  let version: string;
  /** The seed numbers: 长治's reports in data/summary.csv, by year. */
  let golden: { report_id: string; agency_name: string; year: number; proactive_total: number | null }[];
  const codes: Record<string, { latest: string; pinned: string; title: string }> = {};

  beforeAll(async () => {
    dist = await siteUnderTest('ATLAS_AGENCY_DIST');
    site = await serve(dist, '/atlas/');
    hostDir = mkdtempSync(join(tmpdir(), 'atlas-agency-host-'));
    host = await serve(hostDir, '/news/');
    browser = await launch();
    w = await watchedContext(browser, { acceptDownloads: true, viewport: { width: 1200, height: 900 } });
    const summary = Papa.parse<Record<string, string>>(readFileSync(join(dist, 'data/summary.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    golden = summary.filter((r) => r.lineage_id === LINEAGE && r.year !== '').map((r) => ({
      report_id: r.report_id!, agency_name: r.agency_name!, year: Number(r.year), proactive_total: r.proactive_total === '' ? null : Number(r.proactive_total),
    })).sort((a, b) => a.year - b.year || (a.report_id < b.report_id ? -1 : 1));
    // The codes as a reader copies them from the agency page (made absolute there by the page's script).
    for (const l of LANGS) {
      const page = await w.page();
      await page.goto(`${site.url}${l.prefix}agency/${LINEAGE}/`, { waitUntil: 'load' });
      // The codes are written into the page's embed dialog when a panel's button opens it.
      expect(await page.locator('dialog#agency-embed-dialog').isVisible()).toBe(false);
      await page.locator(`#${CHART} button[data-agency-embed]`).click();
      await page.waitForFunction((origin) => document.querySelector<HTMLTextAreaElement>('#agency-embed')?.value.includes(origin), site.origin);
      expect(await page.locator('dialog#agency-embed-dialog').isVisible()).toBe(true);
      const latest = await page.inputValue('#agency-embed');
      const pinned = await page.inputValue('#agency-embed-pinned');
      version = (await page.locator('input[name="agency-embed-which"][value="pinned"]').getAttribute('data-version')) ?? '';
      const title = /title="([^"]*)"/.exec(latest)![1]!;
      codes[l.lang] = { latest, pinned, title };
      writeFileSync(join(hostDir, `${l.lang}-latest.html`), hostPage(latest));
      writeFileSync(join(hostDir, `${l.lang}-pinned.html`), hostPage(pinned));
      writeFileSync(join(hostDir, `${l.lang}-noscript.html`), hostPage(frameOnly(latest)));
      writeFileSync(join(hostDir, `${l.lang}-bad.html`), hostPage(latest.replace(`id=${LINEAGE}&`, 'id=no-such-agency&')));
      await page.close();
    }
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await host?.close();
    if (hostDir) rmSync(hostDir, { recursive: true, force: true });
  });

  test('the build: one data file per agency under the data version, one embed page per language, no chart files or embed pages per agency', () => {
    expect(version).toMatch(/^\d{4}-\d{2}-\d{2}\.[0-9a-f]{7}$/);
    expect(golden.map((g) => [g.year, g.proactive_total])).toEqual([[2019, 49], [2023, 100]]);
    for (const page of ['embed/agency/index.html', 'en/embed/agency/index.html', `embed/v/${version}/agency/index.html`, `en/embed/v/${version}/agency/index.html`]) {
      expect(existsSync(join(dist, page)), page).toBe(true);
    }
    const agencies = readdirSync(join(dist, 'agency'));
    expect(agencies).toContain(LINEAGE);
    expect(readdirSync(join(dist, `data/v/${version}/agency`)).sort()).toEqual(agencies.map((a) => `${a}.json`).sort());
    const homeCharts = ['applications-by-year', 'applications-distribution', 'proactive-by-year', 'reviews-litigation-by-year'];
    for (const dir of ['embed', 'en/embed', `embed/v/${version}`, `en/embed/v/${version}`]) {
      expect(readdirSync(join(dist, dir)).filter((f) => !['v', 'agency', 'compare'].includes(f)).sort(), dir).toEqual(homeCharts);
    }
    expect(readdirSync(join(dist, 'charts')).filter((f) => agencies.some((a) => f.startsWith(`${a}-`)))).toEqual([]);
    expect(readdirSync(join(dist, 'charts'))).toHaveLength(homeCharts.length * 5);
  });

  for (const l of LANGS) {
    for (const kind of ['latest', 'pinned'] as const) {
      test(`${l.lang}, ${kind}: the embed code in an outside page shows the chart, its title and the credit inside the fitted frame`, async () => {
        const page = await w.page();
        const requests: string[] = [];
        page.on('request', (r) => requests.push(new URL(r.url()).pathname));
        await page.goto(`${host.url}${l.lang}-${kind}.html`, { waitUntil: 'load' });
        const frame = await frameOf(page);
        expect(frame.url()).toContain(`/atlas/${l.prefix}embed/${kind === 'pinned' ? `v/${version}/` : ''}agency/?id=${LINEAGE}&m=proactive_total`);
        await frame.waitForSelector('.plot svg', { state: 'visible' });
        for (const width of [320, 1200]) {
          await page.setViewportSize({ width, height: 900 });
          await expect.poll(async () => {
            const f = await measure(page, frame);
            return f.styleHeight !== '' && Math.abs(f.frameHeight - f.content) <= 1;
          }, { timeout: 15_000, message: `${l.lang} ${kind} ${width}px: frame fitted` }).toBe(true);
          const fit = await measure(page, frame);
          expectVisible(fit, `${l.lang} ${kind} ${width}px`);
          expect(fit.version).toContain(version);
        }
        expect(requests).toContain(`/atlas/data/v/${version}/agency/${LINEAGE}.json`);
        expect((await frame.locator('h1').textContent())?.trim()).toBe(codes[l.lang]!.title);
        expect(codes[l.lang]!.title).toContain(l.lang === 'zh' ? '长治市中小企业服务中心' : 'Changzhi');
        const svg = frame.locator('.plot svg:visible');
        expect(await svg.getAttribute('role')).toBe('img');
        expect(await svg.getAttribute('aria-label')).toContain('2019 49; 2023 100');
        const credit = (await frame.locator('.credit').textContent())!;
        expect(credit).toContain(l.credit);
        expect(await frame.locator('a[data-credit-link]').getAttribute('href')).toBe(`/atlas/${l.prefix}agency/${LINEAGE}/#${CHART}`);
        // The data behind the toggle: the seed numbers.
        await frame.locator('details summary').click();
        const rows = await frame.locator('details tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
        expect(rows).toEqual(golden.map((g) => [String(g.year), g.proactive_total === null ? '—' : String(g.proactive_total)]));
        await page.close();
        expect(w.external).toEqual([]);
        expect(w.errors).toEqual([]);
      });
    }

    test(`${l.lang}: the host page running no script: the fallback height shows the chart and the credit at 320, 640 and 1200 px`, async () => {
      const page = await w.page();
      await page.goto(`${host.url}${l.lang}-noscript.html`, { waitUntil: 'load' });
      const frame = await frameOf(page);
      await frame.waitForSelector('.plot svg', { state: 'visible' });
      const fallback = Number(await page.getAttribute('iframe[data-atlas-embed]', 'height'));
      for (const width of [320, 640, 1200]) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(300);
        const fit = await measure(page, frame);
        expect(fit.styleHeight, 'nobody resized the frame').toBe('');
        expect(Math.round(fit.frameHeight)).toBe(fallback);
        expectVisible(fit, `${l.lang} without script ${width}px`);
      }
      await page.close();
      expect(w.errors).toEqual([]);
    });

    test(`${l.lang}: an unknown id or measure is said in words, and so is a frame without JavaScript`, async () => {
      const page = await w.page();
      await page.goto(`${host.url}${l.lang}-bad.html`, { waitUntil: 'load' });
      const frame = await frameOf(page);
      await frame.waitForSelector('[data-problem]:not([hidden])');
      await expect.poll(() => frame.locator('[data-problem]').textContent()).toContain(l.notFound);
      expect(await frame.locator('[data-problem]').textContent()).toContain('no-such-agency');
      expect(await frame.locator('.plot svg').count()).toBe(0);
      await page.goto(`${site.url}${l.prefix}embed/agency/?id=${LINEAGE}&m=granted_total`, { waitUntil: 'load' });
      await expect.poll(() => page.locator('[data-problem]').textContent()).toContain('granted_total');
      expect(await page.locator('.plot svg').count()).toBe(0);
      await page.close();
      // The data file of an unknown agency is missing: that 404 is the only error.
      expect(w.errors.filter((e) => !e.includes('no-such-agency') && !/status of 404/.test(e))).toEqual([]);
      w.errors.length = 0;

      const off = await browser.newContext({ javaScriptEnabled: false });
      const still = await off.newPage();
      await still.goto(`${site.url}${l.prefix}embed/agency/?id=${LINEAGE}&m=proactive_total`, { waitUntil: 'load' });
      expect(await still.locator('main').textContent()).toContain(l.noScript);
      expect(await still.locator('.embed-problem a').getAttribute('href')).toBe(`/atlas/${l.prefix}agencies/`);
      expect(await still.locator('.credit').textContent()).toContain(l.credit);
      await off.close();
    });
  }

  /** Clicks and returns the file the page saves: its suggested name and bytes. */
  const download = async (page: Page, target: Locator): Promise<{ name: string; bytes: Uint8Array; text: string }> => {
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), target.click()]);
    const bytes = new Uint8Array(readFileSync((await d.path())!));
    return { name: d.suggestedFilename(), bytes, text: new TextDecoder().decode(bytes) };
  };

  for (const l of LANGS) {
    test(`${l.lang}: the agency page's downloads — SVG and PNG with title, source and credit; CSV, CSV for Excel and XLSX with the seed numbers`, async () => {
      const page = await w.page();
      await page.goto(`${site.url}${l.prefix}agency/${LINEAGE}/`, { waitUntil: 'load' });
      const box = page.locator(`#${CHART}`);
      const button = (kind: string) => box.locator(`button[data-agency-export="${kind}"]`);
      expect(await button('svg').isVisible()).toBe(true);
      const en = l.lang === 'en' ? '_en' : '';

      const svg = await download(page, button('svg'));
      expect(svg.name).toBe(`${CHART}${en}_${version}.svg`);
      expect(svg.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      const words = svgWords(svg.text);
      expect(words.replace(/\s+/g, '')).toContain(codes[l.lang]!.title.replace(/\s+/g, ''));
      expect(words).toContain(l.source);
      expect(words).toContain(`${l.version} ${version}`);
      expect(words).toContain(l.credit);
      expect(words.replace(/ /g, '')).toContain(`/atlas/${l.prefix}agency/${LINEAGE}/#${CHART}`);
      for (const g of golden) if (g.proactive_total !== null) expect(words).toContain(String(g.proactive_total));
      const width = Number(/<svg [^>]*width="(\d+)"/.exec(svg.text)?.[1]), height = Number(/<svg [^>]*height="(\d+)"/.exec(svg.text)?.[1]);
      expect(width).toBe(640 + 32);

      const png = await download(page, button('png'));
      expect(png.name).toBe(`${CHART}${en}_${version}.png`);
      expect(pngSize(png.bytes)).toEqual({ width: 2 * width, height: 2 * height });

      const plain = await download(page, button('csv'));
      expect(plain.name).toBe(`${CHART}_${version}.csv`);
      const parsed = Papa.parse<Record<string, string>>(plain.text, { header: true, skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      expect(parsed.meta.fields).toEqual(['lineage_id', 'report_id', 'agency_name', 'year', 'proactive_total']);
      expect(parsed.data).toEqual(golden.map((g) => ({
        lineage_id: LINEAGE, report_id: g.report_id, agency_name: g.agency_name, year: String(g.year), proactive_total: g.proactive_total === null ? '' : String(g.proactive_total),
      })));
      const excel = await download(page, button('csv-excel'));
      expect(excel.name).toBe(`${CHART}_excel_${version}.csv`);
      expect([...excel.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(excel.bytes).slice(1)).toBe(plain.text);

      const xlsx = await download(page, button('xlsx'));
      expect(xlsx.name).toBe(`${CHART}_${version}.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.bytes.buffer.slice(xlsx.bytes.byteOffset, xlsx.bytes.byteOffset + xlsx.bytes.byteLength) as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      const names = parsed.meta.fields!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(names.map((n) => columnLabel(n).zh));
      expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(names);
      golden.forEach((g, i) => {
        expect(sheet.getCell(i + 3, 4).value).toBe(g.year);
        expect(sheet.getCell(i + 3, 5).value).toBe(g.proactive_total);
      });
      const about = wb.worksheets[1]!.getSheetValues().flat().map(String);
      expect(about).toContain(version);
      expect(about.join(' ')).toContain(codes.zh!.title);
      expect(about.join(' ')).toContain(codes.en!.title);

      // The embed dialog: the panel's title, the latest code by default, the pinned one when asked; Escape closes it.
      const dialog = page.locator('dialog#agency-embed-dialog');
      await box.locator('button[data-agency-embed]').click();
      await expect.poll(() => dialog.isVisible()).toBe(true);
      expect(await dialog.locator('h2').textContent()).toBe(codes[l.lang]!.title);
      expect(await page.locator('#agency-embed').isVisible()).toBe(true);
      expect(await page.locator('#agency-embed-pinned').isVisible()).toBe(false);
      await dialog.locator('input[name="agency-embed-which"][value="pinned"]').check();
      expect(await page.locator('#agency-embed-pinned').isVisible()).toBe(true);
      expect(await page.inputValue('#agency-embed-pinned')).toContain(`src="${site.url}${l.prefix}embed/v/${version}/agency/?id=${LINEAGE}&amp;m=proactive_total"`);
      expect(await page.inputValue('#agency-embed-pinned')).toContain(`data-atlas-version="${version}"`);
      expect(await page.inputValue('#agency-embed')).toContain(`src="${site.url}${l.prefix}embed/agency/?id=${LINEAGE}&amp;m=proactive_total"`);
      // Another panel's button fills the same dialog with its own chart.
      await page.keyboard.press('Escape');
      expect(await dialog.isVisible()).toBe(false);
      await page.locator(`#${LINEAGE}-applications-new button[data-agency-embed]`).click();
      await expect.poll(() => page.inputValue('#agency-embed')).toContain(`&amp;m=applications_new"`);
      expect(await dialog.locator('h2').textContent()).toContain(l.lang === 'zh' ? '本年新收申请' : 'New applications');
      await page.close();
      expect(w.external).toEqual([]);
      expect(w.errors).toEqual([]);
    });
  }

  test('without JavaScript the agency page keeps each panel\'s data table and hides the buttons that need it', async () => {
    const off = await browser.newContext({ javaScriptEnabled: false });
    const page = await off.newPage();
    await page.goto(`${site.url}agency/${LINEAGE}/`, { waitUntil: 'load' });
    const box = page.locator(`#${CHART}`);
    expect(await box.locator('button[data-agency-export]').count()).toBe(5);
    expect(await box.locator('button[data-agency-embed]').count()).toBe(1);
    expect(await box.locator('.multiple-actions').isVisible()).toBe(false);
    expect(await box.locator('button[data-agency-embed]').isVisible()).toBe(false);
    expect(await page.locator('dialog#agency-embed-dialog').isVisible()).toBe(false);
    await box.locator('details summary').click();
    expect(await box.locator('table.data tbody tr').allTextContents()).toEqual(golden.map((g) => `${g.year}${g.proactive_total}`));
    await off.close();
  });
});
