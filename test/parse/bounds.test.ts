/**
 * Absurd numbers (issue 12): a value that is not a finite number within its column's range is
 * NULL with a `value_out_of_range` warning, and `raw` and `value` never disagree.
 */
import { describe, expect, it } from 'vitest';
import { parseReport, type ParsedReport } from '../../src/parse/index.ts';
import { MAX_COUNT } from '../../src/parse/bounds.ts';
import { reportText } from './make.ts';

const HUGE = '1' + '0'.repeat(320);
const codes = (r: ParsedReport) => r.warnings.map((w) => w.code);
const t2 = (r: ParsedReport, item: string, measure: string) => r.article20.find((c) => c.item === item && c.measure === measure)!;
/** Every number of the report is finite (what the Parquet writer needs). */
const allFinite = (r: ParsedReport) => [
  r.proactiveTotal.value, r.fees.value, ...r.proactiveCategories.flatMap((c) => [c.items, c.sharePct]),
  ...r.article20.map((c) => c.value), ...r.applications.map((c) => c.value), ...r.reviews.map((c) => c.value),
].every((v) => v === null || Number.isFinite(v));

describe('absurd numbers are null with a warning', () => {
  it('the plain report reads without a range warning', () => {
    const r = parseReport(reportText());
    expect(codes(r)).not.toContain('value_out_of_range');
    expect(r.fees.value).toBe(120);
  });

  it('a share of 321 digits (section 一)', () => {
    const r = parseReport(reportText().replace('占比 40%', `占比 ${HUGE}%`));
    expect(r.proactiveCategories[0]).toMatchObject({ items: 4, sharePct: null });
    expect(r.proactiveCategories[1]).toMatchObject({ items: 6, sharePct: 60 });
    expect(codes(r)).toContain('value_out_of_range');
    expect(r.status).toBe('warnings');
    expect(allFinite(r)).toBe(true);
  });

  it('a share above 100%', () => {
    const r = parseReport(reportText().replace('占比 40%', '占比 400%'));
    expect(r.proactiveCategories[0]!.sharePct).toBeNull();
    expect(codes(r)).toContain('value_out_of_range');
  });

  it('a category count of 321 digits', () => {
    const r = parseReport(reportText().replace('政策法规类 4 条', `政策法规类 ${HUGE} 条`));
    expect(r.proactiveCategories[0]!.items).toBeNull();
    expect(codes(r)).toContain('value_out_of_range');
    expect(allFinite(r)).toBe(true);
  });

  it('fees of 321 digits (section 六)', () => {
    const r = parseReport(reportText().replace('本年度共收取信息处理费 120 元', `本年度共收取信息处理费 ${HUGE} 元`));
    expect(r.fees.value).toBeNull();
    expect(codes(r)).toContain('value_out_of_range');
    expect(allFinite(r)).toBe(true);
  });

  it('a section 一 total of 321 digits', () => {
    const r = parseReport(reportText().replace('合计 10 条', `合计 ${HUGE} 条`));
    expect(r.proactiveTotal.value).toBeNull();
    expect(r.status).toBe('warnings');
    expect(allFinite(r)).toBe(true);
  });

  it('table 二: a negative count is null with a warning; only 本年增/减 may be signed', () => {
    const r = parseReport(reportText().replace('规章 0 0 0', '规章 -5 0 0'));
    expect(t2(r, 'rules', 'issued')).toMatchObject({ value: null, raw: '-5' });
    expect(t2(r, 'rules', 'repealed').value).toBe(0);
    expect(codes(r)).toContain('value_out_of_range');
    const signed = parseReport(reportText({ template: '2019' }));
    expect(t2(signed, 'licensing', 'change').value).toBe(-185);
    expect(codes(signed)).not.toContain('value_out_of_range');
  });

  it(`table 二: counts above ${MAX_COUNT} and 10^20 are null; raw and value never disagree`, () => {
    for (const big of ['100000000000000000000', '99999999999999999999', String(MAX_COUNT + 1), HUGE]) {
      const r = parseReport(reportText().replace('行政规范性文件 1 0 5', `行政规范性文件 ${big} 0 5`));
      const c = t2(r, 'normative_documents', 'issued');
      expect(c, big).toMatchObject({ value: null, raw: big });
      expect(t2(r, 'normative_documents', 'in_force').value).toBe(5);
      expect(codes(r)).toContain('value_out_of_range');
      expect(allFinite(r)).toBe(true);
    }
    const ok = parseReport(reportText().replace('行政规范性文件 1 0 5', `行政规范性文件 ${MAX_COUNT} 0 5`));
    expect(t2(ok, 'normative_documents', 'issued').value).toBe(MAX_COUNT);
  });

  it('table 二: an amount with more digits than a double holds is null (raw kept)', () => {
    const r = parseReport(reportText({ template: '2019' }).replace('5394432.52元', '5394432.5200000000000001元'));
    expect(t2(r, 'procurement', 'amount')).toMatchObject({ value: null, raw: '5394432.5200000000000001元' });
    expect(codes(r)).toContain('value_out_of_range');
  });

  it('tables 三 and 四: a count of 20 digits is null with a warning', () => {
    const text = reportText().replace('1 0 0 1 2 0 1 0 0 1 0 0 0 0 0', '1 0 0 1 2 0 1 0 0 1 0 0 0 0 99999999999999999999');
    const r = parseReport(text);
    expect(r.reviews.at(-1)!.value).toBeNull();
    expect(r.reviews[0]!.value).toBe(1);
    expect(r.status).not.toBe('ok');
  });
});

describe('report years', () => {
  it('a garbled year (1919) in the title is rejected: null and failed', () => {
    const r = parseReport(reportText().replace('2023年政府信息公开工作年度报告', '1919年政府信息公开工作年度报告'));
    expect(r.year.value).toBeNull();
    expect(codes(r)).toContain('year_implausible');
    expect(r.status).toBe('failed');
  });

  it("a garbled year gives way to the statistics period's, with a warning", () => {
    const r = parseReport(reportText({ before: '本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。' })
      .replace('2023年政府信息公开工作年度报告', '1919年政府信息公开工作年度报告'));
    expect(r.year.value).toBe(2023);
    expect(codes(r)).toContain('year_implausible');
    expect(r.status).toBe('warnings');
  });

  it('plausible years stand', () => {
    expect(parseReport(reportText()).year.value).toBe(2023);
    expect(parseReport(reportText({ template: '2019' })).year.value).toBe(2020);
  });
});
