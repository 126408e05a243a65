import { SECTIONS } from '../schema/index.ts';
import { readApplications } from './applications.ts';
import { decode, type Decoded } from './decode.ts';
import { readArticle20 } from './article20.ts';
import { readHeader, readSignature, readTemplate } from './header.ts';
import { NO_META, readPageMeta, type PageMeta } from './meta.ts';
import { readFees, readNarrative } from './narrative.ts';
import { readProactive } from './proactive.ts';
import { readReviews } from './reviews.ts';
import { bound } from './bounds.ts';
import { findSections, section } from './sections.ts';
import { layout, kindOf, type Kind, type LayoutNote } from '../layout/index.ts';
import type { Extracted } from '../read/index.ts';
import { squash, type Line } from './text.ts';
import { bi, type ParsedReport, type Warning } from './types.ts';

/** A report fails on any error; it has warnings on any warning; notes do not count. */
export function statusOf(warnings: readonly Warning[]): ParsedReport['status'] {
  return warnings.some((w) => w.severity === 'error') ? 'failed' : warnings.some((w) => w.severity === 'warning') ? 'warnings' : 'ok';
}

/**
 * A file's bytes in, a report out: bytes that are no readable text give a failed report with the
 * reason. A PDF or DOCX comes read already (`extracted`, from src/read): its structure as HTML.
 */
export function parseFile(bytes: Uint8Array, file = '', manifest?: PageMeta, extracted?: Extracted): { report: ParsedReport; encoding: Decoded['encoding'] } {
  if (extracted) {
    const said = (n: LayoutNote, severity: Warning['severity']): Warning => ({ severity, code: n.code, ...bi(n.zh, n.en), line: n.line });
    const parsed = extracted.problem ? { ...parseReport(''), source: manifest ?? NO_META, warnings: [said(extracted.problem, 'error')] }
      : parseReport(extracted.html, { kind: 'html', ...(manifest ? { manifest } : {}) });
    const warnings = [...extracted.notes.map((n) => said(n, 'note')), ...parsed.warnings];
    return { report: { ...parsed, warnings, status: statusOf(warnings) }, encoding: null };
  }
  const d = decode(bytes);
  const parsed = d.problem ? { ...parseReport(''), source: manifest ?? NO_META, warnings: [d.problem] } : parseReport(d.text, { kind: kindOf(file), ...(manifest ? { manifest } : {}) });
  const warnings = [...d.notes, ...parsed.warnings];
  return { report: { ...parsed, warnings, status: statusOf(warnings) }, encoding: d.encoding };
}

export interface ParseOptions {
  /** How the file's name says to read it; 'text' sniffs. */
  kind?: Kind;
  /** What a manifest beside the reports says of this file. */
  manifest?: PageMeta;
}

/** Text in, a typed report out. Pure: never throws, never reads or prints. */
export function parseReport(text: string, options: ParseOptions = {}): ParsedReport {
  const warnings: Warning[] = [];
  try {
    return parse(text, options, warnings);
  } catch (e) {
    // A parser bug must not lose the report: it still appears, marked failed, with the reason.
    warnings.push({ severity: 'error', code: 'parser_error', ...bi(`解析程序出错`, `The parser failed: ${(e as Error).message}`), line: null });
    return { ...empty(), warnings, status: 'failed' };
  }
}

function empty(): Omit<ParsedReport, 'warnings' | 'status'> {
  const none = { value: null, line: null };
  return {
    agencyName: none, year: none, title: none, source: NO_META, template: null, publishedOn: none, proactiveTotal: none, proactiveCategories: [],
    article20: [], applications: [], reviews: [], fees: { ...none, raw: null }, narrative: [],
  };
}

