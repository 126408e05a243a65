/**
 * Exports as a reader gets them, in Chromium against the production build (base /atlas/), in
 * Chinese and in English: the PNG and SVG of a home chart, of the compare chart and of a notebook
 * chart cell carry the title, legend, source line with the data version, and the credit; the PNG
 * is twice the chart's size; the chart data's CSV for Excel starts with a BOM and parses; the
 * workbook opens in exceljs with its Chinese and English header rows and real numbers and dates.
 *
 * ATLAS_EXPORTS_DIST=<dir> uses an existing build under /atlas/ instead of building (quick local runs).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { EXPORT_PAD } from '../../src/shared/export.ts';
import { encodeNotebook } from '../../src/query/permalink.ts';
import { columnLabel } from '../../src/site/export-text.ts';
import { HAS_CHROMIUM, launch, pngSize, siteUnderTest, suiteName, watchedContext, type Watched } from './helpers.ts';
import { serve, type StaticServer } from '../../scripts/browser.ts';

/** Every <text> of an SVG, unescaped, joined by newlines. */
const svgText = (svg: string) => [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)]
  .map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')).join('\n');
const svgSize = (svg: string) => {
  const m = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg);
  return { width: Number(m?.[1]), height: Number(m?.[2]) };
};

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/** A row's values without exceljs's leading hole. */
const rowValues = (sheet: ExcelJS.Worksheet, r: number) => (sheet.getRow(r).values as unknown[]).slice(1);

const LANGS = [
  { lang: 'zh' as const, prefix: '', source: '各机关发布的政府信息公开工作年度报告', version: '数据版本', credit: '图表：政府信息公开年报数据' },
  { lang: 'en' as const, prefix: 'en/', source: 'the agencies’ annual reports on government information disclosure', version: 'Data version', credit: 'Chart: Disclosure Atlas' },
];

