import { createHash } from 'node:crypto';
import { resolveAgency, resolveRegion, slug, type Registry } from '../agencies/index.ts';
import { checkContinuity, checkReport, type Check } from '../check/index.ts';
import { parseFile, statusOf, type PageMeta, type ParsedReport, type Warning } from '../parse/index.ts';
import { bi } from '../parse/types.ts';

/** One input file as the build read it. */
export interface Input {
  /** File name under the reports folder. */
  file: string;
  bytes: Uint8Array;
  /** What a manifest beside the reports says of this file. */
  manifest?: PageMeta;
}

/** One report, parsed, identified and checked. */
export interface Entry {
  reportId: string;
  file: string;
  sha256: string;
  encoding: string | null;
  agencyId: string;
  lineageId: string;
  report: ParsedReport;
  checks: Check[];
}

/**
 * Inputs to checked reports. Pure apart from hashing: sorted by file name so ids and warnings
 * come out the same on every run.
 */
export function buildDataset(inputs: readonly Input[], registry: Registry): Entry[] {
  const sorted = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const used = new Set<string>();
  const entries: Entry[] = sorted.map((input) => {
    const { report: parsed, encoding } = parseFile(input.bytes, input.file, input.manifest);
    const warnings: Warning[] = [...parsed.warnings];
    const name = parsed.agencyName.value;
    const agency = name ? resolveAgency(name, registry) : null;
    if (agency) warnings.push(...agency.warnings);
    if (name && agency && !agency.known) warnings.push(...resolveRegion(name).warnings.filter((w) => w.severity !== 'note'));
    const stem = slug(input.file.replace(/\.[^.]*$/, '')) || 'file';
    const agencyId = agency?.agencyId ?? `unknown-${stem}`;
    let reportId = parsed.year.value !== null && agency ? `${agencyId}-${parsed.year.value}` : `unknown-${stem}`;
    if (used.has(reportId)) {
      const base = reportId;
      for (let k = 2; used.has(reportId); k++) reportId = `${base}-${k}`;
      warnings.push({ severity: 'warning', code: 'duplicate_report', line: null,
        ...bi(`同一机构同一年度已有报告 ${base}，本文件编号为 ${reportId}`, `Another file already reports on this agency and year (${base}); this one is ${reportId}.`) });
    }
    used.add(reportId);
    const report: ParsedReport = { ...parsed, warnings, status: statusOf(warnings) };
    return {
      reportId, file: input.file, sha256: createHash('sha256').update(input.bytes).digest('hex'), encoding,
      agencyId, lineageId: agency?.lineageId ?? agencyId, report, checks: checkReport(report),
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

const cell = (r: ParsedReport, row: string) => r.applications.find((c) => c.row === row && c.applicant === 'total')?.value ?? null;
