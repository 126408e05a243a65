import { agencyRows, type Registry } from '../agencies/index.ts';
import { APPLICATION_ROWS, RESULT_GROUPS, TABLES, type ResultGroup, type Row, type RowOf, type TableDef, type TableName } from '../schema/index.ts';
import { cellName as name, type CellAt } from '../layout/index.ts';
import type { Entry } from './dataset.ts';

export { assignIds, buildDataset, byFile, continuity, draftReport, finishReport, keyOf, seenAgencies, type Draft, type DraftKey, type Entry, type Identity, type Input } from './dataset.ts';

export interface Table {
  def: TableDef;
  rows: Row[];
}

/** Every table's rows, each typed by its columns in the schema. */
export type Rows = { [N in TableName]: RowOf<N>[] };

/** Every published table, rows sorted by key (code-point order, so files are byte-identical anywhere). */
export function tables(entries: readonly Entry[], registry: Registry): Table[] {
  const agencies = agencyRows(entries.filter((e) => e.report.agencyName.value).map((e) => ({
    agencyId: e.agencyId, lineageId: e.lineageId, name: e.report.agencyName.value!, year: e.report.year.value,
  })), registry);
  const byAgency = new Map(agencies.map((a) => [a.agency_id, a]));

  const per = entries.map((e) => reportRows(e, byAgency.get(e.agencyId)));
  const rows = { agencies } as Rows;
  for (const name of REPORT_TABLES) (rows as Record<string, Row[]>)[name] = per.flatMap((r): Row[] => r[name]);
  return TABLES.map((def) => ({ def, rows: sortRows(def, rows[def.name]) }));
}

/** The tables made one report at a time: every table but agencies. */
export const REPORT_TABLES = TABLES.map((t) => t.name).filter((n): n is Exclude<TableName, 'agencies'> => n !== 'agencies');
export type ReportTable = (typeof REPORT_TABLES)[number];

/** One report's rows of every table but agencies, in the order they are published within the report. */
export function reportRows(e: Entry, agency: RowOf<'agencies'> | undefined): { [N in ReportTable]: RowOf<N>[] } {
  const failed = e.checks.filter((c) => c.status === 'fail').length;
  const counted = e.report.warnings.filter((w) => w.severity !== 'note').length;
  const r = e.report;
  const total: RowOf<'proactive'>[] = r.proactiveTotal.value === null ? [] : [{ report_id: e.reportId, category: 'total', category_label: '合计', items: r.proactiveTotal.value, share_pct: null, line: r.proactiveTotal.line }];
  return {
    reports: [{
      report_id: e.reportId, agency_id: e.agencyId, agency_name: r.agencyName.value, year: r.year.value,
      template: r.template, published_on: r.publishedOn.value, source_file: e.file, source_sha256: e.sha256,
      source_encoding: e.encoding, title: r.title.value, source_url: r.source.url, published_at: r.source.publishedAt, status: r.status, warnings: counted, checks_failed: failed,
      cells_expected: e.coverage.expected, cells_read: e.coverage.read,
    }],
    proactive: [...total, ...r.proactiveCategories.map((c): RowOf<'proactive'> => ({ report_id: e.reportId, category: c.key, category_label: c.label, items: c.items, share_pct: c.sharePct, line: c.line }))],
    article20: r.article20.map((c): RowOf<'article20'> => ({
      report_id: e.reportId, clause: c.clause, item: c.item, item_label: c.itemLabel, measure: c.measure, value: c.value, unit: c.unit, raw: c.raw, line: c.line, source_cell: cellName(c.cell), source_page: c.cell?.page ?? null,
    })),
    applications: r.applications.map((c): RowOf<'applications'> => ({
      report_id: e.reportId, row: c.row, row_label: APPLICATION_ROWS.find((x) => x.key === c.row)!.zh, applicant: c.applicant, value: c.value, line: c.line, source_cell: cellName(c.cell), source_page: c.cell?.page ?? null,
    })),
    reviews: r.reviews.map((c): RowOf<'reviews'> => ({ report_id: e.reportId, proceeding: c.proceeding, outcome: c.outcome, value: c.value, line: c.line, source_cell: cellName(c.cell), source_page: c.cell?.page ?? null })),
    checks: e.checks.map((c): RowOf<'checks'> => ({ report_id: e.reportId, check: c.check, subject: c.subject, status: c.status, detail: c.detail })),
    warnings: r.warnings.map((w, i): RowOf<'warnings'> => ({ report_id: e.reportId, seq: i + 1, severity: w.severity, code: w.code, message: w.message, message_zh: w.zh, message_en: w.en, line: w.line })),
    narrative: r.narrative.map((n): RowOf<'narrative'> => ({ report_id: e.reportId, section: n.section, heading: n.heading, text: n.text, line: n.line })),
    summary: [summaryRow(e, agency, failed)],
  };
}

const cellName = (at: CellAt | null) => (at ? name(at) : null);

function summaryRow(e: Entry, agency: RowOf<'agencies'> | undefined, checksFailed: number): RowOf<'summary'> {
  const r = e.report;
  const total = (row: string) => r.applications.find((c) => c.row === row && c.applicant === 'total')?.value ?? null;
  const sum = (xs: (number | null)[]) => (xs.length === 0 || xs.some((x) => x === null) ? null : xs.reduce<number>((a, b) => a + b!, 0));
  const group = (g: ResultGroup) => sum(APPLICATION_ROWS.filter((row) => row.group === g && r.applications.some((c) => c.row === row.key)).map((row) => total(row.key)));
  const review = (p: string) => r.reviews.find((c) => c.proceeding === p && c.outcome === 'total')?.value ?? null;
  return {
    report_id: e.reportId, agency_id: e.agencyId, agency_name: r.agencyName.value, lineage_id: e.lineageId,
    province: agency?.province ?? null, city: agency?.city ?? null, county: agency?.county ?? null,
    year: r.year.value, template: r.template, proactive_total: r.proactiveTotal.value,
    applications_new: total('new_received'), applications_carried_over: total('carried_over'),
    ...byKey(RESULT_GROUPS.map((g) => g.key), group),
    handled_total: total('handled_total'), carried_forward: total('carried_forward'),
    reviews_total: review('review'), litigation_total: sum([review('litigation_direct'), review('litigation_after_review')]),
    fees_charged: r.fees.value, status: r.status, checks_failed: checksFailed,
    cells_expected: e.coverage.expected, cells_read: e.coverage.read,
  };
}

/** An object with one property per key: `f(key)`. */
function byKey<K extends string, V>(keys: readonly K[], f: (k: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((k) => [k, f(k)])) as Record<K, V>;
}

/**
 * Sorts by the first key column (report_id or agency_id). Within a report, rows keep the order
 * they were made in: the prescribed order of the form, which is how a reader expects them.
 */
export function sortRows(def: TableDef, rows: readonly Row[]): Row[] {
  const k = def.key[0]!;
  return [...rows].sort((x, y) => (String(x[k]) < String(y[k]) ? -1 : String(x[k]) > String(y[k]) ? 1 : 0));
}
