import type { Template } from '../schema/index.ts';
import { templateForYear } from '../schema/index.ts';
import { fold, squash, type Line } from './text.ts';
import { NO_META, type PageMeta } from './meta.ts';
import { isPlausibleYear, MAX_YEAR, MIN_YEAR } from './bounds.ts';
import { bi, type Sourced, type Warning } from './types.ts';

// "<agency>2023年度政府信息公开工作年度报告", "2023年度<agency>政府信息公开工作年度报告",
// "<agency>政府信息公开工作年度报告（2023年度）".
const TITLE = /((?:19|20)\d{2})\s*年\s*度?\s*(?:政府|政务)?信息公开(?:工作)?(?:年度)?报告/;
const YEAR_FIRST = /^((?:19|20)\d{2})\s*年\s*度?\s*(.{2,40}?)(?:政府|政务)信息公开(?:工作)?(?:年度)?报告/;
const YEAR_AFTER = /^(.{2,40}?)(?:政府|政务)信息公开(?:工作)?(?:年度)?报告\s*[（(]\s*((?:19|20)\d{2})\s*年?\s*度?\s*[）)]/;
/** A sentence that cites the notice on the format ("根据…关于做好2023年政府信息公开工作年度报告…") is not a title. */
const CITES = /^(?:根据|按照|依据|依照|为|现将|本报告|关于做好)|关于做好|编制|要求|通知|[，。；]/;
// An agency name ends in the word for an organ of government.
const ORGAN = /(?:局|委员会|委|办公室|办|中心|政府|厅|部|院|署|所|站|队|馆|处|会|社|行|司|街道办事处|街道|镇|乡|集团|公司|学校|大学|医院|片区|管委会|管理委员会)$/;

export interface Header {
  agencyName: Sourced<string>;
  year: Sourced<number>;
  /** The title as found (in the file or, failing that, in the page metadata). */
  title: Sourced<string>;
}

