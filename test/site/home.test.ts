/**
 * The home page's helpers on crafted data: names in English, check details in one language,
 * checks grouped by table, the truth about a mostly blank report, totals by year (blank is not
 * zero), rankings and changes, charts that say they are empty, and the size of the home charts
 * at 10,000 reports.
 */
import { describe, expect, test } from 'vitest';
import { NARROW, emptiness, homeCharts, roundCoordinates } from '../../src/site/charts.ts';
import { categoryEnglish, checkDetail, checkRuns, englishNumerals, groupChecks, ruleLabel } from '../../src/site/checks.ts';
import type { SummaryRow } from '../../src/site/data.ts';
import { bins, changedMost, latestYear, ranking, reportHealth, yearTotals, type Lineage } from '../../src/site/model.ts';
import { agencyLabel, hasHan, lineageLabel, pinyinName, placeName, regionName } from '../../src/site/names.ts';
import { RULES } from '../../src/schema/index.ts';

function row(lineage: string, year: number, v: Partial<SummaryRow> = {}): SummaryRow {
  return {
    report_id: `${lineage}-${year}`, agency_id: lineage, agency_name: `某某${lineage}局`, lineage_id: lineage, province: '福建省', city: '福州市',
    county: '平潭县', year, template: '2021', proactive_total: null, applications_new: null, applications_carried_over: null, granted: null,
    partially_granted: null, denied: null, unable_to_provide: null, not_processed: null, other_processing: null, handled_total: null,
    carried_forward: null, reviews_total: null, litigation_total: null, fees_charged: null, status: 'ok', checks_failed: 0,
    cells_expected: 201, cells_read: 201, ...v,
  };
}
function lineagesOf(summary: SummaryRow[]): Lineage[] {
  const ids = [...new Set(summary.map((s) => s.lineage_id))];
  return ids.map((id) => {
    const reports = summary.filter((s) => s.lineage_id === id);
    return {
      id, agencies: [], name: reports.at(-1)!.agency_name!, names: [], province: '福建省', city: '福州市', county: '平潭县', admin_code: '350128',
      level: 'county', reports, years: [...new Set(reports.map((r) => r.year!))].sort(),
    };
  });
}
const full = (n: number): Partial<SummaryRow> => ({
  applications_new: n, granted: n, partially_granted: 0, denied: 0, unable_to_provide: 0, not_processed: 0, other_processing: 0,
  handled_total: n, reviews_total: n % 3, litigation_total: n % 2, proactive_total: 10 * n,
});

describe('names in English', () => {
  test('the registry’s English name, by id or by printed name; Chinese pages keep the printed name', () => {
    expect(agencyLabel('en', { name: '平潭综合实验区投资促进局', agency_id: 'pingtan-investment-promotion' })).toBe('Pingtan Comprehensive Experimental Zone Investment Promotion Bureau');
    expect(agencyLabel('en', { name: '平潭综合实验区国有资产管理局' })).toBe('Pingtan Comprehensive Experimental Zone State-owned Assets Administration Bureau');
    expect(agencyLabel('zh', { name: '平潭综合实验区投资促进局', agency_id: 'pingtan-investment-promotion' })).toBe('平潭综合实验区投资促进局');
  });

  test('pinyin, word by word, where the registry has no English name', () => {
    expect(agencyLabel('en', { name: '长治市中小企业局', agency_id: 'changzhi-sme-bureau' })).toBe('Changzhishi Zhongxiaoqiye Ju');
    expect(pinyinName('长子县中小企业服务中心')).toBe('Zhangzixian Zhongxiaoqiye Fuwu Zhongxin');
    expect(pinyinName('𠀋局')).not.toMatch(/[0-9a-f]{6}$/);
    expect(hasHan(pinyinName('某某不知名机构'))).toBe(false);
    expect(lineageLabel('en', { name: '平潭综合实验区投资促进局', agencies: [{ agency_id: 'pingtan-state-assets' }, { agency_id: 'pingtan-investment-promotion' }] }))
      .toBe('Pingtan Comprehensive Experimental Zone Investment Promotion Bureau');
  });

  test('places: provinces by their official names, counties and districts with their level', () => {
    expect(placeName('en', '福建省')).toBe('Fujian');
    expect(placeName('en', '陕西省')).toBe('Shaanxi');
    expect(placeName('en', '福州市')).toBe('Fuzhou');
    expect(placeName('en', '平潭县')).toBe('Pingtan County');
    expect(placeName('en', '朝阳区')).toBe('Chaoyang District');
    expect(regionName('en', { province: '福建省', city: '福州市', county: '平潭县' })).toBe('Pingtan County, Fuzhou, Fujian');
    expect(regionName('zh', { province: '福建省', city: '福州市', county: '平潭县' })).toBe('福建省 福州市 平潭县');
    expect(regionName('en', { province: null, city: null, county: null })).toBe('—');
  });
});

