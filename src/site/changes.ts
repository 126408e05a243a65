/**
 * An agency lineage's key measures year by year, and sentences generated from them on what
 * changed ("2024 年收到申请 218 件，比上年增加 169%" / "In 2024 it received 218 applications, 169%
 * more than the year before"), each with the reports behind it. A blank is not a zero: no
 * sentence compares a number that was not reported; it says so instead. A change from 0 is given
 * in counts, never as a percentage.
 */
import type { SummaryRow } from './data.ts';
import type { Lang } from './url.ts';

/** The measures of an agency page's small multiples and sentences (summary columns). */
export const KEY_MEASURES = ['applications_new', 'granted', 'denied', 'reviews_total', 'litigation_total', 'proactive_total'] as const;
export type KeyMeasure = (typeof KEY_MEASURES)[number];

type Row = Pick<SummaryRow, 'report_id' | 'year'> & Partial<Record<KeyMeasure, number | null>>;

export interface YearValue {
  year: number;
  /** The sum over the year's reports; null unless every one of them gives the number. */
  value: number | null;
  /** The reports on that year. */
  reports: string[];
}

/** A measure of a lineage by year: one point per year reported on, oldest first. */
export function series(reports: readonly Row[], measure: KeyMeasure): YearValue[] {
  const years = [...new Set(reports.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  return years.map((year) => {
    const rows = reports.filter((r) => r.year === year);
    const vals = rows.map((r) => r[measure] ?? null);
    return { year, value: vals.every((v): v is number => v !== null) ? vals.reduce((a, b) => a + b, 0) : null, reports: rows.map((r) => r.report_id) };
  });
}

/** Percentages are given from this earlier value up; below it a change is given in counts. */
export const PCT_FROM = 10;

export type SentenceKind = 'up' | 'down' | 'same' | 'fromZero' | 'notReported' | 'previousNotReported' | 'first' | 'bothZero';

export interface Sentence {
  measure: KeyMeasure;
  /** A 'bothZero' sentence speaks of several measures at once. */
  measures?: KeyMeasure[];
  year: number;
  /** The year compared with (the previous year reported on), if any. */
  previous: number | null;
  kind: SentenceKind;
  text: string;
  /** The reports behind the sentence: the year's, then the previous year's. */
  sources: { year: number; report_id: string }[];
}

interface Words {
  /** The measure with its number: 收到申请 218 件 / it received 218 applications. */
  said: (n: string, one: boolean) => string;
  /** The number's name, for "not reported": 收到申请数 / the number of applications received. */
  name: string;
  /** The counting word after a number (Chinese). */
  unit: string;
  /** The measure in a list: 收到申请 / applications received. */
  short: string;
}

const WORDS: Record<KeyMeasure, Record<Lang, Words>> = {
  applications_new: {
    zh: { said: (n) => `收到申请 ${n} 件`, name: '收到申请数', unit: '件', short: '收到申请' },
    en: { said: (n, one) => `it received ${n} application${one ? '' : 's'}`, name: 'the number of applications received', unit: '', short: 'applications received' },
  },
  granted: {
    zh: { said: (n) => `予以公开 ${n} 件`, name: '予以公开数', unit: '件', short: '予以公开' },
    en: { said: (n, one) => `it granted ${n} application${one ? '' : 's'} in full`, name: 'the number of applications granted in full', unit: '', short: 'applications granted in full' },
  },
  denied: {
    zh: { said: (n) => `不予公开 ${n} 件`, name: '不予公开数', unit: '件', short: '不予公开' },
    en: { said: (n, one) => `it refused ${n} application${one ? '' : 's'}`, name: 'the number of applications refused', unit: '', short: 'applications refused' },
  },
  reviews_total: {
    zh: { said: (n) => `被申请行政复议 ${n} 件`, name: '行政复议数', unit: '件', short: '行政复议' },
    en: { said: (n, one) => `it faced ${n} administrative review${one ? '' : 's'}`, name: 'the number of administrative reviews', unit: '', short: 'administrative reviews' },
  },
  litigation_total: {
    zh: { said: (n) => `被提起行政诉讼 ${n} 件`, name: '行政诉讼数', unit: '件', short: '行政诉讼' },
    en: { said: (n, one) => `it faced ${n} lawsuit${one ? '' : 's'}`, name: 'the number of lawsuits', unit: '', short: 'lawsuits' },
  },
  proactive_total: {
    zh: { said: (n) => `主动公开政府信息 ${n} 条`, name: '主动公开政府信息数', unit: '条', short: '主动公开' },
    en: { said: (n, one) => `it proactively disclosed ${n} item${one ? '' : 's'}`, name: 'the number of items proactively disclosed', unit: '', short: 'items proactively disclosed' },
  },
};

const num = (n: number) => n.toLocaleString('en-US');

/** The year compared with: 上年 / the year before when it is the year before, else that year ( 2022 年 / in 2022). */
function comparedWith(lang: Lang, year: number, previous: number | null): string {
  if (previous === year - 1) return lang === 'zh' ? '上年' : 'the year before';
  return lang === 'zh' ? ` ${previous} 年` : `in ${previous}`;
}

const list = (lang: Lang, items: string[]) =>
  lang === 'zh' ? items.join('、') : items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** One sentence for the measures that were 0 in both years: the same zero said once, not five times. */
export function bothZero(lang: Lang, measures: KeyMeasure[], cur: YearValue, prev: YearValue): Sentence {
  const names = measures.map((m) => WORDS[m][lang].short);
  const y = cur.year;
  const sources = [...cur.reports.map((id) => ({ year: y, report_id: id })), ...prev.reports.map((id) => ({ year: prev.year, report_id: id }))];
  const than = comparedWith(lang, y, prev.year);
  const text = lang === 'zh'
    ? `${y} 年和${than}，${list(lang, names)}都是 0。`
    : `In ${y} and ${than}, ${list(lang, names)} ${measures.length > 1 ? 'were all' : 'was'} 0.`;
  return { measure: measures[0]!, measures, year: y, previous: prev.year, kind: 'bothZero', text, sources };
}

/** One sentence on a measure in `cur`'s year against `prev` (the previous year reported on, if any). */
export function sentence(lang: Lang, measure: KeyMeasure, cur: YearValue, prev: YearValue | null): Sentence {
  const w = WORDS[measure][lang];
  const y = cur.year;
  const sources = [...cur.reports.map((id) => ({ year: y, report_id: id })), ...(prev?.reports.map((id) => ({ year: prev.year, report_id: id })) ?? [])];
  const base = { measure, year: y, previous: prev?.year ?? null, sources };
  // "上年" / "the year before" when the previous report is on the year before; else that year.
  const than = comparedWith(lang, y, prev?.year ?? null);
  const said = (v: number) => w.said(num(v), v === 1);

  if (cur.value === null) {
    // Only the year's own report is behind "not reported".
    return { ...base, sources: sources.filter((r) => r.year === y), kind: 'notReported', text: lang === 'zh' ? `${y} 年的报告没有给出${w.name}。` : `The report on ${y} does not give ${w.name}.` };
  }
  const v = cur.value;
  if (!prev) {
    return { ...base, kind: 'first', text: lang === 'zh' ? `${y} 年${said(v)}；没有更早的报告可以比较。` : `In ${y} ${said(v)}; there is no earlier report to compare with.` };
  }
  if (prev.value === null) {
    return { ...base, kind: 'previousNotReported', text: lang === 'zh' ? `${y} 年${said(v)}；${prev.year} 年的报告没有给出这一数字，无从比较。` : `In ${y} ${said(v)}; the report on ${prev.year} does not give the number, so there is nothing to compare.` };
  }
  const p = prev.value;
  const d = v - p;
  if (d === 0) {
    return { ...base, kind: 'same', text: lang === 'zh' ? `${y} 年${said(v)}，与${than}相同。` : `In ${y} ${said(v)}, the same as ${than}.` };
  }
  if (p === 0) {
    return { ...base, kind: 'fromZero', text: lang === 'zh' ? `${y} 年${said(v)}，${than.trim()}为 0。` : `In ${y} ${said(v)}, up from none ${than}.` };
  }
  const pct = Math.round((Math.abs(d) / p) * 100);
  const up = d > 0;
  const kind: SentenceKind = up ? 'up' : 'down';
  if (p >= PCT_FROM && pct > 0) {
    return { ...base, kind, text: lang === 'zh' ? `${y} 年${said(v)}，比${than}${up ? '增加' : '减少'} ${pct}%。` : `In ${y} ${said(v)}, ${pct}% ${up ? 'more' : 'fewer'} than ${than}.` };
  }
  const n = Math.abs(d);
  return {
    ...base, kind,
    text: lang === 'zh' ? `${y} 年${said(v)}，比${than}${up ? '增加' : '减少'} ${num(n)} ${w.unit}。` : `In ${y} ${said(v)}, ${num(n)} ${up ? 'more' : 'fewer'} than ${than}.`,
  };
}

export interface Changes {
  /** The latest year reported on, against the one before it: a sentence per measure. */
  latest: Sentence[];
  /** Per measure, the largest change between two years reported on (both numbers given), when it is not the latest one. */
  largest: Sentence[];
}

/** The sentences of an agency page: the latest year per measure, and each measure's largest change. */
export function changeSentences(lang: Lang, reports: readonly Row[]): Changes {
  const latest: Sentence[] = [];
  const largest: Sentence[] = [];
  // Measures 0 in the latest year and the one before: said together in one sentence.
  const zeros: KeyMeasure[] = [];
  let pair: [YearValue, YearValue] | undefined;
  for (const m of KEY_MEASURES) {
    const s = series(reports, m);
    if (s.length > 1) pair ??= [s.at(-1)!, s.at(-2)!];
    if (!s.length) continue;
    const last = s.length - 1;
    latest.push(sentence(lang, m, s[last]!, last > 0 ? s[last - 1]! : null));
    if (last > 0 && s[last]!.value === 0 && s[last - 1]!.value === 0) zeros.push(m);
    let best = -1, size = 0;
    for (let i = 1; i < s.length; i++) {
      const a = s[i - 1]!.value, b = s[i]!.value;
      if (a === null || b === null) continue;
      if (Math.abs(b - a) > size) [best, size] = [i, Math.abs(b - a)];
    }
    if (best > 0 && best !== last) largest.push(sentence(lang, m, s[best]!, s[best - 1]!));
  }
  if (zeros.length && pair) {
    const at = latest.findIndex((x) => x.measure === zeros[0]);
    const rest = latest.filter((x) => !zeros.includes(x.measure));
    rest.splice(Math.min(at, rest.length), 0, bothZero(lang, zeros, pair[0], pair[1]));
    return { latest: rest, largest };
  }
  return { latest, largest };
}
