/**
 * Checks as a reader sees them: every detail in the page's language, and the checks of a report
 * grouped by the table they check, failures first.
 */
import { PROACTIVE_CATEGORIES, PROCEEDINGS, RULES, type Label, type RuleKey, type RulePart } from '../schema/index.ts';
import type { CheckRow } from './data.ts';
import { t, type StringKey } from './i18n.ts';
import type { Health } from './model.ts';
import { pinyinName } from './names.ts';
import type { Lang } from './url.ts';

/** The part of the report a check is about, in reading order; its checks are the rules of that part (src/schema/rules.ts). */
const PARTS = [
  { key: 'proactive', part: 'proactive', zh: '一、主动公开', en: 'Section 1: proactive disclosure' },
  { key: 'table3', part: 'applications', zh: '表三 申请的收到和处理', en: 'Table 3: applications received and handled' },
  { key: 'table4', part: 'reviews', zh: '表四 行政复议和行政诉讼', en: 'Table 4: administrative review and litigation' },
  { key: 'continuity', part: 'continuity', zh: '与上一年度报告的衔接', en: 'Continuity with the previous year’s report' },
] as const satisfies readonly (Label & { key: string; part: RulePart })[];
export const CHECK_TABLES = PARTS.map((p) => ({ ...p, checks: (Object.keys(RULES) as RuleKey[]).filter((k) => RULES[k].part === p.part) }));

export interface CheckGroup<C extends Pick<CheckRow, 'check' | 'status'>> {
  key: string;
  label: Label;
  checks: C[];
  pass: number;
  fail: number;
  skipped: number;
}

const ORDER = { fail: 0, pass: 1, skipped: 2 } as const;

/**
 * A report's checks by table: groups with a failure first (then in reading order), inside each
 * group failures, then passes, then skipped checks, each status's checks of one rule together. Checks of an unknown rule form a last group.
 */
export function groupChecks<C extends Pick<CheckRow, 'check' | 'status'>>(checks: readonly C[]): CheckGroup<C>[] {
  const groups: CheckGroup<C>[] = CHECK_TABLES.map((t) => ({ key: t.key, label: { zh: t.zh, en: t.en }, checks: [], pass: 0, fail: 0, skipped: 0 }));
  const other: CheckGroup<C> = { key: 'other', label: { zh: '其他核对', en: 'Other checks' }, checks: [], pass: 0, fail: 0, skipped: 0 };
  for (const c of checks) {
    const i = CHECK_TABLES.findIndex((t) => (t.checks as readonly string[]).includes(c.check));
    const g = i >= 0 ? groups[i]! : other;
    g.checks.push(c);
    g[c.status]++;
  }
  const all = [...groups, other].filter((g) => g.checks.length > 0);
  // Within a status, a rule's checks together (in the order the rules first appear), so each rule is one run (checkRuns).
  for (const g of all) {
    const rank = new Map<string, number>();
    for (const c of g.checks) if (!rank.has(c.check)) rank.set(c.check, rank.size);
    g.checks = g.checks.map((c, i) => ({ c, i })).sort((a, b) => ORDER[a.c.status] - ORDER[b.c.status] || rank.get(a.c.check)! - rank.get(b.c.check)! || a.i - b.i).map((x) => x.c);
  }
  return all.map((g, i) => ({ g, i })).sort((a, b) => Number(b.g.fail > 0) - Number(a.g.fail > 0) || a.i - b.i).map((x) => x.g);
}

/** Consecutive checks of one rule and one status, as the rows a page draws for them. */
export interface CheckRun<C> {
  check: string;
  status: CheckRow['status'];
  checks: C[];
  /**
   * The rows: passes are one row naming what they held for (the numbers compared are in the
   * published `checks` table); a failure or skip is a row each, or one row for all of them when
   * they compared the same thing (`detail` the same: "blank cells, cannot check: … vs total").
   */
  rows: { checks: C[]; detail?: string | null }[];
}

/**
 * A group's checks (in groupChecks' order) as runs of the same rule and status, so a page names
 * the rule and the result once for all the columns or rows it was applied to, not once a row: a
 * report has ~45 checks, most of them passes of a handful of rules.
 */
export function checkRuns<C extends Pick<CheckRow, 'check' | 'status' | 'detail'>>(checks: readonly C[]): CheckRun<C>[] {
  const runs: CheckRun<C>[] = [];
  for (const c of checks) {
    const last = runs.at(-1);
    if (last && last.check === c.check && last.status === c.status) last.checks.push(c);
    else runs.push({ check: c.check, status: c.status, checks: [c], rows: [] });
  }
  for (const run of runs) {
    const same = run.checks.every((c) => c.detail === run.checks[0]!.detail);
    run.rows = run.status === 'pass' ? [{ checks: run.checks }]
      : same && run.checks.length > 1 ? [{ checks: run.checks, detail: run.checks[0]!.detail }]
      : run.checks.map((c) => ({ checks: [c], detail: c.detail }));
  }
  return runs;
}

