/** The agency page's sentences on what changed (src/site/changes.ts): numbers, nulls, zeros, the reports behind each. */
import { describe, expect, test } from 'vitest';
import { changeSentences, sentence, series, type KeyMeasure, type YearValue } from '../../src/site/changes.ts';

type R = { report_id: string; year: number | null } & Partial<Record<KeyMeasure, number | null>>;
const r = (year: number | null, values: Partial<Record<KeyMeasure, number | null>>, id = `x-${year}`): R => ({ report_id: id, year, ...values });
const yv = (year: number, value: number | null, reports = [`x-${year}`]): YearValue => ({ year, value, reports });

describe('series', () => {
  test('one point per year, oldest first; a year with two reports sums them only when both give the number', () => {
    const rows = [r(2024, { applications_new: 5 }, 'a-2024'), r(2023, { applications_new: 2 }, 'a-2023'), r(2024, { applications_new: 3 }, 'b-2024'), r(2022, { applications_new: 1 }, 'a-2022'), r(2022, { applications_new: null }, 'b-2022'), r(null, { applications_new: 9 }, 'nameless')];
    expect(series(rows, 'applications_new')).toEqual([
      { year: 2022, value: null, reports: ['a-2022', 'b-2022'] },
      { year: 2023, value: 2, reports: ['a-2023'] },
      { year: 2024, value: 8, reports: ['a-2024', 'b-2024'] },
    ]);
  });
});

describe('sentence', () => {
  test('the issue’s example, in both languages', () => {
    const zh = sentence('zh', 'applications_new', yv(2024, 218), yv(2023, 81));
    expect(zh.text).toBe('2024 年收到申请 218 件，比上年增加 169%。');
    expect(zh.kind).toBe('up');
    expect(zh.sources).toEqual([{ year: 2024, report_id: 'x-2024' }, { year: 2023, report_id: 'x-2023' }]);
    expect(sentence('en', 'applications_new', yv(2024, 218), yv(2023, 81)).text).toBe('In 2024 it received 218 applications, 169% more than the year before.');
  });

  test('a fall, and a previous report that is not on the year before', () => {
    expect(sentence('zh', 'proactive_total', yv(2024, 61), yv(2022, 123)).text).toBe('2024 年主动公开政府信息 61 条，比 2022 年减少 50%。');
    expect(sentence('en', 'proactive_total', yv(2024, 61), yv(2022, 123)).text).toBe('In 2024 it proactively disclosed 61 items, 50% fewer than in 2022.');
  });

  test('small numbers change in counts, not percentages', () => {
    const s = sentence('zh', 'reviews_total', yv(2024, 3), yv(2023, 1));
    expect(s.text).toBe('2024 年被申请行政复议 3 件，比上年增加 2 件。');
    expect(sentence('en', 'litigation_total', yv(2024, 1), yv(2023, 2)).text).toBe('In 2024 it faced 1 lawsuit, 1 fewer than the year before.');
  });

  test('a zero denominator gives no percentage', () => {
    const zh = sentence('zh', 'granted', yv(2024, 3), yv(2023, 0));
    expect(zh.kind).toBe('fromZero');
    expect(zh.text).toBe('2024 年予以公开 3 件，上年为 0。');
    expect(zh.text).not.toMatch(/%|Infinity|NaN/);
    expect(sentence('en', 'granted', yv(2024, 3), yv(2022, 0)).text).toBe('In 2024 it granted 3 applications in full, up from none in 2022.');
    expect(sentence('zh', 'denied', yv(2024, 0), yv(2023, 0)).kind).toBe('same');
  });

  test('a null is never compared: the year not reported says so, with its own report only', () => {
    const cur = sentence('zh', 'proactive_total', yv(2024, null), yv(2023, 10));
    expect(cur.kind).toBe('notReported');
    expect(cur.text).toBe('2024 年的报告没有给出主动公开政府信息数。');
    expect(cur.sources).toEqual([{ year: 2024, report_id: 'x-2024' }]);
    expect(sentence('en', 'proactive_total', yv(2024, null), yv(2023, 10)).text).toBe('The report on 2024 does not give the number of items proactively disclosed.');
    const prev = sentence('en', 'applications_new', yv(2024, 8), yv(2023, null));
    expect(prev.kind).toBe('previousNotReported');
    expect(prev.text).toBe('In 2024 it received 8 applications; the report on 2023 does not give the number, so there is nothing to compare.');
    expect(prev.text).not.toMatch(/%/);
  });

  test('a first report has nothing to compare with', () => {
    expect(sentence('zh', 'applications_new', yv(2019, 1), null).text).toBe('2019 年收到申请 1 件；没有更早的报告可以比较。');
    expect(sentence('en', 'applications_new', yv(2019, 1), null).text).toBe('In 2019 it received 1 application; there is no earlier report to compare with.');
  });

  test('no English sentence has Chinese in it, no Chinese sentence an English word', () => {
    const cases: [YearValue, YearValue | null][] = [[yv(2024, 218), yv(2023, 81)], [yv(2024, null), yv(2023, 1)], [yv(2024, 2), yv(2023, null)], [yv(2024, 0), yv(2023, 0)], [yv(2024, 2), null], [yv(2024, 5), yv(2021, 0)]];
    for (const m of ['applications_new', 'granted', 'denied', 'reviews_total', 'litigation_total', 'proactive_total'] as const) {
      for (const [c, p] of cases) {
        expect(sentence('en', m, c, p).text).not.toMatch(/\p{Script=Han}/u);
        expect(sentence('zh', m, c, p).text).not.toMatch(/[a-z]{2,}/i);
      }
    }
  });
});

