import { ARTICLE20 } from '../schema/index.ts';
import { bi, type ParsedReport, type Warning } from './types.ts';

/**
 * What a published number may be. A value outside its column's range was misread or garbled (a
 * share of 309 digits, a count of 10^20): it is NULL with a warning, and no writer ever sees it.
 *
 * - Counts (table 二 counts, every cell of tables 三 and 四, section 一's total and categories):
 *   whole numbers from 0 to MAX_COUNT. Only table 二's `change` (本年增/减) may be negative.
 * - Amounts (table 二's 采购总金额 and 收费金额, in the unit printed): from 0 to MAX_AMOUNT.
 * - Fees charged (section 六, in yuan): from 0 to MAX_FEES.
 * - Shares (section 一's 占比): 0 to 100 %.
 * - A number printed with more significant digits than a double holds exactly (15) is NULL too:
 *   `raw` and `value` never disagree (99999999999999999999 never becomes 100000000000000000000).
 */
export const MAX_COUNT = 10_000_000;
export const MAX_AMOUNT = 1e12;
export const MAX_FEES = 10_000_000;

/** A report's year: the Regulations date from 2007 (first reports on 2008); 2100 is a fixed upper bound, no clock. */
export const MIN_YEAR = 2007;
export const MAX_YEAR = 2100;
export const isPlausibleYear = (y: number): boolean => Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;

/** Counts of applications, cases and items are whole numbers from 0 to MAX_COUNT: anything else was misread. */
export const isCount = (v: number): boolean => Number.isSafeInteger(v) && v >= 0 && v <= MAX_COUNT;

/** Significant digits of a printed number ("0,012.50" → 4): more than 15 and a double cannot hold it exactly. */
export function significantDigits(raw: string): number {
  const m = /\d[\d,]*(?:\.\d+)?/.exec(raw);
  if (!m) return 0;
  return m[0].replace(/[,.]/g, '').replace(/^0+/, '').replace(/0+$/, (z) => (m[0].includes('.') ? '' : z)).length;
}

type Range = 'count' | 'signed' | 'amount' | 'fees' | 'share';
function inRange(v: number, range: Range): boolean {
  if (!Number.isFinite(v)) return false;
  switch (range) {
    case 'count': return isCount(v);
    case 'signed': return Number.isSafeInteger(v) && Math.abs(v) <= MAX_COUNT;
    case 'amount': return v >= 0 && v <= MAX_AMOUNT;
    case 'fees': return v >= 0 && v <= MAX_FEES;
    case 'share': return v >= 0 && v <= 100;
  }
}
const RANGE_TEXT: Record<Range, [string, string]> = {
  count: [`0 至 ${MAX_COUNT} 的整数`, `a whole number from 0 to ${MAX_COUNT}`],
  signed: [`绝对值不超过 ${MAX_COUNT} 的整数`, `a whole number within ±${MAX_COUNT}`],
  amount: [`0 至 ${MAX_AMOUNT} 的数`, `a number from 0 to ${MAX_AMOUNT}`],
  fees: [`0 至 ${MAX_FEES} 元`, `from 0 to ${MAX_FEES} yuan`],
  share: ['0 至 100%', 'from 0 to 100%'],
};
const shown = (v: number, raw?: string | null) => {
  const s = raw ?? String(v);
  return s.length > 40 ? `${s.slice(0, 20)}…（${s.length}）` : s;
};

/** Table 二's measures by clause and key, over both versions. */
const MEASURES = new Map(Object.values(ARTICLE20).flat().flatMap((c) => c.measures.map((m) => [`${c.clause}/${m.key}`, m] as const)));

/**
 * Every number of a parsed report checked against its column's range; out of range → NULL with a
 * `value_out_of_range` warning. Returns the report's numbers so bounded (warnings appended).
 */
export function bound(r: ParsedReport, warnings: Warning[]): Pick<ParsedReport, 'proactiveTotal' | 'proactiveCategories' | 'article20' | 'applications' | 'reviews' | 'fees'> {
  // `what` names the cell for a warning: only asked for when there is one (most values are in range).
  const check = (v: number | null, range: Range, named: () => [string, string], line: number | null, raw?: string | null): number | null => {
    if (v === null) return null;
    const exact = raw == null || significantDigits(raw) <= 15;
    if (inRange(v, range) && exact) return v;
    const [zh, en] = RANGE_TEXT[range];
    const what = named();
    warnings.push({ severity: 'warning', code: 'value_out_of_range', line, ...bi(
      exact ? `${what[0]}的值“${shown(v, raw)}”不在合理范围内（应为${zh}），记为空` : `${what[0]}的值“${shown(v, raw)}”位数过多，无法精确表示，记为空`,
      exact ? `${what[1]}: "${shown(v, raw)}" is out of range (${en}); left null.` : `${what[1]}: "${shown(v, raw)}" has more digits than can be held exactly; left null.`) });
    return null;
  };
  const article20 = r.article20.map((c) => {
    const m = MEASURES.get(`${c.clause}/${c.measure}`);
    const range: Range = m?.signed ? 'signed' : c.measure === 'amount' ? 'amount' : 'count';
    const value = check(c.value, range, () => [`表二“${c.itemLabel}”${m?.zh ?? c.measure}`, `Table 二 ${c.item} ${c.measure}`], c.line, c.raw);
    return value === c.value ? c : { ...c, value, unit: null };
  });
  const applications = r.applications.map((c) => {
    const value = check(c.value, 'count', () => [`表三 ${c.row} ${c.applicant}`, `Table 三 ${c.row} ${c.applicant}`], c.line);
    return value === c.value ? c : { ...c, value };
  });
  const reviews = r.reviews.map((c) => {
    const value = check(c.value, 'count', () => [`表四 ${c.proceeding} ${c.outcome}`, `Table 四 ${c.proceeding} ${c.outcome}`], c.line);
    return value === c.value ? c : { ...c, value };
  });
  const total = check(r.proactiveTotal.value, 'count', () => ['主动公开合计', 'Section 一 total'], r.proactiveTotal.line);
  const proactiveCategories = r.proactiveCategories.map((c) => ({
    ...c,
    items: check(c.items, 'count', () => [`主动公开“${c.label}”条数`, `Section 一 category ${c.key}`], c.line),
    sharePct: check(c.sharePct, 'share', () => [`主动公开“${c.label}”占比`, `Section 一 category ${c.key} share`], c.line),
  }));
  const fees = check(r.fees.value, 'fees', () => ['信息处理费', 'Fees charged'], r.fees.line);
  return {
    proactiveTotal: total === r.proactiveTotal.value ? r.proactiveTotal : { ...r.proactiveTotal, value: total },
    proactiveCategories, article20, applications, reviews,
    fees: fees === r.fees.value ? r.fees : { ...r.fees, value: fees },
  };
}
