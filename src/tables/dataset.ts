import { createHash } from 'node:crypto';
import { resolveAgency, resolveRegion, slug, type Registry } from '../agencies/index.ts';
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
 * Inputs to checked reports. Pure apart from hashing: sorted by file name so ids and warnings
 * come out the same on every run.
 */
export function buildDataset(inputs: readonly Input[], registry: Registry): Entry[] {
  const sorted = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const used = new Set<string>();
  const entries: Entry[] = sorted.map((input) => {
    const { report: parsed, encoding } = input.unread ? unreadReport(input.unread, input) : parseFile(input.bytes, input.file, input.manifest, input.extracted);
    const warnings: Warning[] = [...parsed.warnings];
    const name = parsed.agencyName.value;
    const agency = name ? resolveAgency(name, registry) : null;
    if (agency) warnings.push(...agency.warnings);
    if (name && agency && !agency.known) warnings.push(...resolveRegion(name).warnings.filter((w) => w.severity !== 'note'));
    const stem = slug(input.file.replace(/\.[^.]*$/, '')) || 'file';
    // A report is identified by its agency and year; one without either by its file name.
    const identified = parsed.year.value !== null && agency !== null;
    let reportId = identified ? `${agency.agencyId}-${parsed.year.value}` : `unknown-${stem}`;
    if (used.has(reportId)) {
      const base = reportId;
      for (let k = 2; used.has(reportId); k++) reportId = `${base}-${k}`;
      // Two files on the same agency and year are worth a warning; two unidentified files whose
      // names slug alike ("a.txt", "a.html") only need ids of their own.
      if (identified) {
        warnings.push({ severity: 'warning', code: 'duplicate_report', line: null,
          ...bi(`同一机构同一年度已有报告 ${base}，本文件编号为 ${reportId}`, `Another file already reports on this agency and year (${base}); this one is ${reportId}.`) });
      }
    }
    used.add(reportId);
    // Without an agency, the report is its own (unknown) agency: two such files are never merged.
    const agencyId = agency?.agencyId ?? reportId;
    const cov = coverage(parsed);
    // A report whose tables are missing is not ok: cells of the form without a value say so.
    if (statusOf(warnings) === 'ok' && cov.read < cov.expected) warnings.push(incomplete(cov));
    const report: ParsedReport = { ...parsed, warnings, status: statusOf(warnings) };
    return {
      reportId, file: input.file, sha256: input.unread ? null : createHash('sha256').update(input.bytes).digest('hex'), encoding,
      agencyId, lineageId: agency?.lineageId ?? agencyId, report, checks: checkReport(report), coverage: cov,
    };
  });
  // Continuity needs every report of a lineage.
  const carry = checkContinuity(entries.filter((e) => e.report.status !== 'failed').map((e) => ({
    reportId: e.reportId, lineageId: e.lineageId, year: e.report.year.value,
    carriedOver: cell(e.report, 'carried_over'), carriedForward: cell(e.report, 'carried_forward'),
  })));
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
