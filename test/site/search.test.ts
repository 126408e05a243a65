/**
 * The site search (src/site/search.ts builds the index, src/shared/search.ts cuts terms and runs
 * queries in the browser): found by Chinese name, pinyin, initials, English, region, agency + year.
 */
import { describe, expect, test } from 'vitest';
import { hanTerms, parseQuery, runSearch, runTerms } from '../../src/shared/search.ts';
import type { SummaryRow } from '../../src/site/data.ts';
import type { Lineage } from '../../src/site/model.ts';
import { buildSearchIndex, loadSearchIndex, regionHref, searchDocs, syllables } from '../../src/site/search.ts';

const PLACE = { province: '福建省', city: '福州市', county: '平潭县', admin_code: '350128', level: 'county' as const };
const report = (report_id: string, agency_id: string, agency_name: string, year: number) => ({ report_id, agency_id, agency_name, year }) as SummaryRow;

/** Two lineages as src/site/model.ts makes them: the renamed 平潭 bureau and a 长治 one. */
const LINEAGES: Lineage[] = [
  {
    id: 'pingtan-investment', name: '平潭综合实验区投资促进局', ...PLACE,
    agencies: [
      { agency_id: 'pingtan-state-assets', name: '平潭综合实验区国有资产管理局', names: '平潭综合实验区国有资产管理局', lineage_id: 'pingtan-investment', ...PLACE },
      { agency_id: 'pingtan-investment-promotion', name: '平潭综合实验区投资促进局', names: '平潭综合实验区投资促进局', lineage_id: 'pingtan-investment', ...PLACE },
    ],
    names: [
      { name: '平潭综合实验区国有资产管理局', agency_id: 'pingtan-state-assets', years: [2022, 2023] },
      { name: '平潭综合实验区投资促进局', agency_id: 'pingtan-investment-promotion', years: [2024] },
    ],
    reports: [
      report('pingtan-state-assets-2022', 'pingtan-state-assets', '平潭综合实验区国有资产管理局', 2022),
      report('pingtan-state-assets-2023', 'pingtan-state-assets', '平潭综合实验区国有资产管理局', 2023),
      report('pingtan-investment-promotion-2024', 'pingtan-investment-promotion', '平潭综合实验区投资促进局', 2024),
    ],
    years: [2022, 2023, 2024],
  },
  {
    id: 'changzhi-sme', name: '长治市中小企业服务中心', province: '山西省', city: '长治市', county: null, admin_code: '140400', level: 'city',
    agencies: [{ agency_id: 'changzhi-sme-center', name: '长治市中小企业服务中心', names: '长治市中小企业服务中心', lineage_id: 'changzhi-sme', province: '山西省', city: '长治市', county: null, admin_code: '140400', level: 'city' }],
    names: [{ name: '长治市中小企业服务中心', agency_id: 'changzhi-sme-center', years: [2023] }],
    reports: [report('changzhi-sme-center-2023', 'changzhi-sme-center', '长治市中小企业服务中心', 2023)],
    years: [2023],
  },
];

const ms = loadSearchIndex(buildSearchIndex(searchDocs(LINEAGES)));
const hrefs = (q: string) => runSearch(ms, q).hits.map((h) => h.href);

describe('terms', () => {
  test('Chinese: every character and every neighbouring pair', () => {
    expect(hanTerms('投资促进局')).toEqual(['投', '投资', '资', '资促', '促', '促进', '进', '进局', '局']);
    expect(hanTerms('A1')).toEqual([]);
  });

  test('pinyin run together from each syllable on, and initials', () => {
    expect(syllables('投资促进局')).toEqual(['tou', 'zi', 'cu', 'jin', 'ju']);
    expect(runTerms(['tou', 'zi', 'cu', 'jin', 'ju'])).toEqual({
      py: ['touzicujinju', 'zicujinju', 'cujinju', 'jinju', 'ju'],
      ini: ['tzcjj', 'zcjj', 'cjj', 'jj', 'j'],
    });
  });

  test('a query: Chinese as pairs, Latin words, years', () => {
    expect(parseQuery('投资促进 2024')).toEqual({ han: [['投资', '资促', '促进']], latin: [], years: [2024] });
    expect(parseQuery('Touzi  CUJIN')).toEqual({ han: [], latin: ['touzi', 'cujin'], years: [] });
    expect(parseQuery('局')).toEqual({ han: [['局']], latin: [], years: [] });
  });
});

