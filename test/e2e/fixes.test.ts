/**
 * Fixes found in use (issue 10), each done in Chromium as a reader would: notebook charts of a
 * year, long Chinese labels, a chart cell moved away from its SQL cell, a cancelled query, a shared
 * compare link opened while DuckDB loads, the query pages without JavaScript, the 404 page in
 * English, the language switch keeping #L22, and the data and report pages on a 390 px phone.
 *
 * The site is built once per test run (helpers.ts buildOnce, into node_modules/.cache/atlas-site).
 * ATLAS_FIXES_DIST=<dir> uses an existing build under /atlas/ instead (quick local runs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { decodeNotebook, encodeNotebook, notebookCodeOf, type Notebook } from '../../src/query/permalink.ts';
import { HAS_CHROMIUM, launch, siteUnderTest, suiteName, watchedContext, type Watched } from './helpers.ts';
import { serve, type StaticServer } from '../../scripts/browser.ts';

describe.skipIf(!HAS_CHROMIUM)(suiteName('fixes found in use, in Chromium'), () => {
  let dist: string;
  let server: StaticServer;
  let browser: Browser;
  let w: Watched;

  beforeAll(async () => {
    dist = await siteUnderTest('ATLAS_FIXES_DIST');
    server = await serve(dist, '/atlas/');
    browser = await launch();
    w = await watchedContext(browser, { viewport: { width: 1100, height: 900 } });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(() => {
    expect(w.external).toEqual([]);
  });

  const open = async (slug: string): Promise<Page> => {
    const page = await w.page();
    const res = await page.goto(server.url + slug, { waitUntil: 'load' });
    expect(res?.status(), `${slug} status`).toBe(200);
    return page;
  };
  const openNotebook = (nb: Notebook) => open('en/notebook/#nb=' + encodeNotebook(nb));
  const cell = (page: Page, i: number) => page.locator('ol.cells > li.cell').nth(i);
  /** Every SQL cell has finished (rows or an error). */
  const allRun = (page: Page) => page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('ol.cells > li.cell[data-cell="sql"]')];
    return cells.length > 0 && cells.every((c) => !c.hasAttribute('aria-busy') && (c.hasAttribute('data-rows') || c.classList.contains('failed')));
  }, null, { timeout: 90_000 });
  /** The tick labels of a chart cell's axis, as drawn. */
  const ticks = (page: Page, chart: number, axis: 'x' | 'y') =>
    cell(page, chart).locator(`.plot svg [data-axis="${axis}"] text`).allTextContents();

  test('notebook: a chart of a year has whole-year ticks and a legend of years, not a ramp', async () => {
    const page = await openNotebook({
      cells: [
        { type: 'sql', sql: 'SELECT year, agency_name, applications_new FROM summary ORDER BY year' },
        { type: 'chart', mark: 'dot', x: 'year', y: 'applications_new', color: 'year' },
        { type: 'chart', mark: 'line', x: 'year', y: 'applications_new', color: 'agency_name' },
      ],
    });
    await allRun(page);
    await expect.poll(() => page.locator('li.cell[data-cell="chart"] .plot svg').count()).toBe(2);
    for (const chart of [1, 2]) {
      const x = await ticks(page, chart, 'x');
      expect(x.length, `chart ${chart} x ticks`).toBeGreaterThan(1);
      for (const t of x) expect(t, `chart ${chart} tick`).toMatch(/^(19|20)\d\d$/);
      expect(x.join(' ')).not.toMatch(/[,.]/);
      expect(x).toContain('2019');
    }
    // Colour by year: one swatch per year, in order, and no continuous colour ramp.
    const legend = await cell(page, 1).locator('ul.legend li').allTextContents();
    expect(legend.length).toBeGreaterThan(1);
    expect(legend.every((l) => /^(19|20)\d\d$/.test(l))).toBe(true);
    expect([...legend].sort()).toEqual(legend);
    expect(await cell(page, 1).locator('ul.legend').isVisible()).toBe(true);
    expect(await cell(page, 1).locator('.ramp svg').count()).toBe(0);
    await page.close();
  });

  test('notebook: long Chinese category labels do not overlap, and a cut label keeps its full text', async () => {
    const page = await openNotebook({
      cells: [
        { type: 'sql', sql: 'SELECT agency_name, sum(applications_new) AS applications FROM summary GROUP BY ALL ORDER BY agency_name' },
        { type: 'chart', mark: 'bar', x: 'agency_name', y: 'applications' },
        { type: 'chart', mark: 'bar', x: 'applications', y: 'agency_name' },
      ],
    });
    await allRun(page);
    await expect.poll(() => page.locator('li.cell[data-cell="chart"] .plot svg').count()).toBe(2);
    // Each label as the quadrilateral it covers on screen (rotation included); no two may meet.
    const overlaps = (chart: number, axis: 'x' | 'y') => cell(page, chart).evaluate((el, axis) => {
      const texts = [...el.querySelectorAll<SVGTextElement>(`.plot svg [data-axis="${axis}"] text`)];
      const quads = texts.map((t) => {
        const b = t.getBBox();
        const m = t.getScreenCTM()!;
        return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
          .map(([x, y]) => new DOMPoint(x, y).matrixTransform(m)).map((p) => [p.x, p.y] as [number, number]);
      });
      // Separating axis test for two convex quadrilaterals (shrunk by half a pixel: touching is fine).
      const apart = (a: [number, number][], b: [number, number][]) => [a, b].some((poly) => poly.some((p, i) => {
        const q = poly[(i + 1) % poly.length]!;
        const n = [q[1] - p[1], p[0] - q[0]];
        const proj = (ps: [number, number][]) => ps.map(([x, y]) => x * n[0]! + y * n[1]!);
        const len = Math.hypot(n[0]!, n[1]!);
        const [pa, pb] = [proj(a), proj(b)];
        return Math.max(...pa) < Math.min(...pb) + 0.5 * len || Math.max(...pb) < Math.min(...pa) + 0.5 * len;
      }));
      const bad: string[] = [];
      for (let i = 0; i < quads.length; i++) for (let j = i + 1; j < quads.length; j++) {
        if (!apart(quads[i]!, quads[j]!)) bad.push(`${texts[i]!.textContent} × ${texts[j]!.textContent}`);
      }
      // And every label inside the chart's own box (nothing cut off at its edge).
      const box = el.querySelector('.plot svg')!.getBoundingClientRect();
      for (const [k, q] of quads.entries()) if (q.some(([x, y]) => x < box.left - 1 || x > box.right + 1 || y > box.bottom + 1)) bad.push(`outside: ${texts[k]!.textContent}`);
      return { n: texts.length, bad };
    }, axis);
    const vertical = await overlaps(1, 'x');
    expect(vertical.n).toBeGreaterThan(5);
    expect(vertical.bad).toEqual([]);
    const horizontal = await overlaps(2, 'y');
    expect(horizontal.n).toBeGreaterThan(5);
    expect(horizontal.bad).toEqual([]);
    // A label cut short with "…" shows its full name on hover (its <title> became data-tip).
    const cut = cell(page, 1).locator('.plot svg [data-axis="x"] text', { hasText: '…' }).first();
    const full = await cut.getAttribute('data-tip');
    expect(full).toBeTruthy();
    expect(full!.startsWith((await cut.textContent())!.replace('…', ''))).toBe(true);
    expect(full!.length).toBeGreaterThan((await cut.textContent())!.length - 1);
    await page.close();
  });

  test('notebook: a chart cell moved past or above SQL cells keeps drawing its own SQL cell', async () => {
    const page = await openNotebook({
      cells: [
        { type: 'sql', sql: "SELECT * FROM (VALUES ('a', 1), ('b', 2)) t(k, v)" },
        { type: 'chart', mark: 'bar', x: 'k', y: 'v' },
        { type: 'sql', sql: "SELECT 'z' AS k, 9 AS v" },
      ],
    });
    await allRun(page);
    await expect.poll(() => ticks(page, 1, 'x')).toEqual(['a', 'b']);
    // Down past the second SQL cell: still the first one's result.
    await cell(page, 1).getByRole('button', { name: 'Move down' }).click();
    expect(await page.locator('ol.cells > li.cell').evaluateAll((cs) => cs.map((c) => (c as HTMLElement).dataset.cell))).toEqual(['sql', 'sql', 'chart']);
    await expect.poll(() => ticks(page, 2, 'x')).toEqual(['a', 'b']);
    expect(await cell(page, 2).locator('.chart-note').textContent()).toContain('cell 1');
    // Re-run the first SQL cell with other values: the chart follows it.
    await cell(page, 0).locator('textarea').fill("SELECT * FROM (VALUES ('c', 3), ('d', 4), ('e', 5)) t(k, v)");
    await cell(page, 0).locator('button.run').click();
    await expect.poll(() => ticks(page, 2, 'x')).toEqual(['c', 'd', 'e']);
    // To the top, above both: still bound, and the permalink says to which cell.
    await cell(page, 2).getByRole('button', { name: 'Move up' }).click();
    await cell(page, 1).getByRole('button', { name: 'Move up' }).click();
    await expect.poll(() => ticks(page, 0, 'x')).toEqual(['c', 'd', 'e']);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#nb=/);
    await page.waitForTimeout(400);
    const saved = decodeNotebook(notebookCodeOf(await page.evaluate(() => location.hash))!);
    expect(saved.cells.map((c) => c.type)).toEqual(['chart', 'sql', 'sql']);
    expect(saved.cells[0]).toMatchObject({ type: 'chart', source: 1 });
    // The link opens the same binding.
    const again = await openNotebook(saved);
    await allRun(again);
    await expect.poll(() => ticks(again, 0, 'x')).toEqual(['c', 'd', 'e']);
    expect(await cell(again, 0).locator('select.chart-source').inputValue()).toBe(await cell(again, 1).evaluate((c) => c.id.replace('cell-', '')));
    await again.close();
    await page.close();
  });

  test('notebook: a cancelled query clears the result before it and its download button', async () => {
    const page = await open('en/notebook/');
    await allRun(page);
    const c = cell(page, 0);
    await c.locator('textarea').fill('SELECT 42 AS answer');
    await c.locator('button.run').click();
    await expect.poll(() => c.locator('table.result tbody td').allTextContents()).toEqual(['42']);
    expect(await c.locator('button.csv').isVisible()).toBe(true);
    await c.locator('textarea').fill('SELECT count(*) FROM range(100000000) a, range(1000) b WHERE (a.range * b.range) % 7 = 3');
    await c.locator('button.run').click();
    await expect.poll(() => c.locator('button.cancel').isVisible()).toBe(true);
    await page.waitForTimeout(300);
    await c.locator('button.cancel').click();
    await expect.poll(() => c.locator('.cell-state').textContent(), { timeout: 20_000 }).toBe('Cancelled.');
    expect(await c.locator('table.result').count()).toBe(0);
    expect(await c.locator('button.csv').count()).toBe(0);
    expect(await c.getAttribute('data-rows')).toBeNull();
    await page.close();
  });

  test('compare: a shared link shows its agencies and measure in the controls before DuckDB is ready', async () => {
    // Hold back every script and the engine: what shows is what the page shows while they load.
    // (A context of its own: one route handler decides every request, nothing else touches them.)
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const held: Route[] = [];
    const external: string[] = [];
    let holding = true;
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname !== '127.0.0.1') {
        external.push(url.href);
        return route.abort('blockedbyclient');
      }
      if (holding && /\/_astro\/.*\.js$|\.wasm$/.test(url.pathname)) return void held.push(route);
      return route.continue();
    });
    const page = await context.newPage();
    await page.goto(server.url + 'compare/?lineage=changzhi-sme&from=2020&measure=applications_new', { waitUntil: 'commit' });
    await page.waitForSelector('#compare', { state: 'attached' });
    const controls = () => page.evaluate(() => ({
      lineages: [...document.querySelectorAll<HTMLInputElement>('ul.chips input[name="lineage"]')].map((i) => i.value),
      measure: document.querySelector<HTMLSelectElement>('#compare-measure')!.value,
      from: document.querySelector<HTMLSelectElement>('select[name="from"]')!.value,
      phase: document.querySelector('[data-engine-status]')!.getAttribute('data-phase'),
    }));
    expect(held.length, 'scripts held back').toBeGreaterThan(0);
    expect(await controls()).toEqual({ lineages: ['changzhi-sme'], measure: 'applications_new', from: '2020', phase: 'idle' });
    // Let them through: DuckDB answers the same selection.
    holding = false;
    for (const r of held.splice(0)) await r.continue();
    await page.waitForFunction(() => document.getElementById('compare-root')?.dataset.source === 'duckdb', null, { timeout: 90_000 });
    expect(await controls()).toMatchObject({ lineages: ['changzhi-sme'], measure: 'applications_new', from: '2020', phase: 'ready' });
    expect(external).toEqual([]);
    await context.close();
  });

  test('without JavaScript, the compare and notebook pages show no control that needs it', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (r) => (new URL(r.request().url()).hostname === '127.0.0.1' ? r.continue() : r.abort()));
    const page = await context.newPage();
    for (const slug of ['compare/', 'en/compare/', 'notebook/', 'en/notebook/']) {
      await page.goto(server.url + slug);
      const visible = await page.evaluate(() => [...document.querySelectorAll('button, input, select, textarea, progress, a[href="#"]')]
        .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
        .map((e) => `${e.tagName.toLowerCase()} ${(e.textContent ?? '').trim().slice(0, 30) || e.getAttribute('name') || e.id}`));
      expect(visible, slug).toEqual([]);
      // The page says why, and points to the downloads.
      expect(await page.locator('main p.engine-status').textContent(), slug).toMatch(/JavaScript/);
    }
    // The notebook keeps its data dictionary, column names as text.
    await page.goto(server.url + 'en/notebook/');
    await page.locator('details.nb-table[data-table="summary"] summary').click();
    expect(await page.locator('details.nb-table[data-table="summary"] code.col-name', { hasText: 'proactive_total' }).isVisible()).toBe(true);
    await context.close();
  });

  test('404: a missing English address has English navigation; a Chinese one Chinese', async () => {
    const page = await w.page();
    const navOf = async () => page.locator('header nav:visible a').allTextContents();
    let res = await page.goto(server.url + 'en/no-such-page/');
    expect(res?.status()).toBe(404);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    const en = await navOf();
    expect(en).toContain('Home');
    expect(en).toContain('Data');
    expect(en).not.toContain('首页');
    expect(await page.locator('header nav:visible a.lang-switch').textContent()).toBe('中文');
    // A missing page is not the home page.
    expect(await page.locator('header nav a[aria-current]').count()).toBe(0);
    expect(await page.locator('footer .inner:visible').count()).toBe(1);
    expect(await page.locator('footer .inner:visible').textContent()).toMatch(/About/);
    expect(await page.locator('input[data-search]:visible').getAttribute('placeholder')).not.toMatch(/[\u4e00-\u9fff]/);
    res = await page.goto(server.url + 'no-such-page/');
    expect(res?.status()).toBe(404);
    const zh = await navOf();
    expect(zh).toContain('首页');
    expect(zh).not.toContain('Home');
    expect(await page.locator('header nav:visible').count()).toBe(1);
    await page.close();
  });

  test('the language switch keeps the line a reader went to (#L22)', async () => {
    const id = readFileSync(join(dist, 'data', 'reports.csv'), 'utf8').split('\n')[1]!.split(',')[0]!;
    const page = await open(`report/${id}/`);
    // A number links to its line of the source (loaded into the report page with JavaScript).
    const line = page.locator('main a[href*="#L"]').first();
    const hash = new URL((await line.getAttribute('href'))!, page.url()).hash;
    expect(hash).toMatch(/^#L\d+$/);
    await line.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(hash);
    const sw = page.locator('header a.lang-switch');
    expect(new URL((await sw.getAttribute('href'))!, page.url()).hash).toBe(hash);
    // Typed by hand too.
    await page.evaluate(() => { location.hash = '#L22'; });
    await expect.poll(async () => new URL((await sw.getAttribute('href'))!, page.url()).hash).toBe('#L22');
    await sw.click();
    await page.waitForURL(/\/en\/report\//);
    expect(new URL(page.url()).hash).toBe('#L22');
    expect(await page.locator('.source .l:target').getAttribute('data-n')).toBe('22');
    await page.close();
  });

  test('on a 390 px phone: the data page does not overflow, and table 三 keeps its row labels in view', async () => {
    const page = await w.page();
    await page.setViewportSize({ width: 390, height: 844 });
    for (const slug of ['data/', 'en/data/']) {
      await page.goto(server.url + slug);
      await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), slug).toBeLessThanOrEqual(390);
      // Readable: no table of the page scrolls sideways, and a description is wider than a few characters.
      const cramped = await page.evaluate(() => [...document.querySelectorAll('table.downloads, table.dict')]
        .filter((t) => t.scrollWidth > t.parentElement!.clientWidth + 1).length);
      expect(cramped, slug).toBe(0);
      const desc = await page.locator('table.dict td[lang="zh-CN"]').first().boundingBox();
      expect(desc!.width, slug).toBeGreaterThan(200);
    }

    const apps = readFileSync(join(dist, 'data', 'applications.csv'), 'utf8').split('\n')[1]!.split(',')[0]!;
    await page.goto(server.url + `report/${apps}/`);
    const scroller = page.locator('.scroll:has(table.t3)');
    await scroller.scrollIntoViewIfNeeded();
    const label = scroller.locator('tbody th[scope="row"]').first();
    const number = scroller.locator('tbody tr:has(th[scope="row"]) td').last();
    const before = { label: (await label.boundingBox())!, number: (await number.boundingBox())! };
    const wide = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(wide, 'table 三 is wider than the phone').toBeGreaterThan(50);
    await scroller.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
    await page.waitForTimeout(100);
    const after = { label: (await label.boundingBox())!, number: (await number.boundingBox())! };
    expect(Math.abs(after.label.x - before.label.x)).toBeLessThan(1);
    expect(before.number.x - after.number.x).toBeGreaterThan(40);
    // The label is drawn on top of the numbers that slide under it.
    const top = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('th')?.getAttribute('scope'), [after.label.x + 5, after.label.y + after.label.height / 2]);
    expect(top).toBe('row');
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });
});
