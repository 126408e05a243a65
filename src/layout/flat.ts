import { ARTICLE20, SECTIONS } from '../schema/index.ts';
import type { Line } from './lines.ts';

/**
 * Text flattened to long lines (a web archiver's one-line body, a PDF read without line
 * breaks): broken at the prescribed section headings wherever they occur, and inside the
 * tables after every run of numbers, so that each table row becomes a line "label numbers".
 * A sub-item number glued to the previous row's digits ("0 0 002.重复申请") goes with its label.
 * Lines that delimit their cells (tabs, pipes, HTML cells) are left as they are.
 */
export function unflatten(lines: Line[]): Line[] {
  if (!lines.some((l) => l.text.length > LONG && !l.cells)) return lines;
  const headed = lines.flatMap((l, i) => {
    if (l.text.length <= LONG || l.cells) return [l];
    // Tabs and pipes inside a flattened body separate cells no better than spaces do.
    const flat = { ...l, text: l.text.replace(/[\t|]/g, ' ') };
    return cut(flat, [...(i < 20 ? titleCuts(flat.text) : []), ...headingCuts(flat.text), ...signatureCuts(flat.text)]);
  });
  // The tables lie in sections 二 (from 第二十条 on), 三 and 四.
  const out: Line[] = [];
  let section = '';
  for (const l of headed) {
    const h = headingOf(l.text);
    if (h) section = h;
    // PDF text sometimes prints a table's numbers after the signature: that tail is read as a table too.
    if (section === 'other' && new RegExp(`^\\s*${DATE.source}\\s*$`).test(l.text)) section = 'tail';
    const table = section === 'applications' || section === 'reviews' || section === 'tail' || (section === 'proactive' && /第\s*二\s*十\s*条/.test(l.text));
    if (!h && table && l.text.length > 12 && !l.cells && !/[\t|]/.test(l.text)) {
      // Table 二 sits inside section 二's prose: only its own stretch is cut into rows.
      const end = section === 'proactive' ? tableEnd(l.text) : l.text.length;
      const [rows, rest] = end < l.text.length ? cut(l, [end]) : [l];
      out.push(...cut(rows!, rowCuts(rows!.text, section)));
      if (rest) out.push(rest);
    } else out.push(l);
  }
  return out;
}

/** A run of cells: numbers, and the marks printed for a blank ("/", "—"), each a cell of its own. */
// A mark between words ("本年增/减") is not a blank cell.
const RUN = '(?:(?:[+-]?\\d[\\d,]*(?:\\.\\d+)?\\s*(?:万元|元|%)?|(?:\\/+|[—–]+)(?!\\s*[\\u4e00-\\u9fa5]))\\s*)+';

const ARTICLE20_ITEMS = [...ARTICLE20['2019'], ...ARTICLE20['2021']].flatMap((c) => c.items);
/** Any row label of table 二, in either version. */
const T2_LABEL = new RegExp(ARTICLE20_ITEMS.map((i) => i.match.source).join('|'), 'g');

/** Where table 二 ends in a line: after the numbers that follow its last row label. */
function tableEnd(text: string): number {
  let end = -1;
  // The last row label that numbers follow: the same words in the prose after the table have none.
  for (const m of text.matchAll(T2_LABEL)) {
    const at = m.index + m[0].length;
    const run = new RegExp(`^\\s*${RUN}`).exec(text.slice(at));
    if (!run) continue;
    end = at + run[0].length;
    // A year that begins the prose after the table ("…收费 0 2025年，我局…") is not the table's.
    const year = /(?:19|20)\d{2}\s*$/.exec(run[0]);
    if (year && /^\s*年/.test(text.slice(end)) && run[0].slice(0, year.index).trim()) end = at + year.index;
  }
  return end < 0 ? text.length : end;
}

/** Lines shorter than this are left whole. */
const LONG = 160;

const NUMERALS = '一二三四五六七八';
/** Each section's heading, lazily: the shortest text after the numeral that means the section. */
const HEADINGS = SECTIONS.map((s) => ({
  key: s.key,
  numeral: s.numeral,
  zh: s.zh,
  re: new RegExp(`^[^。，,；;、]{0,12}?(?:${s.match.source.replace(/\.\*/g, '.{0,24}?')})(?:的?情况|事项)?`),
}));

// Reports that add a section of their own number the prescribed ones one further on.
function headingOf(text: string): string | undefined {
  const m = /^\s*([一二三四五六七八])\s*[、.．]\s*/.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m[0].length);
  const h = HEADINGS.find((h) => h.re.test(rest.replace(/\s+/g, '')));
  return h && rest.replace(/\s+/g, '').length <= 40 ? h.key : undefined;
}

/** A title at the head of a flattened body ("某局2023年政府信息公开工作年度报告根据…") ends its line. */
function titleCuts(text: string): number[] {
  const m = /(?:19|20)\d{2}\s*年\s*度?\s*(?:[^\s。，]{0,30}?)(?:政府|政务)?信息公开(?:工作)?(?:年度)?报告(?:\s*[（(]\s*(?:19|20)\d{2}\s*年?\s*度?\s*[)）])?/.exec(text.slice(0, 200));
  // Not a sentence citing the format notice: a title comes before any sentence ends.
  if (!m || /[。；]|根据|按照|关于做好/.test(text.slice(0, m.index))) return [];
  return [m.index + m[0].length];
}