describe('check details in one language', () => {
  const details = [
    '一 1 + 二 0 vs （七） 0 + 四 0: 1 ≠ 0',
    '一 null + 二 null vs （七） null + 四 null',
    '（一）…（六） vs （七）总计: 0 = 0',
    '有空白单元格，无法核对 blank cells, cannot check: 0+++++ vs 总计',
    '0+0+0+0+0+0 vs 总计: 0 = 0',
    '行政诉讼·复议后起诉 0+0+0+0 vs 总计: 0 = 0',
    '同一沿革没有 2019 年的报告 no report on 2019 in this lineage',
    '2022 年有多份报告 several reports on 2022',
    'pingtan-market-2023 结转下年度 0 = pingtan-market-2024 上年结转 0',
    '有空白单元格 blank cells: 3 → null',
    '政策法规类: 印 printed 29% vs 29/100 = 29.00%',
    '机构职能类 7 + 行政许可类 37 + 其他 5: 49 ≠ 50',
  ];

  test('English details have no Chinese; Chinese details drop the English half', () => {
    for (const d of details) {
      const en = checkDetail('en', d, new Map([['行政许可类', 'Administrative licensing']]));
      expect(hasHan(en), `${d} → ${en}`).toBe(false);
      expect(checkDetail('zh', d), d).not.toMatch(/blank cells|no report on|several reports|printed/);
    }
    expect(checkDetail('en', details[0]!)).toBe('new 1 + carried over 0 vs handled 0 + carried forward 0: 1 ≠ 0');
    expect(checkDetail('en', details[3]!)).toBe('blank cells, cannot check: 0+—+—+—+—+— vs total');
    expect(checkDetail('en', details[5]!)).toBe('Litigation after review 0+0+0+0 vs total: 0 = 0');
    expect(checkDetail('en', details[6]!)).toBe('no report on 2019 in this lineage');
    expect(checkDetail('en', details[10]!)).toBe('Policies and regulations: printed 29% vs 29/100 = 29.00%');
    expect(checkDetail('en', details[11]!, new Map([['行政许可类', 'Administrative licensing']]))).toMatch(/^Jigou ?Zhineng ?Lei 7 \+ Administrative licensing 37 \+ Other 5: 49 ≠ 50$/i);
    expect(checkDetail('zh', details[3]!)).toBe('有空白单元格，无法核对：0+—+—+—+—+— vs 总计');
    expect(checkDetail('zh', details[6]!)).toBe('同一沿革没有 2019 年的报告');
    expect(checkDetail('zh', null)).toBe('');
  });

  test('rules in English print the form’s numerals as figures', () => {
    for (const rule of ['t3_balance', 't3_row_sum', 't3_results_sum', 't4_group_sum', 'proactive_sum', 'proactive_share', 'carry_over_continuity']) {
      expect(hasHan(ruleLabel('en', rule)), rule).toBe(false);
      expect(hasHan(ruleLabel('zh', rule)), rule).toBe(true);
    }
    expect(ruleLabel('en', 't3_results_sum')).toBe('Table 3 results (1)…(6) sum to (7) total (each column)');
    expect(englishNumerals('Section 一: items')).toBe('Section 1: items');
    expect(ruleLabel('en', 'unknown_rule')).toBe('unknown_rule');
  });

  test('a printed category not in the schema reads in pinyin', () => {
    expect(categoryEnglish('policy', '规范性文件类')).toBe('Policies and regulations');
    expect(hasHan(categoryEnglish('c_xingzheng-xukelei', '行政许可类'))).toBe(false);
  });
});