function parse(text: string, options: ParseOptions, warnings: Warning[]): ParsedReport {
  if (text.trim() === '') {
    warnings.push({ severity: 'error', code: 'empty_text', ...bi('文本为空', 'The text is empty.'), line: null });
    return { ...empty(), warnings, status: 'failed' };
  }
  const { lines, notes } = layout(text, options.kind ?? 'text');
  for (const n of notes) warnings.push({ severity: 'note', code: n.code, ...bi(n.zh, n.en), line: n.line });
  warnings.push(...oversize(text, lines));
  const page = readPageMeta(lines);
  const source = mergeMeta(page.meta, options.manifest, warnings);
  const skip = new Set([...page.used].filter((i) => lines[i]!.n !== page.titleLine));
  const { agencyName, year, title } = readHeader(lines, warnings, source, skip);
  if (options.manifest?.year != null && year.value !== null && options.manifest.year !== year.value) {
    warnings.push({ severity: 'warning', code: 'manifest_mismatch', ...bi(`清单写的年度为 ${options.manifest.year}，报告标题为 ${year.value}`, `The manifest says the report is on ${options.manifest.year}; its title says ${year.value}.`), line: year.line });
  }
  const sections = findSections(lines);
  if (sections.length === 0) warnings.push({ severity: 'error', code: 'sections_missing', ...bi('找不到报告的六个部分（一、总体情况……六、其他需要报告的事项）', 'None of the six sections was found.'), line: null });
  else if (sections.length < 6) {
    const missing = SECTIONS.filter((k) => !sections.some((s) => s.key === k.key)).map((k) => k.numeral);
    warnings.push({ severity: 'warning', code: 'sections_incomplete', ...bi(`缺少第${missing.join('、')}部分的标题`, `Missing section headings: ${missing.join(', ')}.`), line: null });
  }
  const body = (key: Parameters<typeof section>[1]) => {
    const s = section(sections, key);
    return s ? lines.slice(s.at + 1, s.end) : undefined;
  };
  const template = readTemplate(lines, year.value, warnings);

  // Section 一 is prose; where its heading is missing, everything before table 二 stands in.
  const proactiveAt = section(sections, 'proactive')?.at ?? lines.length;
  const overview = body('overview') ?? lines.slice(0, proactiveAt);
  const t2 = body('proactive'), t3 = body('applications'), t4 = body('reviews');
  // Many reports state the total in section 二's prose, before table 二.
  const t2At = t2?.findIndex((l) => l.cells || /第\s*二\s*十\s*条|信息内容/.test(l.text)) ?? -1;
  const { total, categories } = readProactive([...overview, ...(t2 ?? []).slice(0, t2At >= 0 ? t2At : undefined)], warnings);

  const need = (zh: string, en: string) => warnings.push({ severity: 'warning', code: 'table_missing', ...bi(`找不到${zh}，记为空`, `${en} not found; left null.`), line: null });
  if (!template) warnings.push({ severity: 'warning', code: 'tables_unread', ...bi('格式版本不明，表二、表三未读取', 'Template unknown: tables 二 and 三 not read.'), line: null });
  if (template && !t2) need('表二', 'Table 二');
  if (template && !t3) need('表三', 'Table 三');
  const article20 = template && t2 ? readArticle20(t2, template, warnings) : [];
  const applications = template && t3 ? readApplications(t3, template, warnings) : [];

  const other = section(sections, 'other');
  const tail = other ? lines.slice(other.at + 1) : [];
  const reviews = readReviews(t4 ?? [], tail, warnings);

  const publishedOn = readSignature(lines, other?.at ?? Math.max(0, lines.length - 30), warnings);
  const narrative = [];
  const problems = section(sections, 'problems');
  if (problems) narrative.push(readNarrative('problems', lines[problems.at]!, body('problems')!));
  let otherBody: Line[] = [];
  if (other) {
    otherBody = untilSignature(body('other')!, agencyName.value);
    narrative.push(readNarrative('other', lines[other.at]!, otherBody));
  }
  const fees = readFees(otherBody, warnings);

  // Every number within its column's range, or NULL with a warning (src/parse/bounds.ts).
  const read = { agencyName, year, title, source, template, publishedOn, proactiveTotal: total, proactiveCategories: categories,
    article20, applications, reviews, fees, narrative, warnings, status: 'ok' as const };
  const bounded = bound(read, warnings);
  return { ...read, ...bounded, warnings, status: statusOf(warnings) };
}

/**
 * The file's own page metadata, completed by the manifest's; where both give a field and they
 * differ, the file's stands and a warning says so.
 */
function mergeMeta(file: PageMeta, manifest: PageMeta | undefined, warnings: Warning[]): PageMeta {
  if (!manifest) return file;
  const out = { ...file };
  for (const k of ['title', 'publisher', 'publishedAt', 'url'] as const) {
    const a = file[k], b = manifest[k];
    if (a === null) out[k] = b;
    else if (b !== null && squash(a) !== squash(b)) {
      warnings.push({ severity: 'warning', code: 'manifest_mismatch', ...bi(`文件与清单的“${k}”不一致：“${a}” / “${b}”，取文件所写`, `The file and the manifest disagree on ${k} ("${a}" / "${b}"); kept the file's.`), line: null });
    }
  }
  out.year = manifest.year;
  return out;
}

/** Section 六 ends at the signature: the agency's name or the date on a line of its own. */
function untilSignature(lines: Line[], agency: string | null): Line[] {
  const end = lines.findIndex((l) => {
    const t = squash(l.text);
    return (agency !== null && t === agency) || /^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$/.test(t);
  });
  return end >= 0 ? lines.slice(0, end) : lines;
}

/** Text longer than this is read (parsing is linear) but flagged: no real report comes near it. */
export const MAX_TEXT_CHARS = 5_000_000;

/**
 * A text over MAX_TEXT_CHARS, or one whose lines are mostly copies of each other (a report pasted
 * several times over), is read but marked `warnings`: its numbers may be any copy's.
 */
function oversize(text: string, lines: Line[]): Warning[] {
  const out: Warning[] = [];
  if (text.length > MAX_TEXT_CHARS) {
    out.push({ severity: 'warning', code: 'text_too_large', line: null, ...bi(`文本有 ${text.length} 个字符，超过 ${MAX_TEXT_CHARS} 的上限，请核对`,
      `The text has ${text.length} characters, over the limit of ${MAX_TEXT_CHARS}; check it.`) });
  }
  // Lines of some length (short ones such as "0" or "合计" repeat in any report) seen before.
  // Squashing never lengthens a line, so a short one is skipped unsquashed; and with fewer than
  // 40 long lines there is nothing to say, so they are only compared (hashed) past that.
  const longLines: string[] = [];
  for (const l of lines) {
    if (l.text.length < 10) continue;
    const t = squash(l.text);
    if (t.length >= 10) longLines.push(t);
  }
  const long = longLines.length;
  let repeated = 0;
  if (long >= 40) {
    const seen = new Set<string>();
    for (const t of longLines) {
      if (seen.has(t)) repeated++;
      else seen.add(t);
    }
  }
  if (long >= 40 && 2 * repeated >= long) {
    out.push({ severity: 'warning', code: 'text_repeated', line: null, ...bi(`文本中 ${long} 行里有 ${repeated} 行重复出现，可能是同一报告重复粘贴，请核对`,
      `${repeated} of the text's ${long} longer lines repeat earlier ones: the report may be pasted more than once; check it.`) });
  }
  return out;
}
