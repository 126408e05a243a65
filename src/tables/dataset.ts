import { createHash } from 'node:crypto';
import { resolveAgency, resolveRegion, slug, type Registry } from '../agencies/index.ts';
import type { SeenAgency } from '../agencies/index.ts';
import { checkContinuity, checkReport, type Check } from '../check/index.ts';
import { coverage, type Coverage } from '../check/coverage.ts';
import { parseFile, statusOf, type PageMeta, type ParsedReport, type Warning } from '../parse/index.ts';
import { bi } from '../parse/types.ts';
import type { Extracted } from '../read/index.ts';

/** One input file as the build read it. */
export interface Input {
  /** File name under the reports folder. */
  file: string;
  bytes: Uint8Array;
  /** What a manifest beside the reports says of this file. */
  manifest?: PageMeta;
  /** A PDF or DOCX as the read stage gave it. */
  extracted?: Extracted;
  /** Why the folder entry was not read (hidden, a subfolder, a FIFO, a dangling link…): the report is failed with it. */
  unread?: Warning;
}

/** One report, parsed, identified and checked. */
export interface Entry {
  reportId: string;
  file: string;
  /** Of the bytes read; null for a folder entry that was not read. */
  sha256: string | null;
  encoding: string | null;
  agencyId: string;
  lineageId: string;
  report: ParsedReport;
  checks: Check[];
  /** Prescribed cells and how many hold a value (published as cells_expected, cells_read). */
  coverage: Coverage;
}

/**
 * One report as far as it can be read on its own: parsed, its agency resolved, its coverage
 * counted. Everything but what depends on the other files (its final id, a duplicate_report
 * warning, carry-over continuity), so drafts can be made in parallel, in any order, anywhere.
 */
export interface Draft {
  file: string;
  sha256: string | null;
  encoding: string | null;
  /** Warnings so far: the parser's, then the agency's and the region's; status not final. */
  report: ParsedReport;
  agency: { agencyId: string; lineageId: string } | null;
  /** The id before files that share it are told apart: `<agency>-<year>`, or `unknown-<file stem>`. */
  candidate: string;
  /** Agency and year both found (two such files on one id earn a duplicate_report warning). */
  identified: boolean;
  coverage: Coverage;
}

/** What the global step needs of a draft: small enough to hold for every report at once. */
export interface DraftKey {
  file: string;
  candidate: string;
  identified: boolean;
  agencyId: string | null;
  lineageId: string | null;
  agencyName: string | null;
  year: number | null;
  /** An error among its warnings: failed whatever its id (the warnings added later are not errors). */
  failed: boolean;
  carriedOver: number | null;
  carriedForward: number | null;
}

/** A report's final id and, where another file took its id first, that id. */
export interface Identity {
  reportId: string;
  /** The id this report would have had, when an identified report already holds it. */
  duplicateOf: string | null;
}

/** Pass 1 for one input: pure apart from hashing. */
export function draftReport(input: Input, registry: Registry): Draft {
  const { report: parsed, encoding } = input.unread ? unreadReport(input.unread, input) : parseFile(input.bytes, input.file, input.manifest, input.extracted);
  const warnings: Warning[] = [...parsed.warnings];
  const name = parsed.agencyName.value;
  const agency = name ? resolveAgency(name, registry) : null;
  if (agency) warnings.push(...agency.warnings);
  if (name && agency && !agency.known) warnings.push(...resolveRegion(name).warnings.filter((w) => w.severity !== 'note'));
  const stem = slug(input.file.replace(/\.[^.]*$/, '')) || 'file';
  // A report is identified by its agency and year; one without either by its file name.
  const identified = parsed.year.value !== null && agency !== null;
  return {
    file: input.file, sha256: input.unread ? null : createHash('sha256').update(input.bytes).digest('hex'), encoding,
    report: { ...parsed, warnings }, agency: agency ? { agencyId: agency.agencyId, lineageId: agency.lineageId } : null,
    candidate: identified ? `${agency.agencyId}-${parsed.year.value}` : `unknown-${stem}`, identified, coverage: coverage(parsed),
  };
}

export function keyOf(d: Draft): DraftKey {
  return {
    file: d.file, candidate: d.candidate, identified: d.identified, agencyId: d.agency?.agencyId ?? null, lineageId: d.agency?.lineageId ?? null,
    agencyName: d.report.agencyName.value, year: d.report.year.value, failed: d.report.warnings.some((w) => w.severity === 'error'),
    carriedOver: cell(d.report, 'carried_over'), carriedForward: cell(d.report, 'carried_forward'),
  };
}

/**
 * Final ids, for reports in file-name order: the first file keeps its candidate id, later ones
 * sharing it get `-2`, `-3`… (the order is what makes ids the same on every run).
 */