describe('checks by table, failures first', () => {
  test('groups with a failure come first and open; inside, failures then passes then skipped', () => {
    const checks = [
      { check: 'proactive_sum', status: 'pass' }, { check: 't3_row_sum', status: 'skipped' }, { check: 't3_row_sum', status: 'pass' },
      { check: 't3_balance', status: 'fail' }, { check: 't4_group_sum', status: 'pass' }, { check: 'mystery', status: 'skipped' },
    ] as const;
    const groups = groupChecks(checks.map((c) => ({ ...c })));
    expect(groups.map((g) => g.key)).toEqual(['table3', 'proactive', 'table4', 'other']);
    // Every rule of the schema falls into its part's group, none into "other".
    expect(groupChecks(Object.keys(RULES).map((check) => ({ check, status: 'pass' as const }))).map((g) => g.key)).toEqual(['proactive', 'table3', 'table4', 'continuity']);
    expect(groups[0]!.checks.map((c) => c.status)).toEqual(['fail', 'pass', 'skipped']);
    expect([groups[0]!.fail, groups[0]!.pass, groups[0]!.skipped]).toEqual([1, 1, 1]);
  });

  test('within a status a rule’s checks stay together, so each rule is drawn once per status', () => {
    const checks = [
      { check: 't3_balance', status: 'pass', subject: 'a' }, { check: 't3_row_sum', status: 'pass', subject: 'r1' },
      { check: 't3_balance', status: 'pass', subject: 'b' }, { check: 't3_row_sum', status: 'fail', subject: 'r2' },
    ] as const;
    const [g] = groupChecks(checks.map((c) => ({ ...c })));
    expect(g!.checks.map((c) => `${c.status}:${c.check}:${c.subject}`)).toEqual(['fail:t3_row_sum:r2', 'pass:t3_balance:a', 'pass:t3_balance:b', 'pass:t3_row_sum:r1']);
  });

  test('runs: passes are one row; failures a row each; skips that compared the same thing one row', () => {
    const c = (check: string, status: 'pass' | 'fail' | 'skipped', subject: string, detail: string | null) => ({ check, status, subject, detail });
    const runs = checkRuns([
      c('t3_balance', 'fail', 'natural', '1 ≠ 2'), c('t3_balance', 'fail', 'total', '3 ≠ 4'),
      c('t3_balance', 'pass', 'commercial', '0 = 0'), c('t3_balance', 'pass', 'research', '0 = 0'),
      c('t3_results_sum', 'skipped', 'natural', 'blank cells: x'), c('t3_results_sum', 'skipped', 'total', 'blank cells: x'),
      c('t3_row_sum', 'skipped', 'granted', 'blank: a'), c('t3_row_sum', 'skipped', 'denied', 'blank: b'),
    ]);
    expect(runs.map((r) => [r.check, r.status, r.rows.map((x) => [x.checks.map((y) => y.subject).join('+'), x.detail ?? 'omitted'])])).toEqual([
      ['t3_balance', 'fail', [['natural', '1 ≠ 2'], ['total', '3 ≠ 4']]],
      ['t3_balance', 'pass', [['commercial+research', 'omitted']]],
      ['t3_results_sum', 'skipped', [['natural+total', 'blank cells: x']]],
      ['t3_row_sum', 'skipped', [['granted', 'blank: a'], ['denied', 'blank: b']]],
    ]);
    // A check without a detail keeps its row (null, not omitted).
    expect(checkRuns([c('t4_group_sum', 'fail', 'review', null)])[0]!.rows[0]!.detail).toBeNull();
  });
});

describe('status that tells the truth', () => {
  test('a report with under half of its cells read is mostly blank, even with every check passed', () => {
    expect(reportHealth({ status: 'warnings', checks_failed: 0, cells_read: 32, cells_expected: 199 })).toBe('blank');
    expect(reportHealth({ status: 'ok', checks_failed: 0, cells_read: 201, cells_expected: 201 })).toBe('ok');
    expect(reportHealth({ status: 'warnings', checks_failed: 2, cells_read: 190, cells_expected: 201 })).toBe('checks');
    expect(reportHealth({ status: 'warnings', checks_failed: 0, cells_read: 190, cells_expected: 201 })).toBe('warnings');
    expect(reportHealth({ status: 'failed', checks_failed: 0, cells_read: 0, cells_expected: 0 })).toBe('failed');
  });
});

