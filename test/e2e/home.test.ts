/**
 * The home page at the size of the real data, the report and agency lists, and the status a
 * report page gives, in Chromium: small HTML, English names on English pages, yearly totals that
 * link to the reports they sum, a mostly blank report not shown as passed, checks by table with
 * failures first, and axe-core on the new pages.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildOnce, DIST, HAS_CHROMIUM, launch, suiteName, watchedContext, type Watched } from './helpers.ts';
import { serve, type StaticServer } from '../../scripts/browser.ts';
import { crawl, unreached } from '../../scripts/site-links.ts';
import { LIST_PAGE } from '../../src/site/lists.ts';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Text under `scope` outside any lang="zh-CN" element that has Chinese characters in it. */
const chineseOutsideZh = (page: Page, scope = 'body') => page.evaluate((scope) => {
  const out: string[] = [];
  for (const root of document.querySelectorAll(scope)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[lang^="zh"], script, style, textarea')) continue;
      if (/\p{Script=Han}/u.test(n.textContent ?? '')) out.push(`${el.tagName}: ${n.textContent!.trim().slice(0, 60)}`);
    }
    // SVG labels are text too (screen readers).
    for (const svg of root.querySelectorAll('svg[aria-label]')) {
      if (/\p{Script=Han}/u.test(svg.getAttribute('aria-label')!) && !svg.closest('[lang^="zh"]')) out.push(`svg: ${svg.getAttribute('aria-label')!.slice(0, 60)}`);
    }
  }
  return out;
}, scope);