describe('the index', () => {
  test('one document per lineage and per region, every name of a lineage in it', () => {
    const docs = searchDocs(LINEAGES);
    expect(docs.map((d) => d.id).sort()).toEqual(['a:changzhi-sme', 'a:pingtan-investment', 'r:山西省', 'r:山西省 长治市', 'r:福建省', 'r:福建省 福州市', 'r:福建省 福州市 平潭县']);
    const pt = docs.find((d) => d.id === 'a:pingtan-investment')!;
    expect(pt.zh.split(' ')).toEqual(expect.arrayContaining(['投资', '国有', '资产']));
    expect(pt.py.split(' ')).toEqual(expect.arrayContaining(['touzicujinju', 'guoyouzichanguanli']));
    expect(pt.s_href).toBe('agency/pingtan-investment/');
    expect(pt.s_en).toBe('Pingtan Comprehensive Experimental Zone Investment Promotion Bureau');
    // Reports under an earlier name carry that name.
    expect(pt.s_reports).toEqual([
      [2022, 'pingtan-state-assets-2022', '平潭综合实验区国有资产管理局', 'Pingtan Comprehensive Experimental Zone State-owned Assets Administration Bureau'],
      [2023, 'pingtan-state-assets-2023', '平潭综合实验区国有资产管理局', 'Pingtan Comprehensive Experimental Zone State-owned Assets Administration Bureau'],
      [2024, 'pingtan-investment-promotion-2024'],
    ]);
  });

  test('a region links to its section of the regions page (a county to its city)', () => {
    expect(regionHref('province', PLACE)).toBe(`regions/#${encodeURIComponent('福建省')}`);
    expect(regionHref('county', PLACE)).toBe(`regions/#${encodeURIComponent('福建省-福州市')}`);
    // With its code, a place lands on its province's or city's own page; a county on its city's.
    expect(regionHref('province', PLACE, '350128')).toBe('regions/350000/');
    expect(regionHref('county', PLACE, '350128')).toBe('regions/350100/');
  });

  test('the JSON is read back with the same options and gives the same results', () => {
    const json = buildSearchIndex(searchDocs(LINEAGES));
    expect(JSON.parse(json)).toHaveProperty('documentCount', 7);
    expect(runSearch(loadSearchIndex(json), 'touzi').hits.map((h) => h.id)).toEqual(['a:pingtan-investment']);
  });
});

describe('queries', () => {
  test('an agency by Chinese name, a part of it, and an earlier name', () => {
    expect(hrefs('投资促进')).toEqual(['agency/pingtan-investment/']);
    expect(hrefs('平潭综合实验区投资促进局')).toEqual(['agency/pingtan-investment/']);
    expect(hrefs('国有资产管理局')).toEqual(['agency/pingtan-investment/']);
    expect(hrefs('投资 中小')).toEqual([]);
  });

  test('by pinyin, full or as typed so far, and by initials', () => {
    for (const q of ['touzi', 'touzi cujin', 'touzicujin', 'TouZi', 'touz', 'tzcj', 'guoyou zichan']) expect(hrefs(q), q).toEqual(['agency/pingtan-investment/']);
    expect(hrefs('zhongxiao qiye')).toEqual(['agency/changzhi-sme/']);
  });

  test('by English name', () => {
    expect(hrefs('investment promotion')).toEqual(['agency/pingtan-investment/']);
  });

  test('a region, ranked before the agencies that share its name', () => {
    expect(hrefs('福州')).toEqual(['regions/350100/']);
    expect(hrefs('fuzhou')).toEqual(['regions/350100/']);
    const pingtan = runSearch(ms, '平潭').hits;
    expect(pingtan[0]).toMatchObject({ kind: 'region', zh: '平潭县', en: 'Pingtan County' });
    expect(pingtan.map((h) => h.href)).toContain('agency/pingtan-investment/');
    expect(hrefs('长治')).toEqual(['regions/140400/', 'agency/changzhi-sme/']);
  });

  test('a report: an agency and a year (under the name it was printed with)', () => {
    expect(hrefs('投资促进局 2024')).toEqual(['report/pingtan-investment-promotion-2024/']);
    expect(hrefs('tzcj 2023')).toEqual(['report/pingtan-state-assets-2023/']);
    const hit = runSearch(ms, '投资促进 2023').hits[0]!;
    expect(hit).toMatchObject({ kind: 'report', year: 2023, zh: '平潭综合实验区国有资产管理局 2023 年度报告', sub_zh: '平潭综合实验区投资促进局' });
    expect(hit.en).toBe('Pingtan Comprehensive Experimental Zone State-owned Assets Administration Bureau: report on 2023');
    expect(hrefs('2023').sort()).toEqual(['report/changzhi-sme-center-2023/', 'report/pingtan-state-assets-2023/']);
    expect(hrefs('投资促进 2019')).toEqual([]);
  });

  test('nothing to look for, nothing found; the limit and the total', () => {
    expect(runSearch(ms, '  ,.; ')).toEqual({ hits: [], total: 0 });
    expect(runSearch(ms, 'xyzzy').hits).toEqual([]);
    const r = runSearch(ms, '平潭', 1);
    expect(r.hits).toHaveLength(1);
    expect(r.total).toBeGreaterThan(1);
  });
});