describe('aggregates', () => {
  const summary = [
    row('a', 2022, full(10)), row('a', 2023, full(30)), row('b', 2022, full(5)), row('b', 2023, full(1)),
    row('c', 2023, { applications_new: null }), row('d', 2021, full(2)),
  ];
  const all = lineagesOf(summary);

  test('yearly totals sum what reports give: a blank is not a zero', () => {
    const t = yearTotals(summary);
    expect(t.map((y) => y.year)).toEqual([2021, 2022, 2023]);
    const y2023 = t.find((y) => y.year === 2023)!;
    expect(y2023.reports).toBe(3);
    expect(y2023.sums.applications_new).toBe(31);
    expect(y2023.known.applications_new).toBe(2);
    expect(yearTotals([row('x', 2020)])[0]!.sums.applications_new).toBeNull();
  });

  test('the latest year is the last one with at least half the reports of the best year', () => {
    expect(latestYear(summary)).toBe(2023);
    expect(latestYear([...summary, row('e', 2024, full(1))])).toBe(2023);
    expect(latestYear([])).toBeNull();
  });

  test('ranking, change and bins', () => {
    expect(ranking(all, 2023, 'applications_new').map((r) => [r.lineage.id, r.value])).toEqual([['a', 30], ['b', 1]]);
    const changes = changedMost(all, 2023, 'applications_new');
    expect(changes.map((c) => [c.lineage.id, c.change, c.pct])).toEqual([['a', 20, 200], ['b', -4, -80]]);
    expect(changes[0]!.after[0]!.report_id).toBe('a-2023');
    expect(bins([0, 0, 1, 5, 12], 3)).toEqual([{ lo: 0, hi: 0, n: 2 }, { lo: 1, hi: 4, n: 1 }, { lo: 5, hi: 8, n: 1 }, { lo: 9, hi: 12, n: 1 }]);
    expect(bins([])).toEqual([]);
  });
});

describe('home charts', () => {
  test('a chart whose numbers are all zero says so instead of drawing zeros', () => {
    const zeros = [row('a', 2022, full(0)), row('b', 2023, full(0))];
    const charts = homeCharts(zeros, lineagesOf(zeros));
    expect(charts.map((c) => c.empty)).toEqual(charts.map(() => 'zero'));
    for (const c of charts) {
      for (const lang of ['zh', 'en'] as const) {
        const svg = c.svg(lang);
        expect(svg).toContain(lang === 'zh' ? '全部为 0' : 'Every number this chart sums is 0');
        expect(svg).not.toMatch(/<rect|<circle/);
      }
    }
  });

  test('a chart with no numbers at all says there are none', () => {
    const blank = [row('a', 2022), row('b', 2023)];
    const charts = homeCharts(blank, lineagesOf(blank));
    expect(charts.map((c) => c.empty)).toEqual(charts.map(() => 'none'));
    expect(charts[0]!.svg('en')).toContain('No report gives the numbers');
    expect(emptiness([null, 0, 3])).toBeUndefined();
  });

  test('yearly totals link to the reports of their year', () => {
    const data = [row('a', 2022, full(3)), row('b', 2023, full(4))];
    const byYear = homeCharts(data, lineagesOf(data)).find((c) => c.id === 'applications-by-year')!;
    expect(byYear.empty).toBeUndefined();
    expect(byYear.table('en').rows.map((r) => r.href)).toEqual(['/en/reports/2022/', '/en/reports/2023/']);
    expect(byYear.table('zh').rows[0]!.href).toBe('/reports/2022/');
  });

  test('at 10,000 reports (500 agencies, 20 years) the home charts stay small and name no agency in a legend', () => {
    const big: SummaryRow[] = [];
    for (let l = 0; l < 500; l++) for (let y = 2006; y < 2026; y++) big.push(row(`l${l}`, y, full((l * 7 + y) % 97)));
    const charts = homeCharts(big, lineagesOf(big));
    let bytes = 0;
    for (const c of charts) {
      bytes += c.svg('en').length + c.svg('en', NARROW).length;
      expect(c.legend?.('en').length ?? 0).toBeLessThanOrEqual(8);
      expect(c.table('en').rows.length, c.id).toBeLessThanOrEqual(25);
    }
    // The rest of the home page (styles, navigation, two ten-row tables) is about 35 KB: the whole stays under 100 KB.
    expect(bytes).toBeLessThan(58_000);
  });

  test('coordinates are rounded to a tenth, text is left alone', () => {
    expect(roundCoordinates('<line x1="1.23456" y1="-2.06" x2="3"/><text transform="translate(56,201.14285714285717)">1.2345</text>'))
      .toBe('<line x1="1.2" y1="-2.1" x2="3"/><text transform="translate(56,201.1)">1.2345</text>');
  });
});