describe.skipIf(!HAS_CHROMIUM)(suiteName('the home page, the lists and report status in Chromium'), () => {
  let server: StaticServer;
  let browser: Browser;
  let w: Watched;
  const summary = () => Papa.parse<Record<string, string>>(readFileSync(`${DIST}/data/summary.csv`, 'utf8'), { header: true, skipEmptyLines: true }).data;

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

  const open = async (slug: string): Promise<Page> => {
    const page = await w.page();
    const res = await page.goto(server.url + slug, { waitUntil: 'load' });
    expect(res?.status(), `${slug} status`).toBe(200);
    return page;
  };

  test('an all-zero chart says so in words, in both languages', async () => {
    // 金井片区 reports 0 reviews and 0 lawsuits every year: its panels say it rather than leave a flat line to read.
    for (const [slug, sentence] of [['agency/pingtan-jinjing/', '给出这一数字的年度全部为 0。'], ['en/agency/pingtan-jinjing/', 'Every year that gives this number gives 0.']] as const) {
      const page = await open(slug);
      await expect.poll(() => page.getByText(sentence).first().isVisible()).toBe(true);
      await page.close();
    }
  });

  test('the home page HTML is under 100 KB in both languages', async () => {
    for (const slug of ['', 'en/']) {
      const html = await (await fetch(server.url + slug)).text();
      expect(Buffer.byteLength(html), slug || '/').toBeLessThan(100 * 1024);
    }
  });

  test('the English home page names every agency in English or pinyin, and prints no Chinese outside lang="zh-CN"', async () => {
    const page = await open('en/');
    const names = await page.locator('main [data-agency]').evaluateAll((els) => els.map((el) => {
      const copy = el.cloneNode(true) as Element;
      copy.querySelectorAll('[lang^="zh"]').forEach((z) => z.remove());
      return { en: copy.textContent!.trim(), zh: el.querySelector('[lang="zh-CN"]')?.textContent ?? '' };
    }));
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const n of names) {
      expect(n.en, n.zh).toMatch(/[A-Za-z]{3}/);
      expect(n.en, n.zh).not.toMatch(/\p{Script=Han}/u);
    }
    // The registry's English names (all 17 Pingtan publishers have one).
    expect(names.filter((n) => n.en.startsWith('Pingtan Comprehensive Experimental Zone ')).length).toBeGreaterThanOrEqual(10);
    expect(await chineseOutsideZh(page)).toEqual([]);
    // No legend names an agency: the charts aggregate.
    expect(await page.locator('.legend li').count()).toBeLessThanOrEqual(12);
    await page.close();
  });

  test('the English lists and a report page print no Chinese outside lang="zh-CN"', async () => {
    const withChecks = summary().find((r) => Number(r.checks_failed) > 0)!;
    for (const slug of ['en/agencies/', 'en/reports/', 'en/reports/2023/', 'en/reports/attention/', `en/report/${withChecks.report_id}/`]) {
      const page = await open(slug);
      // A report page shows the form's tables with their Chinese labels beside the English; its
      // heading, status, checks and the lists must be English throughout.
      const scope = slug.startsWith('en/report/') ? 'h1, .crumbs, dl.meta, details.check-group' : 'body';
      expect(await chineseOutsideZh(page, scope), slug).toEqual([]);
      if (slug.startsWith('en/report/')) {
        const details = await page.locator('table.checks td:last-child:not([colspan])').allTextContents();
        expect(details.length).toBeGreaterThan(0);
        for (const d of details) expect(d, slug).not.toMatch(/\p{Script=Han}/u);
      }
      await page.close();
    }
  });

  test('a yearly total links to the reports it sums', async () => {
    const page = await open('');
    const link = page.locator('#applications-by-year tbody th a').last();
    const year = (await link.textContent())!.trim();
    await link.click();
    await page.waitForURL(`${server.url}reports/${year}/`);
    // The seeds' years fit on one page of the list (src/site/lists.ts LIST_PAGE).
    const rows = page.locator('table.reports tbody tr');
    expect(await rows.count()).toBe(summary().filter((r) => r.year === year).length);
    expect(await page.locator('h1').textContent()).toContain(year);
    await page.close();
  });

  test('the home page links to every agency and every report', async () => {
    const page = await open('en/');
    await page.locator('[data-all-agencies]').click();
    await page.waitForURL(`${server.url}en/agencies/`);
    const lineages = new Set(summary().map((r) => r.lineage_id));
    expect(await page.locator('table[data-sortable] tbody tr').count()).toBeGreaterThanOrEqual(lineages.size - 1);
    await page.close();
  });

  test('a mostly blank report is not shown as passed; checks collapse by table with failures first', async () => {
    for (const lang of ['', 'en/']) {
      const page = await open(`${lang}report/changzhi-sme-bureau-2019/`);
      expect(await page.locator('dd [data-health]').getAttribute('data-health')).toBe('blank');
      expect(await page.locator('dd .status.ok').count()).toBe(0);
      expect(await page.locator('[data-blank]').count()).toBe(1);
      expect(await page.locator('[data-skipped]').textContent()).toMatch(lang ? /^\d+ checks could not run$/ : /^\d+ 项核对无法进行$/);
      await page.close();
    }
    const failing = summary().find((r) => Number(r.checks_failed) > 0)!;
    const page = await open(`report/${failing.report_id}/`);
    const groups = page.locator('details.check-group');
    expect(await groups.count()).toBeGreaterThan(0);
    expect(Number(await groups.first().getAttribute('data-fail'))).toBeGreaterThan(0);
    expect(await groups.first().getAttribute('open')).not.toBeNull();
    expect(await groups.first().locator('tbody tr').first().getAttribute('class')).toBe('fail');
    // Groups without a failure start closed.
    for (const g of await groups.all()) if (Number(await g.getAttribute('data-fail')) === 0) expect(await g.getAttribute('open')).toBeNull();
    await page.close();
  });

  test('every report and agency page is reached by plain links from the home pages; no link points at nothing', () => {
    // What a reader without JavaScript, or a search engine, can follow (scripts/site-links.ts).
    const c = crawl(DIST);
    const reports = new Set(summary().map((r) => r.report_id));
    expect(c.pages.filter((p) => /^report\//.test(p)).length).toBe(reports.size);
    expect(unreached(c)).toEqual([]);
    expect(c.broken).toEqual([]);
  });

  test('the lists are pages: reports/ indexes the years and names no report; each year lists its reports once', () => {
    const index = readFileSync(`${DIST}/reports/index.html`, 'utf8');
    expect(index).not.toMatch(/href="[^"]*\/report\//);
    const byYear = new Map<string, number>();
    for (const r of summary()) byYear.set(r.year || 'unknown', (byYear.get(r.year || 'unknown') ?? 0) + 1);
    for (const [year, n] of byYear) {
      expect(index).toContain(`href="/atlas/reports/${year}/"`);
      // The seeds' years fit on one page (LIST_PAGE rows a page): every report of the year once.
      const html = readFileSync(`${DIST}/reports/${year}/index.html`, 'utf8');
      const links = [...html.matchAll(/<td><a href="\/atlas\/report\/([^/"]+)\/"/g)].map((m) => m[1]);
      expect(links.length, year).toBe(n);
      expect(new Set(links).size).toBe(n);
      expect(links.length).toBeLessThanOrEqual(LIST_PAGE);
    }
    const agencies = readFileSync(`${DIST}/agencies/index.html`, 'utf8');
    expect([...agencies.matchAll(/<tr data-lineage=/g)].length).toBe(Math.min(LIST_PAGE, new Set(summary().map((r) => r.lineage_id)).size));
  });

  for (const slug of ['agencies/', 'reports/', 'reports/2023/', 'report/changzhi-sme-bureau-2019/']) {
    test(`axe-core finds no WCAG 2 A/AA violation: ${slug}`, async () => {
      for (const [lang, scheme] of [['', 'light'], ['en/', 'dark']] as const) {
        const page = await open(lang + slug);
        await page.emulateMedia({ colorScheme: scheme });
        await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
          const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
          return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')}`);
        });
        expect(violations, `${lang}${slug} (${scheme})`).toEqual([]);
        await page.close();
      }
    });
  }
});
