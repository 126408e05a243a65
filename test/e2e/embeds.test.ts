/**
 * Embed codes in somebody else's page, in Chromium: the codes are copied from the site's own pages
 * (a home chart, the compare tool), pasted into an HTML page served from another origin, and
 * looked at 320, 640 and 1200 px wide on a desktop and on a phone (isMobile, 3× pixels, touch).
 * The frame fits its content, the whole chart and the credit line are inside the frame's visible
 * box; where the host page runs no script, the fallback height still shows the credit. The pinned
 * code shows its version's pages and data.
 *
 * ATLAS_EMBEDS_DIST=<dir> uses an existing build under /atlas/ instead of building (quick local runs).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildOnce, DIST as BUILT, HAS_CHROMIUM, launch, suiteName, watchedContext, type Watched } from './helpers.ts';
import { serve, type StaticServer } from '../../scripts/browser.ts';
import { expectVisible, frameOf, frameOnly, hostPage, measure } from './embed-harness.ts';

const DIST = process.env.ATLAS_EMBEDS_DIST ?? BUILT;
const WIDTHS = [320, 640, 1200];
const CONTEXTS: [string, BrowserContextOptions][] = [
  ['desktop', { viewport: { width: 1200, height: 800 } }],
  ['phone', { viewport: { width: 320, height: 640 }, isMobile: true, deviceScaleFactor: 3, hasTouch: true }],
];

describe.skipIf(!HAS_CHROMIUM)(suiteName('embed codes in an outside page, in Chromium'), () => {
  let site: StaticServer;
  let host: StaticServer;
  let hostDir: string;
  let browser: Browser;
  let version: string;
  const snippets: Record<'chart' | 'chartPinned' | 'compare' | 'comparePinned', string> = { chart: '', chartPinned: '', compare: '', comparePinned: '' };
  const watched: Watched[] = [];
  const measured: string[] = [];

  beforeAll(async () => {
    if (!process.env.ATLAS_EMBEDS_DIST) await buildOnce();
    site = await serve(DIST, '/atlas/');
    hostDir = mkdtempSync(join(tmpdir(), 'atlas-host-'));
    host = await serve(hostDir, '/news/');
    expect(new URL(host.url).origin).not.toBe(new URL(site.url).origin);
    browser = await launch();
    // The codes as a reader copies them from the site's pages (made absolute there by the page's script).
    const w = await watchedContext(browser);
    watched.push(w);
    const page = await w.page();
    await page.goto(`${site.url}`, { waitUntil: 'load' });
    await page.waitForFunction((origin) => document.querySelector<HTMLTextAreaElement>('#applications-by-year-embed')?.value.includes(origin), site.origin);
    snippets.chart = await page.inputValue('#applications-by-year-embed');
    snippets.chartPinned = await page.inputValue('#applications-by-year-embed-pinned');
    version = (await page.locator('input[name="applications-by-year-embed-which"][value="pinned"]').getAttribute('data-version')) ?? '';
    await page.goto(`${site.url}compare/?from=2021&to=2024`, { waitUntil: 'load' });
    await page.waitForFunction((origin) => document.querySelector<HTMLTextAreaElement>('#compare-embed')?.value.includes(origin), site.origin, { timeout: 60_000 });
    snippets.compare = await page.inputValue('#compare-embed');
    snippets.comparePinned = await page.inputValue('#compare-embed-pinned');
    await page.close();
    for (const [name, code] of Object.entries(snippets)) {
      writeFileSync(join(hostDir, `${name}.html`), hostPage(code));
      writeFileSync(join(hostDir, `${name}-noscript.html`), hostPage(frameOnly(code)));
    }
  }, 300_000);

  afterAll(async () => {
    if (measured.length) console.log(`[embeds] fallback vs content heights:\n${measured.join('\n')}`);
    await browser?.close();
    await site?.close();
    await host?.close();
    if (hostDir) rmSync(hostDir, { recursive: true, force: true });
  });

  test('the embed codes: a frame and the listener; the pinned one names the version its pages and data are kept under', () => {
    expect(version).toMatch(/^\d{4}-\d{2}-\d{2}\.[0-9a-f]{7}$/);
    for (const code of Object.values(snippets)) {
      expect(code).toMatch(/^<iframe [^>]*data-atlas-embed[^>]*><\/iframe>\n<script>\(function\(w,d\)\{(?:(?!<\/)[\s\S])*\}\)\(window,document\);<\/script>$/);
      expect(code).toMatch(/ height="\d+"/);
    }
    expect(snippets.chart).toContain(`src="${site.url}embed/applications-by-year/"`);
    expect(snippets.chartPinned).toContain(`src="${site.url}embed/v/${version}/applications-by-year/"`);
    expect(snippets.chartPinned).toContain(`data-atlas-version="${version}"`);
    expect(snippets.chart).not.toContain('data-atlas-version');
    expect(snippets.compare).toContain(`src="${site.url}embed/compare/?from=2021&amp;to=2024"`);
    expect(snippets.comparePinned).toContain(`src="${site.url}embed/v/${version}/compare/?from=2021&amp;to=2024"`);
    expect(snippets.comparePinned).toContain(`data-atlas-version="${version}"`);
    // The build wrote the pinned pages in both languages, and the data they query, byte for byte.
    for (const page of [`embed/v/${version}/applications-by-year/index.html`, `en/embed/v/${version}/applications-by-year/index.html`,
      `embed/v/${version}/compare/index.html`, `en/embed/v/${version}/compare/index.html`]) expect(existsSync(join(DIST, page)), page).toBe(true);
    for (const table of ['summary', 'applications', 'reports']) {
      expect(readFileSync(join(DIST, `data/v/${version}/${table}.parquet`)).equals(readFileSync(join(DIST, `data/${table}.parquet`))), table).toBe(true);
    }
    expect(readFileSync(join(DIST, `embed/v/${version}/compare/index.html`), 'utf8')).toContain(`content="/atlas/data/v/${version}/"`);
  });

  test('the embed dialog: "follow latest" shows by default, "pin" swaps in the pinned code, and copy copies the one shown', async () => {
    const w = await watchedContext(browser, { viewport: { width: 1200, height: 900 } });
    watched.push(w);
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const page = await w.page();
    await page.goto(`${site.url}en/`, { waitUntil: 'load' });
    const latest = page.locator('#applications-by-year-embed');
    const pinned = page.locator('#applications-by-year-embed-pinned');
    await latest.scrollIntoViewIfNeeded();
    expect(await latest.isVisible()).toBe(true);
    expect(await pinned.isVisible()).toBe(false);
    await page.getByLabel(`Pin this version (${version})`).first().check();
    expect(await latest.isVisible()).toBe(false);
    expect(await pinned.isVisible()).toBe(true);
    await page.locator('button[data-copy^="applications-by-year-embed"]').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(`/atlas/en/embed/v/${version}/applications-by-year/`);
    await page.getByLabel('Follow the latest data').first().check();
    await page.locator('button[data-copy^="applications-by-year-embed"]').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('/atlas/en/embed/applications-by-year/');
    await w.context.close();
    expect(w.errors).toEqual([]);
  });

  for (const [device, options] of CONTEXTS) {
    for (const kind of ['chart', 'compare'] as const) {
      test(`${kind} embed on a ${device}: the frame fits its content at ${WIDTHS.join(', ')} px, chart and credit inside it`, async () => {
        const w = await watchedContext(browser, options);
        watched.push(w);
        const page = await w.page();
        await page.goto(`${host.url}${kind}.html`, { waitUntil: 'load' });
        const frame = await frameOf(page);
        if (kind === 'compare') await frame.waitForSelector('#compare-root[data-source] .plot svg', { timeout: 60_000 });
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          // Fitted: the listener set the frame's height to the content's, whatever it was before.
          await expect.poll(async () => {
            const f = await measure(page, frame);
            return f.styleHeight !== '' && Math.abs(f.frameHeight - f.content) <= 1;
          }, { timeout: 15_000, message: `${kind} ${device} ${width}px: frame fitted` }).toBe(true);
          const fit = await measure(page, frame);
          expectVisible(fit, `${kind} ${device} ${width}px`);
          expect(fit.version).toContain(version);
        }
        await w.context.close();
        expect(w.external).toEqual([]);
        expect(w.errors).toEqual([]);
      });

      test(`${kind} embed on a ${device}, the host page running no script: the fallback height shows the chart and credit at ${WIDTHS.join(', ')} px`, async () => {
        const w = await watchedContext(browser, { ...options, viewport: { width: 640, height: 800 } });
        watched.push(w);
        const page = await w.page();
        await page.goto(`${host.url}${kind}-noscript.html`, { waitUntil: 'load' });
        const frame = await frameOf(page);
        if (kind === 'compare') await frame.waitForSelector('#compare-root[data-source] .plot svg', { timeout: 60_000 });
        const fallback = Number(await page.getAttribute('iframe[data-atlas-embed]', 'height'));
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 800 });
          await page.waitForTimeout(300);
          const fit = await measure(page, frame);
          expect(fit.styleHeight, 'nobody resized the frame').toBe('');
          expect(Math.round(fit.frameHeight)).toBe(fallback);
          measured.push(`  ${kind} ${device} ${width}px: fallback ${fallback}, content ${fit.content}`);
          // 640 px is what the fallback must show; it is estimated to cover every width up to the frame's widest.
          expectVisible(fit, `${kind} ${device} ${width}px without script`);
        }
        await w.context.close();
        expect(w.external).toEqual([]);
        expect(w.errors).toEqual([]);
      });
    }
  }

  test('pinned codes show their version: the chart page under embed/v/<version>/, the compare tool on that version\'s data', async () => {
    const w = await watchedContext(browser, { viewport: { width: 640, height: 800 } });
    watched.push(w);
    for (const kind of ['chartPinned', 'comparePinned'] as const) {
      const page = await w.page();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(new URL(r.url()).pathname));
      await page.goto(`${host.url}${kind}.html`, { waitUntil: 'load' });
      const frame = await frameOf(page);
      expect(frame.url()).toContain(`/atlas/embed/v/${version}/`);
      if (kind === 'comparePinned') {
        await frame.waitForSelector('#compare-root[data-source] .plot svg', { timeout: 60_000 });
        expect(requests).toContain(`/atlas/data/v/${version}/summary.parquet`);
        expect(requests.filter((p) => /^\/atlas\/data\/[a-z0-9_]+\.parquet$/.test(p))).toEqual([]);
      }
      await expect.poll(async () => {
        const f = await measure(page, frame);
        return f.styleHeight !== '' && Math.abs(f.frameHeight - f.content) <= 1;
      }, { timeout: 15_000 }).toBe(true);
      const fit = await measure(page, frame);
      expectVisible(fit, kind);
      expect(fit.version).toContain(version);
      await page.close();
    }
    await w.context.close();
    expect(w.external).toEqual([]);
    expect(w.errors).toEqual([]);
  });
});