describe('changeSentences', () => {
  // The 平潭 investment-promotion lineage: proactive items, zeros elsewhere.
  const lineage = [
    r(2019, { applications_new: 0, granted: 0, denied: 0, reviews_total: 0, litigation_total: 0, proactive_total: 24 }),
    r(2020, { applications_new: 0, granted: 0, denied: 0, reviews_total: 0, litigation_total: 0, proactive_total: 74 }),
    r(2021, { applications_new: 0, granted: 0, denied: 0, reviews_total: 0, litigation_total: 0, proactive_total: 55 }),
    r(2022, { applications_new: 0, granted: 0, denied: 0, reviews_total: 0, litigation_total: 0, proactive_total: 48 }),
    r(2023, { applications_new: 0, granted: 0, denied: 0, reviews_total: 0, litigation_total: 0, proactive_total: 16 }),
    r(2024, { applications_new: 0, granted: 0, denied: 0, reviews_total: 0, litigation_total: 0, proactive_total: 1 }),
  ];

  test('the latest year per measure, zeros in both years said once', () => {
    const { latest } = changeSentences('zh', lineage);
    expect(latest.map((s) => s.text)).toEqual([
      '2024 年和上年，收到申请、予以公开、不予公开、行政复议、行政诉讼都是 0。',
      '2024 年主动公开政府信息 1 条，比上年减少 94%。',
    ]);
    expect(latest[0]!.measures).toEqual(['applications_new', 'granted', 'denied', 'reviews_total', 'litigation_total']);
    expect(changeSentences('en', lineage).latest[0]!.text).toBe('In 2024 and the year before, applications received, applications granted in full, applications refused, administrative reviews and lawsuits were all 0.');
    for (const s of latest) expect(s.sources.map((x) => x.year)).toEqual([2024, 2023]);
  });

  test('each measure’s largest change, when it is not the latest', () => {
    const { largest } = changeSentences('zh', lineage);
    expect(largest.map((s) => s.text)).toEqual(['2020 年主动公开政府信息 74 条，比上年增加 208%。']);
    expect(largest[0]!.sources).toEqual([{ year: 2020, report_id: 'x-2020' }, { year: 2019, report_id: 'x-2019' }]);
  });

  test('a change across a null is not a change', () => {
    const { largest, latest } = changeSentences('zh', [r(2019, { applications_new: 1 }), r(2020, { applications_new: null }), r(2021, { applications_new: 500 }), r(2022, { applications_new: 510 })]);
    expect(largest.filter((s) => s.measure === 'applications_new')).toEqual([]);
    expect(latest.find((s) => s.measure === 'applications_new')!.text).toBe('2022 年收到申请 510 件，比上年增加 2%。');
    // Measures no report gives: "not reported", never a comparison.
    expect(latest.find((s) => s.measure === 'reviews_total')!.kind).toBe('notReported');
  });

  test('no reports, no sentences', () => {
    expect(changeSentences('en', [])).toEqual({ latest: [], largest: [] });
  });
});