export function assignIds(keys: readonly Pick<DraftKey, 'candidate' | 'identified'>[]): Identity[] {
  const used = new Set<string>();
  return keys.map((k) => {
    let reportId = k.candidate;
    let duplicateOf: string | null = null;
    if (used.has(reportId)) {
      const base = reportId;
      for (let n = 2; used.has(reportId); n++) reportId = `${base}-${n}`;
      // Two files on the same agency and year are worth a warning; two unidentified files whose
      // names slug alike ("a.txt", "a.html") only need ids of their own.
      if (k.identified) duplicateOf = base;
    }
    used.add(reportId);
    return { reportId, duplicateOf };
  });
}

/** A draft with its final id: warnings and status final, checks of its own (continuity comes apart). */
export function finishReport(d: Draft, id: Identity): Entry {
  const warnings: Warning[] = [...d.report.warnings];
  const { reportId, duplicateOf: base } = id;
  if (base !== null) {
    warnings.push({ severity: 'warning', code: 'duplicate_report', line: null,
      ...bi(`同一机构同一年度已有报告 ${base}，本文件编号为 ${reportId}`, `Another file already reports on this agency and year (${base}); this one is ${reportId}.`) });
  }
  // Without an agency, the report is its own (unknown) agency: two such files are never merged.
  const agencyId = d.agency?.agencyId ?? reportId;
  const cov = d.coverage;
  // A report whose tables are missing is not ok: cells of the form without a value say so.
  if (statusOf(warnings) === 'ok' && cov.read < cov.expected) warnings.push(incomplete(cov));
  const report: ParsedReport = { ...d.report, warnings, status: statusOf(warnings) };
  return {
    reportId, file: d.file, sha256: d.sha256, encoding: d.encoding,
    agencyId, lineageId: d.agency?.lineageId ?? agencyId, report, checks: checkReport(report), coverage: cov,
  };
}

/** Carry-over continuity across years of a lineage (needs every report): the check per report id. */
export function continuity(keys: readonly DraftKey[], ids: readonly Identity[]): Map<string, Check> {
  return checkContinuity(keys.flatMap((k, i) => {
    if (k.failed) return [];
    const reportId = ids[i]!.reportId;
    return [{ reportId, lineageId: k.lineageId ?? k.agencyId ?? reportId, year: k.year, carriedOver: k.carriedOver, carriedForward: k.carriedForward }];
  }));
}

/** The agencies seen, as agencyRows takes them: every report that names its agency, in file order. */
export function seenAgencies(keys: readonly DraftKey[], ids: readonly Identity[]): SeenAgency[] {
  return keys.flatMap((k, i) => (k.agencyName ? [{ agencyId: k.agencyId ?? ids[i]!.reportId, lineageId: k.lineageId ?? k.agencyId ?? ids[i]!.reportId, name: k.agencyName, year: k.year }] : []));
}

/** Sorts inputs by file name (code-point order), the order ids are given in. */
export const byFile = <T extends { file: string }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

/**
 * Inputs to checked reports, all in memory (the build streams the same steps: scripts/build/).
 * Pure apart from hashing: sorted by file name so ids and warnings come out the same on every run.
 */
export function buildDataset(inputs: readonly Input[], registry: Registry): Entry[] {
  const drafts = byFile(inputs).map((input) => draftReport(input, registry));
  const keys = drafts.map(keyOf);
  const ids = assignIds(keys);
  const entries = drafts.map((d, i) => finishReport(d, ids[i]!));
  // Continuity needs every report of a lineage.
  const carry = continuity(keys, ids);
  for (const e of entries) {
    const c = carry.get(e.reportId);
    if (c) e.checks.push(c);
  }
  return entries;
}

/** A folder entry the build did not read: a failed report whose one warning says why. */
function unreadReport(why: Warning, input: Input): ReturnType<typeof parseFile> {
  const { report } = parseFile(new Uint8Array(), input.file, input.manifest);
  return { report: { ...report, warnings: [why], status: 'failed' }, encoding: null };
}

/** The warning for a report that is otherwise ok but has prescribed cells without a value. */
function incomplete(c: Coverage): Warning {
  const names = { proactive: ['第一部分合计', 'section 一 total'], article20: ['表二', 'table 二'], applications: ['表三', 'table 三'], reviews: ['表四', 'table 四'] } as const;
  const short = (Object.keys(names) as (keyof typeof names)[]).filter((k) => c.parts[k].read < c.parts[k].expected)
    .map((k) => ({ zh: `${names[k][0]}缺 ${c.parts[k].expected - c.parts[k].read} 格（共 ${c.parts[k].expected} 格）`, en: `${names[k][1]} ${c.parts[k].expected - c.parts[k].read} of ${c.parts[k].expected}` }));
  const missing = c.expected - c.read;
  return { severity: 'warning', code: 'coverage_incomplete', line: null,
    ...bi(`${c.expected} 个规定单元格中有 ${missing} 个未读取（原文空白或未能读取）：${short.map((s) => s.zh).join('，')}`,
      `${missing} of ${c.expected} prescribed cells not read (blank in the source or unreadable): ${short.map((s) => s.en).join(', ')}.`) };
}

const cell = (r: ParsedReport, row: string) => r.applications.find((c) => c.row === row && c.applicant === 'total')?.value ?? null;