/** Blank operands ("0+++" or "null") shown as a dash. */
const blanks = (s: string) => s
  .replace(/\bnull\b/g, '—')
  .replace(/(^|[\s:：])((?:[\d.—]*\+)+[\d.—]*)(?= vs )/g, (_, pre: string, sum: string) => pre + sum.split('+').map((x) => x || '—').join('+'));

/**
 * A check's detail (the numbers compared, as src/check writes them, partly bilingual) in one
 * language. `labels` maps a printed category label to the words to show for it in English.
 */
export function checkDetail(lang: Lang, detail: string | null, labels: ReadonlyMap<string, string> = new Map()): string {
  if (!detail) return '';
  let s = blanks(detail);
  if (lang === 'zh') {
    return s
      .replace('有空白单元格，无法核对 blank cells, cannot check: ', '有空白单元格，无法核对：')
      .replace('有空白单元格 blank cells: ', '有空白单元格：')
      .replace(/^(同一沿革没有 \d+ 年的报告) no report on .*$/, '$1')
      .replace(/^(\d+ 年有多份报告) several reports on .*$/, '$1')
      .replace(/: 印 printed (\S+) vs /, '：原文 $1，按条数计算 ');
  }
  s = s
    .replace('有空白单元格，无法核对 blank cells, cannot check: ', 'blank cells, cannot check: ')
    .replace('有空白单元格 blank cells: ', 'blank cells: ')
    .replace(/^同一沿革没有 \d+ 年的报告 /, '')
    .replace(/^\d+ 年有多份报告 /, '')
    .replace(/印 printed/g, 'printed')
    .replace(/一 (\S+) \+ 二 (\S+) vs （七） (\S+) \+ 四 (\S+)/, 'new $1 + carried over $2 vs handled $3 + carried forward $4')
    .replace('（一）…（六） vs （七）总计', 'results (1)…(6) vs (7) total handled')
    .replace(/ 结转下年度 /g, ' carried forward ')
    .replace(/ 上年结转 /g, ' carried over ')
    .replace(/vs 总计/g, 'vs total');
  for (const p of PROCEEDINGS) s = s.replaceAll(p.zh, p.en);
  // Printed category labels (section 一): longest first, so no label is cut by a shorter one.
  const known = new Map<string, string>([...PROACTIVE_CATEGORIES.map((c) => [c.zh, c.en] as const), ...labels]);
  for (const zh of [...known.keys()].sort((a, b) => b.length - a.length)) s = s.replaceAll(zh, known.get(zh)!);
  // Anything still in Chinese: its pinyin, so an English page never prints Chinese in a detail.
  return s.replace(/[\p{Script=Han}（）：，、…]+/gu, (run) => {
    const plain = run.replace(/[（）：，、…]/g, (c) => ({ '（': '(', '）': ')', '：': ':', '，': ',', '、': ',', '…': '…' })[c]!);
    return /\p{Script=Han}/u.test(plain) ? plain.replace(/\p{Script=Han}+/gu, (h) => pinyinName(h)) : plain;
  });
}

const NUMERALS: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10' };
/**
 * The form's Chinese numerals in English text as figures: "Table 三" → "Table 3", "section 一" →
 * "section 1", "(一)…(六)" → "(1)…(6)", "(七) total" → "(7) total". Other Chinese is left alone.
 */
export function englishNumerals(s: string): string {
  return s
    .replace(/\b(Table|table|Section|section|row|Row) ([一二三四五六七八九十])(?![\p{Script=Han}])/gu, (_, w: string, n: string) => `${w} ${NUMERALS[n]}`)
    .replace(/[（(]([一二三四五六七八九十])[）)]/g, (_, n: string) => `(${NUMERALS[n]})`);
}

/** A check's rule in the page's language (the schema's labels, with figures for the form's numerals in English). */
export function ruleLabel(lang: Lang, check: string): string {
  const rule = (RULES as Record<string, Label>)[check];
  if (!rule) return check;
  return lang === 'zh' ? rule.zh : englishNumerals(rule.en);
}

/** A printed proactive category label in English: the schema's category where it is one, else pinyin. */
export function categoryEnglish(key: string, printed: string | null): string {
  const c = PROACTIVE_CATEGORIES.find((c) => c.key === key);
  if (c) return c.en;
  return printed ? pinyinName(printed) : key;
}

const HEALTH = { ok: 'healthOk', warnings: 'healthWarnings', checks: 'healthChecks', blank: 'healthBlank', failed: 'healthFailed' } as const satisfies Record<Health, StringKey>;
/** A report's health in words ("mostly blank", "checks fail"…). */
export const healthLabel = (lang: Lang, h: Health): string => t(lang, HEALTH[h]);