const clean = (s: string) => squash(s.replace(/[\u200b\ufeff]/g, ' ')).replace(/^(?:标题|题目)[:：]/, '').replace(/[《》“”"|｜]/g, '');

/** Reads one candidate title (matched folded, the agency kept as printed): its agency (possibly empty) and year. */
function titleOf(raw: string): { name: string; year: number; title: string } | undefined {
  const printed = clean(raw), t = clean(fold(raw));
  const asPrinted = (from: number, to: number) => (printed.length === t.length ? printed : t).slice(from, to);
  if (t.length > 70 || CITES.test(t.replace(/[（(].*?[)）]/g, ''))) return undefined;
  const f = YEAR_FIRST.exec(t);
  // The title ends with the words that name it: a site's suffix ("…报告_政府信息公开年报_某网") is not part of it.
  if (f) {
    const at = f.index + f[0].indexOf(f[2]!, f[1]!.length);
    return { name: asPrinted(at, at + f[2]!.length), year: Number(f[1]), title: asPrinted(0, f.index + f[0].length) };
  }
  const a = YEAR_AFTER.exec(t);
  if (a) return { name: asPrinted(0, a[1]!.length), year: Number(a[2]), title: asPrinted(0, a.index + a[0].length) };
  const m = TITLE.exec(t);
  if (m) return { name: asPrinted(0, m.index), year: Number(m[1]), title: asPrinted(0, m.index + m[0].length) };
  return undefined;
}

/**
 * The title: "<agency>\n2023 年度政府信息公开工作年度报告", both on one line, the year first,
 * wrapped over two or three lines, after a metadata prefix or in the page metadata. Where no title
 * names the agency, the signature or the page's publisher does, with a note.
 */
export function readHeader(lines: Line[], warnings: Warning[], meta: PageMeta = NO_META, skip: ReadonlySet<number> = new Set()): Header {
  const head = lines.filter((l, i) => l.text.trim() && !skip.has(i)).slice(0, 15);
  let found: { name: string; year: number; line: number; nameLine: number; title: string } | undefined;
  for (let i = 0; i < head.length && !found; i++) {
    // A title wrapped over lines: try the line alone, then joined with the next one or two.
    for (let k = 1; k <= 3 && i + k <= head.length && !found; k++) {
      const part = head.slice(i, i + k);
      const t = titleOf(part.map((l) => l.raw).join(''));
      if (!t) continue;
      let name = t.name, nameLine = part[0]!.n;
      // "XX局关于报送2023年度…年度报告的函": the agency is what precedes 关于.
      name = name.replace(/关于(?:报送|印发|公布|发布|公开)?$/, '');
      if (name.length < 2 && i > 0 && k === 1) {
        const prev = clean(head[i - 1]!.raw);
        if (prev.length <= 40 && ORGAN.test(prev)) (name = prev), (nameLine = head[i - 1]!.n);
      }
      found = { name: name.length >= 2 ? name : '', year: t.year, line: part.at(-1)!.n, nameLine, title: t.title };
    }
  }
  if (!found && meta.title) {
    const t = titleOf(meta.title);
    if (t) {
      const name = t.name.replace(/关于(?:报送|印发|公布|发布|公开)?$/, '');
      found = { name: name.length >= 2 ? name : '', year: t.year, line: 0, nameLine: 0, title: t.title };
      warnings.push({ severity: 'note', code: 'title_from_meta', ...bi(`文件中没有标题，取自页面信息：“${found.title}”`, `The file has no title; took it from the page metadata.`), line: null });
    }
  }
  if (!found) found = yearlessTitle(lines, head, meta, warnings);
  if (!found) {
    warnings.push({ severity: 'error', code: 'title_missing', ...bi('前 15 行中找不到“XXXX年政府信息公开工作年度报告”标题：这可能不是年度报告。', 'No report title ("…年政府信息公开工作年度报告") in the first 15 lines: this may not be an annual report.'), line: null });
    return { agencyName: { value: null, line: null }, year: { value: null, line: null }, title: { value: null, line: null } };
  }
  const at = (n: number) => (n > 0 ? n : null);
  // A garbled year ("1919年度…") is not the report's: the statistics period or the manifest may
  // give it (with a warning, the title says otherwise); with neither, the year is NULL, failed.
  let year: number | null = found.year;
  if (!isPlausibleYear(found.year)) {
    const period = periodYear(lines);
    const from = period && isPlausibleYear(period.year) ? { year: period.year, zh: '报告的统计期限', en: "the report's statistics period" }
      : meta.year !== null && isPlausibleYear(meta.year) ? { year: meta.year, zh: '清单', en: 'the manifest' } : null;
    year = from?.year ?? null;
    warnings.push({ severity: from ? 'warning' : 'error', code: 'year_implausible', line: at(found.line), ...bi(
      `标题中的年度 ${found.year} 不在 ${MIN_YEAR}–${MAX_YEAR} 之间，${from ? `按${from.zh}取 ${from.year} 年` : '记为空'}`,
      `The title's year ${found.year} is not within ${MIN_YEAR}–${MAX_YEAR}; ${from ? `took ${from.year} from ${from.en}` : 'left null'}.`) });
  }
  return { ...named(found, lines, meta, warnings), year: { value: year, line: year === null ? null : at(found.line) }, title: { value: found.title, line: at(found.line) } };
}

/** The agency: the title's, else the signature's or the page publisher's (with a note). */
function named(found: { name: string; line: number; nameLine: number }, lines: Line[], meta: PageMeta, warnings: Warning[]): { agencyName: Sourced<string> } {
  const at = (n: number) => (n > 0 ? n : null);
  let agencyName: Sourced<string> = { value: found.name || null, line: found.name ? at(found.nameLine) : null };
  if (!found.name) {
    const signed = signatureAgency(lines);
    if (signed) {
      agencyName = signed;
      warnings.push({ severity: 'note', code: 'agency_from_signature', ...bi(`标题未写机构名称，取自落款：“${signed.value}”`, `The title names no agency; took it from the signature.`), line: signed.line });
    } else if (meta.publisher && ORGAN.test(meta.publisher)) {
      agencyName = { value: meta.publisher, line: null };
      warnings.push({ severity: 'note', code: 'agency_from_meta', ...bi(`标题未写机构名称，取自页面的发布机构：“${meta.publisher}”`, `The title names no agency; took it from the page's publisher field.`), line: null });
    } else {
      warnings.push({ severity: 'error', code: 'agency_missing', ...bi('标题中找不到机构名称', 'No agency name found before the title.'), line: at(found.line) });
    }
  } else if (!ORGAN.test(found.name)) {
    warnings.push({ severity: 'warning', code: 'agency_unusual', ...bi(`机构名称“${found.name}”不像机关名称，请核对`, `The agency name does not end like an agency's name; check it.`), line: at(found.nameLine) });
  }
  return { agencyName };
}

// "XX局政府信息公开工作年度报告" without a year.
const YEARLESS = /^(.{0,40}?)(?:政府|政务)信息公开(?:工作)?(?:年度)?报告$/;
// "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止": the year the report is on.
const PERIOD = /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日[^。；]{0,6}?(?:至|到|—|-|~)\s*\1\s*年\s*12\s*月\s*31\s*日/;

/**
 * A title that names the agency but no year: the year is the one the report's statistics period
 * covers ("统计期限自2023年1月1日起至2023年12月31日止"), or the manifest's; with neither, no title.
 */
function yearlessTitle(lines: Line[], head: Line[], meta: PageMeta, warnings: Warning[]) {
  for (let i = 0; i < head.length; i++) {
    const l = head[i]!;
    const t = clean(fold(l.raw));
    const m = YEARLESS.exec(t);
    if (!m || t.length > 50 || CITES.test(t)) continue;
    const printed = clean(l.raw);
    let name = (printed.length === t.length ? printed : t).slice(0, m[1]!.length), nameLine = l.n;
    // The agency on the line above: "某局\n政府信息公开工作年度报告".
    if (!name && i > 0) (name = clean(head[i - 1]!.raw)), (nameLine = head[i - 1]!.n);
    if (!ORGAN.test(name) || name.length > 40) continue;
    const period = periodYear(lines);
    let year = period && isPlausibleYear(period.year) ? period.year : null;
    const line = year !== null ? period!.line : null;
    if (year !== null) warnings.push({ severity: 'note', code: 'year_from_period', ...bi(`标题未写年度，按报告的统计期限取 ${year} 年`, `The title gives no year; took ${year} from the report's statistics period.`), line });
    else if (meta.year !== null && isPlausibleYear(meta.year)) {
      year = meta.year;
      warnings.push({ severity: 'note', code: 'year_from_meta', ...bi(`标题未写年度，按清单取 ${year} 年`, `The title gives no year; took ${year} from the manifest.`), line: null });
    } else return undefined;
    return { name, year, line: l.n, nameLine, title: t };
  }
  return undefined;
}

/** The year of the report's statistics period, with its line. */
function periodYear(lines: Line[]): { year: number; line: number } | undefined {
  for (const x of lines) {
    const p = PERIOD.exec(x.text.replace(/\s+/g, ''));
    if (p) return { year: Number(p[1]), line: x.n };
  }
  return undefined;
}

/** The agency that signs the report: a short line naming an organ just before the signature date. */
function signatureAgency(lines: Line[]): Sourced<string> | undefined {
  for (let i = lines.length - 1; i > 0 && i >= lines.length - 40; i--) {
    if (!isSignatureDate(lines[i]!)) continue;
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      const t = clean(lines[j]!.raw);
      if (!t) continue;
      if (t.length <= 30 && ORGAN.test(t)) return { value: t, line: lines[j]!.n };
      break;
    }
  }
  return undefined;
}

const SIGNS: Record<Template, RegExp> = {
  '2019': /本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增\/减|采购项目数量|集中采购/g,
  '2021': /本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|本年收费金额|行政规范性文件|逾期不补正|收费通知/g,
};

/** The template version, from the column headings each version prescribes; the year breaks a tie. */
export function readTemplate(lines: Line[], year: number | null, warnings: Warning[]): Template | null {
  const text = squash(lines.map((l) => l.text).join(''));
  const score = (t: Template) => new Set(text.match(SIGNS[t]) ?? []).size;
  const a = score('2019'), b = score('2021');
  const expected = year !== null ? templateForYear(year) : null;
  const found: Template | null = a > b ? '2019' : b > a ? '2021' : expected;
  if (a === b) {
    if (found) warnings.push({ severity: 'note', code: 'template_by_year', ...bi(`表格未显示格式版本特征，按年度取 ${found} 版`, `The tables do not show which template they follow; took the ${found} version from the year.`), line: null });
    else warnings.push({ severity: 'warning', code: 'template_unknown', ...bi('无法判断格式版本', 'Cannot tell the template version.'), line: null });
  } else if (expected && found !== expected) {
    warnings.push({ severity: 'warning', code: 'template_mismatch', ...bi(`${year} 年度报告使用了 ${found} 版格式（应为 ${expected} 版）`, `The report on ${year} uses the ${found} template, not the ${expected} one prescribed for that year.`), line: null });
  }
  return found;
}

const DATE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
// Signatures are often written in Chinese numerals: 二〇二四年一月二十二日.
const HAN_DATE = /([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/;
const HAN_DIGIT: Record<string, number> = { '〇': 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const hanNumber = (s: string) => {
  if (!s.includes('十')) return Number([...s].map((c) => HAN_DIGIT[c]).join(''));
  const [tens, ones] = s.split('十');
  return (tens ? HAN_DIGIT[tens]! : 1) * 10 + (ones ? HAN_DIGIT[ones]! : 0);
};

function dateOf(text: string): [number, number, number] | undefined {
  const d = DATE.exec(text);
  if (d) return [Number(d[1]), Number(d[2]), Number(d[3])];
  const h = HAN_DATE.exec(text);
  if (h) return [hanNumber(h[1]!), hanNumber(h[2]!), hanNumber(h[3]!)];
  return undefined;
}

const isSignatureDate = (l: Line) => squash(l.text).length <= 16 && dateOf(l.text) !== undefined;

/** The signature date: the first short dated line after the start of section 六 (or the last one). */
export function readSignature(lines: Line[], from: number, warnings: Warning[]): Sourced<string> {
  const l = lines.slice(from).find(isSignatureDate) ?? lines.filter(isSignatureDate).at(-1);
  if (!l) {
    warnings.push({ severity: 'warning', code: 'date_missing', ...bi('找不到落款日期', 'No signature date found.'), line: null });
    return { value: null, line: null };
  }
  const [y, m, d] = dateOf(l.text)!;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!(y > 1900) || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    warnings.push({ severity: 'warning', code: 'date_invalid', ...bi(`落款日期无效`, `The signature date ${y}-${m}-${d} does not exist.`), line: l.n });
    return { value: null, line: l.n };
  }
  return { value: date.toISOString().slice(0, 10), line: l.n };
}
