/**
 * The regions pages in Chromium: the map drawn at build time shows with JavaScript off (provinces
 * as SVG paths, Fujian and Shanxi shaded, the others not), the radio buttons switch the measure
 * without JavaScript, the table beside it holds the same numbers, the province and city pages
 * list the Pingtan agencies and link to their pages, and nothing leaves 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildOnce, DIST, HAS_CHROMIUM, launch, suiteName, watchedContext, type Watched } from './helpers.ts';
import { serve, type StaticServer } from '../../scripts/browser.ts';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const FUJIAN = 'regions/350000/';
const FUZHOU = 'regions/350100/';

describe.skipIf(!HAS_CHROMIUM)(suiteName('regions in Chromium'), () => {
  let server: StaticServer;
  let browser: Browser;
  let w: Watched;
  let noJs: Watched;

  beforeAll(async () => {
    await buildOnce();
    server = await serve(DIST, '/atlas/');
    browser = await launch();
    w = await watchedContext(browser);
    noJs = await watchedContext(browser, { javaScriptEnabled: false });
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
  const fill = (page: Page, code: string) =>
    page.locator(`.china-map [data-code="${code}"]`).evaluate((el) => getComputedStyle(el.matches('path') ? el : el.querySelector('path')!).fill);

  test('with JavaScript off the map is drawn: every province a path, Fujian and Shanxi shaded, a legend', async () => {
    for (const lang of ['', 'en/']) {
      const page = await open(`${lang}regions/`, noJs);
      const map = page.locator('svg.china-map');
      await expect.poll(() => map.isVisible()).toBe(true);
      const box = (await map.boundingBox())!;
      expect(box.width).toBeGreaterThan(300);
      expect(box.height).toBeGreaterThan(200);
      expect(await page.locator('svg.china-map path.p').count()).toBe(34);
      const none = await fill(page, '65');
      for (const code of ['35', '14']) {
        const link = page.locator(`.china-map a[data-code="${code}"]`);
        expect(await link.count(), code).toBe(1);
        expect(await fill(page, code), code).not.toBe(none);
      }
      // Fujian has more agencies than Shanxi: a darker class.
      expect(await fill(page, '35')).not.toBe(await fill(page, '14'));
      const label = (await page.locator('.china-map a[data-code="35"]').getAttribute('aria-label'))!;
      expect(label).toMatch(lang ? /^Fujian: 17 agencies, 116 reports/ : /^福建省：17 个机关，116 份报告/);
      expect(await page.locator('.china-map a[data-code="35"]').getAttribute('href')).toBe(`/atlas/${lang}${FUJIAN}`);
      expect(await page.locator('.map-legend:visible').count()).toBe(1);
      await page.close();
    }
    expect(noJs.external).toEqual([]);
  });

  test('the radio buttons switch the measure and its legend without JavaScript', async () => {
    const page = await open('regions/', noJs);
    const legend = () => page.locator('.map-legend:visible').getAttribute('class');
    expect(await legend()).toContain('legend-agencies');
    const before = await fill(page, '14');
    // Shanxi's seeds report 0 applications: unshaded under that measure, shaded by agencies.
    await page.locator('#china-map-applications').check();
    expect(await legend()).toContain('legend-applications');
    expect(await fill(page, '14')).not.toBe(before);
    expect(await fill(page, '14')).toBe(await fill(page, '65'));
    expect(await fill(page, '35')).not.toBe(await fill(page, '65'));
    await page.close();
  });

  test('the table beside the map holds the same numbers and links to the province pages', async () => {
    const page = await open('regions/');
    const rows = page.locator('.map-table tbody tr');
    expect(await rows.count()).toBe(2);
    const fujian = page.locator('.map-table tr[data-code="350000"]');
    const cells = await fujian.locator('td').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['17', '116']);
    const label = (await page.locator('.china-map a[data-code="35"]').getAttribute('aria-label'))!;
    for (const n of cells) expect(label).toContain(n);
    expect(await fujian.locator('a').getAttribute('href')).toBe(`/atlas/${FUJIAN}`);
    // The sections the site search links to are still there.
    expect(await page.locator('[id="福建省"]').count()).toBe(1);
    expect(await page.locator('[id="福建省-福州市"]').count()).toBe(1);
    await page.close();
  });

  test('the province and city pages list the Pingtan agencies, linking to their pages', async () => {
    for (const [lang, slug] of [['', FUJIAN], ['en/', FUJIAN], ['', FUZHOU]] as const) {
      const page = await open(lang + slug, noJs);
      expect(await page.locator('h1').textContent()).toContain(lang ? 'Fujian' : slug === FUJIAN ? '福建省' : '福州市');
      const agencies = page.locator('table.region-agencies tbody tr');
      expect(await agencies.count(), slug).toBe(17);
      const links = await agencies.locator('a[data-agency]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).toContain(`/atlas/${lang}agency/pingtan-investment/`);
      for (const href of links) expect(href).toMatch(new RegExp(`^/atlas/${lang}agency/[a-z0-9-]+/$`));
      expect(await page.locator('table.region-totals tr[data-measure="reports"] td.num').textContent()).toBe('116');
      await page.close();
    }
    // Every agency link lands on a page.
    const page = await open(FUJIAN);
    for (const href of await page.locator('table.region-agencies a[data-agency]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      expect((await fetch(new URL(href, server.url).href)).status, href).toBe(200);
    }
    await page.close();
  });

  test('no request leaves 127.0.0.1, no console error; axe-core passes', async () => {
    for (const [slug, scheme] of [['regions/', 'light'], ['en/regions/', 'dark'], [FUJIAN, 'light'], [`en/${FUZHOU}`, 'dark']] as const) {
      const page = await open(slug);
      await page.emulateMedia({ colorScheme: scheme });
      await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
        const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
        return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')}`);
      });
      expect(violations, `${slug} (${scheme})`).toEqual([]);
      await page.close();
    }
    expect(w.errors).toEqual([]);
    expect(w.external).toEqual([]);
    expect(noJs.external).toEqual([]);
  });
});
