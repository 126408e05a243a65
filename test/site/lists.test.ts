/**
 * The lists that grow with the data as pages of a fixed size (src/site/lists.ts): pages cover a
 * list once, in order; a pager names the first, the last and the pages near; the report groups
 * hold every report once by year, and the ones to look at worst first.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { LIST_PAGE, pageParam, pagerItems, pageSlug, paginate } from '../../src/site/lists.ts';
import { dataBuild } from '../pipeline/helpers.ts';

describe('pages of a list', () => {
  test('every item once, in order, LIST_PAGE a page', () => {
    const all = Array.from({ length: 2 * LIST_PAGE + 7 }, (_, i) => i);
    const pages = paginate(all);
    expect(pages.map((p) => p.items.length)).toEqual([LIST_PAGE, LIST_PAGE, 7]);
    expect(pages.flatMap((p) => p.items)).toEqual(all);
    expect(pages.map((p) => [p.page, p.pages, p.from, p.to, p.total])).toEqual([
      [1, 3, 1, LIST_PAGE, all.length], [2, 3, LIST_PAGE + 1, 2 * LIST_PAGE, all.length], [3, 3, 2 * LIST_PAGE + 1, all.length, all.length],
    ]);
    expect(paginate([])).toEqual([{ items: [], page: 1, pages: 1, from: 0, to: 0, total: 0 }]);
    expect(paginate([1, 2, 3], 3)).toHaveLength(1);
  });

  test('addresses: the first page is the list itself', () => {
    expect(pageSlug('agencies/', 1)).toBe('agencies/');
    expect(pageSlug('agencies/', 2)).toBe('agencies/2/');
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(12)).toBe('12');
  });

  test('a pager: first, last, the current page and two on each side, gaps as null', () => {
    expect(pagerItems(1, 1)).toEqual([1]);
    expect(pagerItems(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pagerItems(1, 20)).toEqual([1, 2, 3, null, 20]);
    expect(pagerItems(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pagerItems(20, 20)).toEqual([1, null, 18, 19, 20]);
    expect(pagerItems(4, 20)).toEqual([1, 2, 3, 4, 5, 6, null, 20]);
  });
});

describe('report groups on the real data', () => {
  let lists: typeof import('../../src/site/lists.ts');
  let data: typeof import('../../src/site/data.ts');
  let model: typeof import('../../src/site/model.ts');
  beforeAll(async () => {
    const built = await dataBuild();
    expect(built.run.code, built.run.stderr).toBe(0);
    process.env.ATLAS_DATA_DIR = built.out;
    lists = await import('../../src/site/lists.ts');
    data = await import('../../src/site/data.ts');
    model = await import('../../src/site/model.ts');
  }, 120_000);

  test('each report in its year once, newest year first; the ones to look at, worst first', () => {
    const groups = lists.reportGroups();
    const years = groups.filter((g) => !g.attention);
    const all = data.loadData().reports;
    expect(years.flatMap((g) => g.reports.map((r) => r.report_id)).sort()).toEqual(all.map((r) => r.report_id).sort());
    for (const g of years) for (const r of g.reports) expect(r.year).toBe(g.year);
    expect(years.map((g) => g.year)).toEqual([...years.map((g) => g.year)].sort((a, b) => (b ?? -1) - (a ?? -1)));
    expect(years.map((g) => g.key)).toEqual(years.map((g) => (g.year === null ? 'unknown' : String(g.year))));
    const attention = groups.find((g) => g.attention)!;
    expect(attention.key).toBe('attention');
    const health = attention.reports.map((r) => model.reportHealth(r));
    expect(health.length).toBe(all.filter((r) => ['failed', 'blank', 'checks'].includes(model.reportHealth(r))).length);
    expect(health.map((h) => lists.ATTENTION.indexOf(h))).toEqual([...health.map((h) => lists.ATTENTION.indexOf(h))].sort((a, b) => a - b));
  });
});
