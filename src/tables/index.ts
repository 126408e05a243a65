import { agencyRows, type Registry } from '../agencies/index.ts';
import { APPLICATION_ROWS, RESULT_GROUPS, TABLES, type ResultGroup, type Row, type RowOf, type TableDef, type TableName } from '../schema/index.ts';
import { cellName as name, type CellAt } from '../layout/index.ts';
import type { Entry } from './dataset.ts';

export { buildDataset, type Entry, type Input } from './dataset.ts';

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
  const failed = (e: Entry) => e.checks.filter((c) => c.status === 'fail').length;
  const counted = (e: Entry) => e.report.warnings.filter((w) => w.severity !== 'note').length;

  const rows: Rows = {
    reports: entries.map((e): RowOf<'reports'> => ({
      report_id: e.reportId, agency_id: e.agencyId, agency_name: e.report.agencyName.value, year: e.report.year.value,
      template: e.report.template, published_on: e.report.publishedOn.value, source_file: e.file, source_sha256: e.sha256,
      source_encoding: e.encoding, title: e.report.title.value, source_url: e.report.source.url, published_at: e.report.source.publishedAt, status: e.report.status, warnings: counted(e), checks_failed: failed(e),
      cells_expected: e.coverage.expected, cells_read: e.coverage.read,
    })),
    agencies,
    proactive: entries.flatMap((e) => {
      const r = e.report;
      const total: RowOf<'proactive'>[] = r.proactiveTotal.value === null ? [] : [{ report_id: e.reportId, category: 'total', category_label: '合计', items: r.proactiveTotal.value, share_pct: null, line: r.proactiveTotal.line }];
      return [...total, ...r.proactiveCategories.map((c): RowOf<'proactive'> => ({ report_id: e.reportId, category: c.key, category_label: c.label, items: c.items, share_pct: c.sharePct, line: c.line }))];
    }),
    article20: entries.flatMap((e) => e.report.article20.map((c): RowOf<'article20'> => ({
      report_id: e.reportId, clause: c.clause, item: c.item, item_label: c.itemLabel, measure: c.measure, value: c.value, unit: c.unit, raw: c.raw, line: c.line, source_cell: cellName(c.cell), source_page: c.cell?.page ?? null,
    }))),
    applications: entries.flatMap((e) => e.report.applications.map((c): RowOf<'applications'> => ({
      report_id: e.reportId, row: c.row, row_label: APPLICATION_ROWS.find((r) => r.key === c.row)!.zh, applicant: c.applicant, value: c.value, line: c.line, source_cell: cellName(c.cell), source_page: c.cell?.page ?? null,
    }))),
    reviews: entries.flatMap((e) => e.report.reviews.map((c): RowOf<'reviews'> => ({ report_id: e.reportId, proceeding: c.proceeding, outcome: c.outcome, value: c.value, line: c.line, source_cell: cellName(c.cell), source_page: c.cell?.page ?? null }))),
    checks: entries.flatMap((e) => e.checks.map((c): RowOf<'checks'> => ({ report_id: e.reportId, check: c.check, subject: c.subject, status: c.status, detail: c.detail }))),
    warnings: entries.flatMap((e) => e.report.warnings.map((w, i): RowOf<'warnings'> => ({ report_id: e.reportId, seq: i + 1, severity: w.severity, code: w.code, message: w.message, message_zh: w.zh, message_en: w.en, line: w.line }))),
    narrative: entries.flatMap((e) => e.report.narrative.map((n): RowOf<'narrative'> => ({ report_id: e.reportId, section: n.section, heading: n.heading, text: n.text, line: n.line }))),
    summary: entries.map((e) => summaryRow(e, byAgency.get(e.agencyId), failed(e))),
  };
  return TABLES.map((def) => ({ def, rows: sortRows(def, rows[def.name]) }));
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
function sortRows(def: TableDef, rows: readonly Row[]): Row[] {
  const k = def.key[0]!;
  return [...rows].sort((x, y) => (String(x[k]) < String(y[k]) ? -1 : String(x[k]) > String(y[k]) ? 1 : 0));
}