describe.skipIf(!HAS_CHROMIUM)(suiteName('chart exports in Chromium'), () => {
  let dist: string;
  let server: StaticServer;
  let browser: Browser;
  let w: Watched;

  beforeAll(async () => {
    dist = await siteUnderTest('ATLAS_EXPORTS_DIST');
    server = await serve(dist, '/atlas/');
    browser = await launch();
    w = await watchedContext(browser, { acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  }, 300_000);

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
    expect(res?.status(), slug).toBe(200);
    return page;
  };

  /** Clicks and returns the file the page saves: its suggested name and bytes. */
  const download = async (page: Page, target: Locator): Promise<{ name: string; bytes: Uint8Array; text: string }> => {
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), target.click()]);
    const bytes = new Uint8Array(readFileSync((await d.path())!));
    return { name: d.suggestedFilename(), bytes, text: new TextDecoder().decode(bytes) };
  };

  /** The SVG opens as an image in the browser at its declared size (so it is well-formed and standalone). */
  const opensAsImage = async (page: Page, svg: string) => page.evaluate(async (markup) => {
    const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
    const img = new Image();
    img.src = url;
    await img.decode();
    const parse = new DOMParser().parseFromString(markup, 'image/svg+xml');
    return { width: img.naturalWidth, height: img.naturalHeight, error: parse.querySelector('parsererror')?.textContent ?? null };
  }, svg);

  /** The checks every image export passes: text, version, credit, size; PNG at 2×. */
  async function checkImages(page: Page, box: Locator, l: (typeof LANGS)[number], expected: { id: string; title: string; legend: string[]; link?: string; staticSvg?: boolean }) {
    const version = await page.evaluate(() => document.querySelector<HTMLElement>('[data-export-version]')?.dataset.exportVersion ?? '');
    expect(version).toMatch(/^\d{4}-\d{2}-\d{2}\.[0-9a-f]{7}$/);
    const svg = await download(page, box.locator('a[download$=".svg"], a[data-download="svg"]').first());
    expect(svg.name).toBe(`${expected.id}${l.lang === 'en' ? '_en' : ''}_${version}.svg`);
    expect(svg.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const words = svgText(svg.text);
    // The title may wrap: its words, without the line breaks, are there.
    expect(words.replace(/\n/g, '').replace(/\s+/g, ''), 'title').toContain(expected.title.replace(/\s+/g, ''));
    for (const label of expected.legend) expect(words, `legend ${label}`).toContain(label);
    const flat = words.replace(/\n/g, ' ');
    expect(flat).toContain(l.source);
    expect(flat).toContain(`${l.version} ${version}`);
    expect(flat).toContain(l.credit);
    if (expected.link) expect(flat.replace(/ /g, '')).toContain(expected.link);
    // In the page's language (an English label may quote the form's 一, 二, 三: look at our own lines).
    if (l.lang === 'en') expect(flat).not.toMatch(/来源|数据版本|图表：/);
    expect(svg.text).not.toMatch(/@font-face|url\(http|<link/);
    const size = svgSize(svg.text);
    expect(await opensAsImage(page, svg.text)).toEqual({ ...size, error: null });

    // The PNG: the chart on screen (CSS px) plus the margins, twice over.
    const plot = box.locator('.plot svg:visible').first();
    const css = (await plot.boundingBox())!;
    const png = await download(page, box.locator('button[data-png]').first());
    expect(png.name).toBe(`${expected.id}${l.lang === 'en' ? '_en' : ''}_${version}.png`);
    const px = pngSize(png.bytes);
    expect(px.width).toBe(2 * (Math.round(css.width) + 2 * EXPORT_PAD));
    if (expected.staticSvg) {
      // The SVG file is the chart at its own width (640); the PNG is the chart as shown, the same height for its width.
      expect(size.width).toBe(640 + 2 * EXPORT_PAD);
      expect(px.height).toBeGreaterThan(2 * css.height);
    } else {
      // Made in the browser: the SVG and the PNG are the same picture, the PNG at 2×.
      expect(px.width).toBe(2 * size.width);
      expect(px.height).toBe(2 * size.height);
    }
    return version;
  }

  /** CSV for Excel: the BOM, then the same records as the plain CSV, which papaparse reads without error. */
  function checkCsv(excel: Uint8Array, plain: string): Record<string, string>[] {
    expect([...excel.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(excel);
    expect(text.slice(1)).toBe(plain);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.length).toBeGreaterThan(0);
    return parsed.data;
  }

  for (const l of LANGS) {
    test(`${l.lang}: a home chart — SVG and PNG with title, legend, source and credit; CSV for Excel; XLSX`, async () => {
      const page = await open(l.prefix);
      const box = page.locator('#applications-by-year');
      const title = (await box.locator('h2, h3').first().textContent())!.trim();
      const legend = (await box.locator('ul.legend li').allTextContents()).map((s) => s.trim());
      expect(legend.length).toBeGreaterThan(3);
      await page.waitForFunction(() => document.querySelector('.plot[data-tips]'));
      const version = await checkImages(page, box, l, { id: 'applications-by-year', title, legend, staticSvg: true });

      // The data files are built with the site: they download without JavaScript.
      const plain = await download(page, box.locator('a[download$=".csv"]:not([download*="_excel"])'));
      expect(plain.name).toBe(`applications-by-year_${version}.csv`);
      const excel = await download(page, box.locator('a[download*="_excel"]'));
      expect(excel.name).toBe(`applications-by-year_excel_${version}.csv`);
      const records = checkCsv(excel.bytes, plain.text);
      const xlsx = await download(page, box.locator('a[download$=".xlsx"]'));
      expect(xlsx.name).toBe(`applications-by-year_${version}.xlsx`);
      const wb = await workbook(xlsx.bytes);
      const sheet = wb.worksheets[0]!;
      const names = Object.keys(records[0]!);
      expect(rowValues(sheet, 1)).toEqual(names.map((n) => columnLabel(n).zh));
      expect(rowValues(sheet, 2)).toEqual(names);
      records.forEach((r, i) => names.forEach((n, j) => {
        const cell = sheet.getCell(i + 3, j + 1).value;
        expect(cell, `${n} row ${i}`).toBe(r[n] === '' ? null : Number(r[n]));
      }));
      const about = wb.worksheets[1]!.getSheetValues().flat().map(String);
      expect(about).toContain(version);
      await page.close();
    });

    test(`${l.lang}: the compare chart — SVG and PNG with the measure, series, source and link; CSV for Excel; XLSX`, async () => {
      const page = await open(`${l.prefix}compare/?lineage=changzhi-sme`);
      await page.waitForFunction(() => document.getElementById('compare-root')?.dataset.source === 'duckdb' && !document.getElementById('compare-root')?.hasAttribute('aria-busy'), null, { timeout: 90_000 });
      const box = page.locator('#compare');
      const title = (await page.locator('#compare-title').textContent())!.trim();
      const legend = (await box.locator('ul.legend li').allTextContents()).map((s) => s.trim());
      expect(legend.length).toBe(1);
      const version = await checkImages(page, box, l, { id: 'compare-proactive_total', title, legend, link: `/atlas/${l.prefix}compare/?lineage=changzhi-sme` }).catch(async (e) => {
        // The measure in the file name is the default one; say which it was if not.
        throw new Error(`${e instanceof Error ? e.message : e} (measure: ${await page.locator('select[name="measure"]').inputValue()})`);
      });
      const plain = await download(page, box.locator('a[data-download="csv"]'));
      expect(plain.name).toBe(`compare-proactive_total_${version}.csv`);
      expect(plain.text.split('\n')[0]).toBe('kind,series,name,year,value,reports');
      const excel = await download(page, box.locator('a[data-download="csv-excel"]'));
      const records = checkCsv(excel.bytes, plain.text);
      const xlsx = await download(page, box.locator('a[data-download="xlsx"]'));
      expect(xlsx.name).toBe(`compare-proactive_total_${version}.xlsx`);
      const sheet = (await workbook(xlsx.bytes)).worksheets[0]!;
      expect(rowValues(sheet, 2)).toEqual(['kind', 'series', 'name', 'year', 'value', 'reports']);
      expect(rowValues(sheet, 1)[4]).toMatch(/主动公开/);
      expect(rowValues(sheet, 1)[3]).toBe('年度');
      const byYear = new Map(records.map((r, i) => [r.year, i + 3]));
      expect(sheet.getCell(byYear.get('2019')!, 4).value).toBe(2019);
      expect(sheet.getCell(byYear.get('2019')!, 5).value).toBe(49);
      expect(sheet.getCell(byYear.get('2023')!, 5).value).toBe(100);
      await page.close();
    });

    test(`${l.lang}: a notebook chart cell — SVG and PNG with title, legend, source; CSV for Excel; XLSX with numbers and dates`, async () => {
      const sql = 'SELECT r.year, count(*) AS reports, sum(s.applications_new) AS applications_new, min(r.published_at) AS first_published\nFROM reports r JOIN summary s USING (report_id)\nGROUP BY r.year ORDER BY r.year';
      const nb = encodeNotebook({ cells: [{ type: 'sql', sql }, { type: 'chart', mark: 'bar', x: 'year', y: 'applications_new' }] });
      const page = await open(`${l.prefix}notebook/#nb=${nb}`);
      const box = page.locator('li.cell[data-cell="chart"] .nb-chart');
      await expect.poll(() => box.locator('.plot svg').count(), { timeout: 90_000 }).toBe(1);
      await page.waitForFunction(() => document.querySelector('li.cell[data-cell="chart"] a[data-download="svg"]')?.getAttribute('href')?.startsWith('blob:'));
      const title = l.lang === 'zh' ? '数据笔记本 · 图表单元格 2' : 'Data notebook · Chart cell 2';
      const version = await checkImages(page, box, l, { id: 'notebook-chart-2', title, legend: [] });
      const svg = await download(page, box.locator('a[data-download="svg"]'));
      expect(svgText(svg.text)).toContain('applications_new');
      const plain = await download(page, box.locator('a[data-download="csv"]'));
      expect(plain.name).toBe(`notebook-chart-2_${version}.csv`);
      expect(plain.text.split('\n')[0]).toBe('year,reports,applications_new,first_published');
      const excel = await download(page, box.locator('a[data-download="csv-excel"]'));
      const records = checkCsv(excel.bytes, plain.text);
      const xlsx = await download(page, box.locator('a[data-download="xlsx"]'));
      const sheet = (await workbook(xlsx.bytes)).worksheets[0]!;
      expect(rowValues(sheet, 1)).toEqual([columnLabel('year').zh, columnLabel('reports').zh, columnLabel('applications_new').zh, 'first_published']);
      expect(rowValues(sheet, 2)).toEqual(['year', 'reports', 'applications_new', 'first_published']);
      records.forEach((r, i) => {
        expect(sheet.getCell(i + 3, 1).value).toBe(Number(r.year));
        expect(sheet.getCell(i + 3, 2).value).toBe(Number(r.reports));
        expect(sheet.getCell(i + 3, 3).value).toBe(r.applications_new === '' ? null : Number(r.applications_new));
        const d = sheet.getCell(i + 3, 4).value;
        if (r.first_published === '') expect(d).toBeNull();
        else {
          expect(d, `row ${i}`).toBeInstanceOf(Date);
          expect((d as Date).toISOString().slice(0, 10)).toBe(r.first_published);
        }
      });
      expect(records.some((r) => r.first_published !== '')).toBe(true);
      await page.close();
    });
  }
});