const DATE = /(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日/g;

/**
 * The signature at the end of a flattened body ("…处理费。 平潭综合实验区某局 2024年1月22日"):
 * each date near the end on a line of its own, and the short name before it on another.
 */
function signatureCuts(text: string): number[] {
  const from = Math.max(0, text.length - 160);
  const cuts: number[] = [];
  for (const m of text.slice(from).matchAll(DATE)) {
    const at = from + m.index, end = at + m[0].length;
    cuts.push(at, end);
    const before = text.slice(Math.max(0, at - 40), at).trimEnd();
    const stop = Math.max(before.lastIndexOf('。'), before.lastIndexOf(' '), before.lastIndexOf('；'));
    if (stop >= 0 && before.slice(stop + 1).trim().length >= 2) cuts.push(Math.max(0, at - 40) + stop + 1);
  }
  return cuts;
}

/** Cut points around every "一、总体情况"…"六、其他需要报告的事项" heading in a long line. */
function headingCuts(text: string): number[] {
  const cuts: number[] = [];
  for (const m of text.matchAll(/([一二三四五六七八])\s*[、.．]\s*/g)) {
    const start = m.index + m[0].length;
    const window = text.slice(start, start + 60);
    // The prescribed section of that number first, then any other (an added section shifts them).
    const h = [HEADINGS[NUMERALS.indexOf(m[1]!)], ...HEADINGS].find((h) => h?.re.test(window));
    const hm = h?.re.exec(window);
    if (!h || !hm) continue;
    // The shortest match may stop inside the prescribed words ("存在的主要问题|及改进情况"): finish them.
    let end = start + hm[0].length;
    const k = h.zh.indexOf(hm[0].slice(-4));
    if (k >= 0) {
      const rest = h.zh.slice(k + 4);
      if (rest && text.startsWith(rest, end)) end += rest.length;
    }
    cuts.push(m.index, end);
  }
  return cuts;
}

/**
 * Cut points inside a table: after each run of numbers (with spaces, signs, decimals, units)
 * that ends a row, and before "第二十条" and a sub-item number. Each run stays with the label
 * before it; a space is put between a label and its numbers (see `cut`).
 */
function rowCuts(text: string, section: string): number[] {
  const cuts: number[] = [];
  const run = new RegExp(RUN, 'g');
  for (const m of text.matchAll(run)) {
    if (!/\d/.test(m[0]) && !/^(?:\/|[—–]{1,2})\s*$/.test(m[0])) continue;
    for (const b of m[0].matchAll(/\/+|[—–]+/g)) cuts.push(space(m.index + b.index), space(m.index + b.index + b[0].length));
    // A sign glued to the digits before it starts a cell of its own ("40-185": 本年增/减).
    for (const b of m[0].matchAll(/\d(?=[+-]\d)/g)) cuts.push(space(m.index + b.index + 1));
    let end = m.index + m[0].length;
    const before = text[m.index - 1];
    if (before === undefined) continue;
    if (end >= text.length) {
      if (!/[第年]/.test(before)) cuts.push(space(m.index));
      continue;
    }
    // A digit inside a label ("第1项", "2.其他") or a year in a heading is not a value run.
    if (/[第年]/.test(before) && !/\s/.test(m[0])) continue;
    const next = text[end]!;
    // A number followed by a measure word is prose ("2021年", "3件"), not a cell; but a row's digits
    // may run into the year that opens the next sentence ("…继续办理20000022025年，…").
    if (/[年月日时号届次倍余多家人名位所款条件项个篇份]/.test(next)) {
      const year = next === '年' ? /(?:19|20)\d{2}$/.exec(m[0]) : null;
      if (year && m[0].slice(0, year.index).trim() && !/[第年]/.test(before)) cuts.push(space(m.index), m.index + year.index);
      continue;
    }
    if (/[.．、]/.test(next)) {
      // "…0 0 02.重复申请": the last digit numbers the next row, when a label follows it.
      if (section !== 'applications' || !/^[.．、]\s*[\u4e00-\u9fa5“"]/.test(text.slice(end))) continue;
      const digits = m[0].trimEnd();
      const sub = /([1-9])$/.exec(digits);
      if (!sub || digits.length === 1) continue;
      end = m.index + digits.length - 1;
      if (text[end - 1] === ' ' || /\d/.test(text[end - 1]!)) cuts.push(space(m.index), end);
      continue;
    }
    cuts.push(space(m.index), end);
  }
  for (const m of text.matchAll(/第\s*二\s*十\s*条/g)) cuts.push(m.index);
  return cuts;
}

/** A cut that only separates a label from its numbers: a space, not a new line. */
const SPACE = 0.5;
const space = (at: number) => at - SPACE;

/** Splits a line at cut points into lines of the same source line; half cuts insert a space. */
function cut(l: Line, cuts: number[]): Line[] {
  const points = [...new Set(cuts)].filter((c) => c > 0 && c < l.text.length).sort((a, b) => a - b);
  if (points.length === 0) return [l];
  const out: Line[] = [];
  let from = 0, text = '', raw = '';
  const push = () => {
    if (text.trim()) out.push({ n: l.n, raw, text, flat: true });
    text = raw = '';
  };
  for (const p of points) {
    const at = Math.ceil(p);
    text += l.text.slice(from, at);
    raw += l.raw.slice(from, at);
    from = at;
    if (p === at) push();
    else if (!/\s$/.test(text)) (text += ' '), (raw += ' ');
  }
  text += l.text.slice(from);
  raw += l.raw.slice(from);
  push();
  return out;
}
