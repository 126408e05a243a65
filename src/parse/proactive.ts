import { PROACTIVE_CATEGORIES } from '../schema/index.ts';
import { slug } from '../agencies/slug.ts';
import { isCount } from './numbers.ts';
import { prose, type Line } from './text.ts';
import { bi, type ProactiveCategory, type Sourced, type Warning } from './types.ts';

const UNIT = '(?:条|件|项|篇|个)';
const N = '(\\d+)\\s*(余|多)?\\s*(条|件|项|篇|个|份)?\\s*(以上|左右)?';
/**
 * The stated total, in the words reports use: "主动公开政府信息合计 100 条", "主动公开各类政府信息
 * 共计49条", "2023年主动公开政府信息107条", "全年主动公开信息数161条", "共在门户网站公开政府信息
 * 267条", "全年政府信息主动公开128条", "主动公开的173条", "公开356条政务信息". The earliest wins.
 */
const TOTALS = [
  new RegExp(`(?<!依申请)主动公开[^。；;\\d]{0,20}?(?:合计|共计|总计|共)[^。；;\\d]{0,6}?${N}`, 'g'),
  new RegExp(`(?<!依申请)主动公开(?:了)?(?:各类|相关)?(?:政府|政务)?信息(?:数|总数)?(?:共计|合计|总计|共|为|达)?\\s*[:：]?\\s*${N}`, 'g'),
  new RegExp(`(?:共|全年|今年|累计|年)(?:在[^。；;\\d]{0,40}?|通过[^。；;\\d]{0,40}?)?(?:公开|发布)(?:了)?(?:公文类)?(?:政府|政务)信息(?:共计|合计|总计|共)?\\s*${N}`, 'g'),
  new RegExp(`(?:政府|政务)信息主动公开\\s*${N}`, 'g'),
  new RegExp(`(?<!依申请)主动公开(?:的)?\\s*${N}`, 'g'),
  new RegExp(`公开\\s*(\\d+)\\s*(余|多)?\\s*(条|件|篇|份)()\\s*(?:政务|政府)信息`, 'g'),
];
/** A cumulative count over the years is not the year's total. */
const CUMULATIVE = /历年|截至目前|截止目前|至今|累计至|建站以来|以来累计/;

function findTotal(text: string): RegExpExecArray | undefined {
  let best: RegExpExecArray | undefined;
  for (const re of TOTALS) {
    for (const m of text.matchAll(re)) {
      const unit = m[3];
      // Without a unit the number must end its clause ("主动公开信息数169，").
      if (!unit && !/^\s*(?:[，,。；;）)]|$)/.test(text.slice(m.index + m[0].length))) continue;
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      if (CUMULATIVE.test(before.slice(Math.max(before.lastIndexOf('。'), before.lastIndexOf('；')) + 1))) continue;
      if (!best || m.index < best.index) best = m as RegExpExecArray;
      break;
    }
  }
  return best;
}
/**
 * A category's id from its label, remembered: slug() runs pinyin over the label, a tenth of the
 * parse of a text report, and the same few labels come back in report after report.
 */
const slugs = new Map<string, string>();
function categorySlug(label: string): string {
  let s = slugs.get(label);
  if (s === undefined) {
    if (slugs.size >= 10_000) slugs.clear(); // bounded: a long build meets few distinct labels
    slugs.set(label, (s = slug(label)));
  }
  return s;
}

// "政策法规类 29 条，占比 29%" / "其他 2 条，占比 4.1%" / "…其他政府信息 2 条" (a space set before the number).
const CATEGORY = new RegExp(`([\\u4e00-\\u9fa5]{1,10}?类|其他(?:类|信息)?)[^\\d。；;，,]{0,4}?\\s*(\\d+)\\s*${UNIT}(?:[，,]?\\s*(?:占比|占)\\s*(?:约\\s*)?(\\d+(?:\\.\\d+)?)\\s*%)?`, 'g');

/** Section 一: the stated total of proactively disclosed items and its categories. */
export function readProactive(lines: Line[], warnings: Warning[]): { total: Sourced<number>; categories: ProactiveCategory[] } {
  const p = prose(lines);
  const m = findTotal(p.text);
  if (m && (m[2] || m[4])) {
    warnings.push({ severity: 'warning', code: 'proactive_total_approximate', ...bi(`主动公开信息总数只写了约数（“${m[0]}”），记为空`, `Section 一 gives only an approximate total ("${m[0]}"); left null.`), line: p.lineAt(m.index) });
    return { total: { value: null, line: p.lineAt(m.index) }, categories: [] };
  }
  if (!m) {
    warnings.push({ severity: 'warning', code: 'proactive_total_missing', ...bi('第一部分没有写明主动公开信息合计条数', 'Section 一 states no total of proactively disclosed items.'), line: null });
    return { total: { value: null, line: null }, categories: [] };
  }
  const total = { value: Number(m[1]), line: p.lineAt(m.index + m[0].length - 1) };
  if (!isCount(total.value)) {
    warnings.push({ severity: 'warning', code: 'proactive_not_count', ...bi(`主动公开合计“${m[1]}”不是条数，记为空`, `The stated total "${m[1]}" is not a count; left null.`), line: total.line });
    return { total: { value: null, line: total.line }, categories: [] };
  }
  // Categories follow the total ("其中：…"), within the same paragraph of prose.
  const after = p.text.slice(m.index + m[0].length);
  const stop = after.search(/（[二三四五]）|\([二三四五]\)|二、/);
  const scope = stop >= 0 ? after.slice(0, stop) : after;
  const categories: ProactiveCategory[] = [];
  const keys = new Set<string>();
  // The breakdown is one sentence, right after the total's ("…合计 100 条。其中：…类 29 条…"):
  // a later sentence that counts something "…类" is about something else.
  let end = 0;
  for (const c of scope.matchAll(CATEGORY)) {
    const sentences = scope.slice(end, c.index).split('。').length - 1;
    if (sentences > (categories.length === 0 ? 1 : 0)) break;
    end = c.index + c[0].length;
    const label = c[1]!.replace(/^(?:其中|包括|含)[:：]?/, '');
    const known = PROACTIVE_CATEGORIES.find((k) => k.match.test(label));
    let key = known?.key ?? `c_${categorySlug(label)}`;
    while (keys.has(key)) key += '_2';
    keys.add(key);
    // Out of range (a garbled count of 400 digits) is NULL with a warning: src/parse/bounds.ts.
    const items = Number(c[2]);
    categories.push({
      key, label, items, sharePct: c[3] !== undefined ? Number(c[3]) : null,
      line: p.lineAt(m.index + m[0].length + c.index! + c[0].length - 1),
    });
  }
  return { total, categories };
}
