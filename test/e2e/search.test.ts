/**
 * The site search and the agency pages in Chromium, on the production build under /atlas/: the
 * index is fetched only once the reader starts typing; 投资促进局 is found by pinyin and by 汉字
 * and its lineage page shows both its names; the page's sentences link to their reports.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildOnce, DIST, HAS_CHROMIUM, launch, suiteName, watchedContext, type Watched } from './helpers.ts';
import { serve, type StaticServer } from '../../scripts/browser.ts';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const LINEAGE = 'agency/pingtan-investment/';
const OLD = '平潭综合实验区国有资产管理局';
const NEW = '平潭综合实验区投资促进局';

describe.skipIf(!HAS_CHROMIUM)(suiteName('search and agency pages in Chromium'), () => {
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

  /** A page with every request it makes recorded. */
  const open = async (slug: string): Promise<{ page: Page; requests: string[] }> => {
    const page = await w.page();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const res = await page.goto(server.url + slug, { waitUntil: 'load' });
    expect(res?.status(), `${slug} status`).toBe(200);
    return { page, requests };
  };
  const isIndex = (u: string) => new URL(u).pathname === '/atlas/search-index.json';
  const results = (page: Page) => page.locator('#site-search-results a');

  test('the index is not requested before the reader types; "touzi" finds 投资促进局 and lands on the lineage page with both names', async () => {
    const before = w.errors.length;
    const { page, requests } = await open('');
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    expect(requests.filter(isIndex)).toEqual([]);
    expect(await page.locator('#site-search').isVisible()).toBe(true);

    const fetched = page.waitForRequest((r) => isIndex(r.url()));
    await page.locator('#site-search').click();
    await page.locator('#site-search').pressSequentially('touzi');
    await fetched;
    await expect.poll(() => results(page).first().textContent()).toContain(NEW);
    expect(requests.filter(isIndex)).toHaveLength(1);
    await expect.poll(() => page.locator('#site-search-status').textContent()).toMatch(/找到 \d+ 项/);

    // Keyboard: ↓ to the first result, Enter follows it.
    await page.locator('#site-search').press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('#site-search-results') !== null)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(server.url + LINEAGE);
    const names = await page.locator('ol.names li').allTextContents();
    expect(names.some((n) => n.includes(OLD) && n.includes('2019–2023'))).toBe(true);
    expect(names.some((n) => n.includes(NEW) && n.includes('2024'))).toBe(true);
    await page.close();
    expect(w.errors.slice(before)).toEqual([]);
    expect(w.external).toEqual([]);
  });

  test('汉字 "投资促进" finds it too, and Enter in the box follows the first result', async () => {
    const { page } = await open('about/');
    await page.locator('#site-search').fill('投资促进');
    await expect.poll(() => results(page).count()).toBe(1);
    expect(await results(page).first().getAttribute('href')).toBe(`/atlas/${LINEAGE}`);
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(server.url + LINEAGE);
    expect(await page.locator('h1').textContent()).toBe(NEW);
    expect((await page.locator('ol.names li').allTextContents()).join(' ')).toContain(OLD);
    await page.close();
  });

  test('initials, a region, a report by agency and year; Escape closes the list', async () => {
    const { page } = await open('');
    const box = page.locator('#site-search');
    await box.fill('tzcj');
    await expect.poll(() => results(page).first().getAttribute('href')).toBe(`/atlas/${LINEAGE}`);
    await box.fill('福州');
    await expect.poll(() => results(page).first().textContent()).toContain('福州市');
    expect(await results(page).first().getAttribute('href')).toBe('/atlas/regions/350100/');
    await box.fill('投资促进局 2024');
    await expect.poll(() => results(page).first().getAttribute('href')).toBe('/atlas/report/pingtan-investment-promotion-2024/');
    await box.fill('qwxzqwxz');
    await expect.poll(() => page.locator('#site-search-results').textContent()).toContain('没有找到');
    await box.fill('平潭');
    await expect.poll(() => results(page).count()).toBeGreaterThan(1);
    await box.press('Escape');
    expect(await page.locator('#site-search-results').isVisible()).toBe(false);
    await page.close();
  });

  test('English pages: English names, Chinese beside them, English links', async () => {
    const { page } = await open('en/');
    await page.locator('#site-search').fill('investment promotion');
    await expect.poll(() => results(page).count()).toBe(1);
    const first = results(page).first();
    expect(await first.getAttribute('href')).toBe(`/atlas/en/${LINEAGE}`);
    expect(await first.locator('.search-title').textContent()).toBe('Pingtan Comprehensive Experimental Zone Investment Promotion Bureau');
    expect(await first.locator('[lang="zh-CN"]').textContent()).toBe(NEW);
    expect(await first.locator('.search-kind').textContent()).toBe('Agency');
    await page.close();
  });

  test('the agency page: small multiples, and sentences on what changed, each linking to its reports', async () => {
    for (const lang of ['', 'en/']) {
      const { page } = await open(lang + LINEAGE);
      expect(await page.locator('.multiple .plot svg').count()).toBeGreaterThanOrEqual(6);
      const sentences = page.locator('ul.changes li');
      expect(await sentences.count()).toBeGreaterThan(0);
      for (const li of await sentences.all()) {
        const links = await li.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
        expect(links.length).toBeGreaterThan(0);
        for (const href of links) expect(href).toMatch(new RegExp(`^/atlas/${lang}report/pingtan-`));
      }
      const text = (await sentences.allTextContents()).join('\n');
      expect(text).toContain(lang ? 'In 2020 it proactively disclosed 74 items, 208% more than the year before.' : '2020 年主动公开政府信息 74 条，比上年增加 208%。');
      // Each sentence's first link opens its report.
      const href = await sentences.first().locator('a').first().getAttribute('href');
      const res = await fetch(server.origin + href!);
      expect(res.status).toBe(200);
      await page.close();
    }
  });

  test('axe-core: no WCAG 2 A/AA violation with the results open, in both languages', async () => {
    for (const [lang, q, scheme] of [['', '平潭', 'light'], ['en/', 'pingtan', 'dark']] as const) {
      const { page } = await open(lang + LINEAGE);
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator('#site-search').fill(q);
      await expect.poll(() => results(page).count()).toBeGreaterThan(1);
      await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
        const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')}`);
      });
      expect(violations, `${lang}${LINEAGE} (${scheme})`).toEqual([]);
      await page.close();
    }
  });
});
