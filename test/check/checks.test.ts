import { describe, expect, it } from 'vitest';
import { checkContinuity, checkReport } from '../../src/check/index.ts';
import { parseReport } from '../../src/parse/index.ts';
import { grid, reportText } from '../parse/make.ts';

const failing = (text: string) => checkReport(parseReport(text)).filter((c) => c.status === 'fail').map((c) => `${c.check}:${c.subject}`);

describe('checks', () => {
  it('a consistent report passes every check', () => {
    const checks = checkReport(parseReport(reportText()));
    expect(checks.filter((c) => c.status !== 'pass')).toEqual([]);
    expect(new Set(checks.map((c) => c.check))).toEqual(new Set(['t3_balance', 't3_results_sum', 't3_row_sum', 't4_group_sum', 'proactive_sum', 'proactive_share']));
  });
  it('catches a broken balance, row sum and results sum, naming the column', () => {
    const g = grid();
    g.new_received = [...g.new_received!.slice(0, 6), g.new_received![6]! + 1];
    expect(failing(reportText({ grid: g }))).toEqual(['t3_balance:total', 't3_row_sum:new_received']);
    const h = grid();
    h.granted = [6, 2, 0, 0, 1, 0, 9];
    // （七） still balances with 一 + 二 − 四, so only the results rule sees it.
    expect(failing(reportText({ grid: h }))).toEqual(['t3_results_sum:natural_person', 't3_results_sum:total']);
  });
  it('catches table 四 group sums and proactive sums and shares', () => {
    const text = reportText().replace('1 0 0 1 2 0 1 0 0 1 0 0 0 0 0', '1 0 0 1 3 0 1 0 0 1 0 0 0 0 0').replace('其他 6 条，占比 60%', '其他 5 条，占比 60%');
    expect(failing(text)).toEqual(['t4_group_sum:review', 'proactive_sum:total', 'proactive_share:other']);
  });
  it('printed shares agree within one unit of their last digit (48.9 for 24/49 = 48.98)', () => {
    const text = reportText().replace('合计 10 条，其中：政策法规类 4 条，占比 40%；其他 6 条，占比 60%', '合计 49 条，其中：政策法规类 24 条，占比 48.9%；其他 25 条，占比 51.1%');
    expect(failing(text)).toEqual([]);
    expect(failing(text.replace('48.9%', '47.9%'))).toEqual(['proactive_share:policy']);
  });
  it('carry-over continuity compares consecutive years of one lineage', () => {
    const r = (reportId: string, lineageId: string, year: number, carriedOver: number | null, carriedForward: number | null) => ({ reportId, lineageId, year, carriedOver, carriedForward });
    const out = checkContinuity([r('a-2020', 'a', 2020, 0, 3), r('a-2021', 'a', 2021, 3, 0), r('b-2021', 'b', 2021, 2, 0), r('a-2022', 'a', 2022, 1, 0)]);
    expect(out.get('a-2020')?.status).toBe('skipped');
    expect(out.get('a-2021')?.status).toBe('pass');
    expect(out.get('a-2022')).toMatchObject({ status: 'fail', subject: '2021→2022' });
    expect(out.get('b-2021')?.status).toBe('skipped');
  });
});
