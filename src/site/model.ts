/** Derived views of the dataset that several pages share: lineages, regions, coverage. */
import { groupBy, loadData, reportRows, type AgencyRow, type Dataset, type ReportRow, type SummaryRow } from './data.ts';

export interface Lineage {
  id: string;
  /** Agencies in the lineage, oldest first (by the first year they reported). */
  agencies: AgencyRow[];
  /** The latest agency's name: what the lineage is called now. */
  name: string;
  /** Every name over time, oldest first, with the years it reported under that name. */
  names: { name: string; agency_id: string; years: number[] }[];
  province: string | null;
  city: string | null;
  county: string | null;
  admin_code: string | null;
  level: AgencyRow['level'];
  /** Summary rows of its reports, by year then report id. */
  reports: SummaryRow[];
  years: number[];
}

const byYear = (a: { year: number | null; report_id: string }, b: { year: number | null; report_id: string }) =>
  (a.year ?? 9999) - (b.year ?? 9999) || (a.report_id < b.report_id ? -1 : a.report_id > b.report_id ? 1 : 0);

let lineagesCache: Lineage[] | undefined;
export function lineages(data: Dataset = loadData()): Lineage[] {
  if (lineagesCache) return lineagesCache;
  const summaries = groupBy([...data.summary].sort(byYear), (s) => s.lineage_id);
  const out: Lineage[] = [];
  for (const [id, agencies] of groupBy(data.agencies, (a) => a.lineage_id)) {
    const reports = summaries.get(id) ?? [];
    const firstYear = (a: AgencyRow) => Math.min(...reports.filter((r) => r.agency_id === a.agency_id).map((r) => r.year ?? 9999), 9999);
    const sorted = [...agencies].sort((a, b) => firstYear(a) - firstYear(b) || (a.agency_id < b.agency_id ? -1 : 1));
    const names: Lineage['names'] = [];
    for (const a of sorted) {
      const mine = reports.filter((r) => r.agency_id === a.agency_id);
      const printed = [...new Set(mine.map((r) => r.agency_name ?? a.name))];
      for (const name of printed.length ? printed : a.names.split('；')) {
        names.push({ name, agency_id: a.agency_id, years: mine.filter((r) => (r.agency_name ?? a.name) === name && r.year !== null).map((r) => r.year!) });
      }
    }
    const latest = sorted[sorted.length - 1]!;
    out.push({
      id, agencies: sorted, name: latest.name, names,
      province: latest.province, city: latest.city, county: latest.county, admin_code: latest.admin_code, level: latest.level,
      reports, years: [...new Set(reports.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b),
    });
  }
  // Reports whose agency is not in the agencies table still get a lineage page, unless none of
  // them could be read (a binary or empty file has no agency to speak of).
  const seen = new Set(out.map((l) => l.id));
  for (const [id, reports] of summaries) {
    if (seen.has(id) || reports.every((r) => r.status === 'failed')) continue;
    const name = reports[reports.length - 1]?.agency_name ?? id;
    out.push({
      id, agencies: [], name, names: [{ name, agency_id: reports[0]!.agency_id, years: reports.map((r) => r.year).filter((y): y is number => y !== null) }],
      province: reports[0]!.province, city: reports[0]!.city, county: reports[0]!.county, admin_code: null, level: null, reports,
      years: [...new Set(reports.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b),
    });
  }
  lineagesCache = out.sort((a, b) => (a.id < b.id ? -1 : 1));
  return lineagesCache;
}

export function lineageOf(lineageId: string): Lineage | undefined {
  return lineages().find((l) => l.id === lineageId);
}

/** The lineage a report belongs to (via summary), for links from a report to its agency page. */
export function lineageIdOfReport(reportId: string, data: Dataset = loadData()): string | undefined {
  // One lookup per report page: a scan of every report for each would make the build quadratic.
  if (!ofReport || ofReport.data !== data) {
    const known = new Set(lineages(data).map((l) => l.id));
    ofReport = { data, ids: new Map(data.summary.filter((s) => known.has(s.lineage_id)).map((s) => [s.report_id, s.lineage_id])) };
  }
  return ofReport.ids.get(reportId);
}
let ofReport: { data: Dataset; ids: Map<string, string> } | undefined;

export interface RegionNode {
  name: string;
  /** province | city | county */
  level: 'province' | 'city' | 'county';
  lineages: Lineage[];
  children: RegionNode[];
}

/** Lineages grouped province → city → county. Lineages with no known region come last under null. */
export function regionTree(): { tree: RegionNode[]; unknown: Lineage[] } {
  const tree: RegionNode[] = [];
  const unknown: Lineage[] = [];
  const child = (list: RegionNode[], name: string, level: RegionNode['level']) => {
    let n = list.find((c) => c.name === name);
    if (!n) list.push((n = { name, level, lineages: [], children: [] }));
    return n;
  };
  for (const l of lineages()) {
    if (!l.province) {
      unknown.push(l);
      continue;
    }
    let node = child(tree, l.province, 'province');
    if (l.city && l.city !== l.province) node = child(node.children, l.city, 'city');
    if (l.county) node = child(node.children, l.county, 'county');
    node.lineages.push(l);
  }
  const sort = (list: RegionNode[]) => {
    list.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    list.forEach((n) => sort(n.children));
  };
  sort(tree);
  return { tree, unknown };
}

export interface Coverage {
  reports: number;
  agencies: number;
  lineages: number;
  provinces: number;
  regions: number;
  firstYear: number | null;
  lastYear: number | null;
  ok: number;
  warnings: number;
  failed: number;
}

export function coverage(data: Dataset = loadData()): Coverage {
  const years = data.reports.map((r) => r.year).filter((y): y is number => y !== null);
  const count = (s: ReportRow['status']) => data.reports.filter((r) => r.status === s).length;
  return {
    reports: data.reports.length,
    agencies: data.agencies.length,
    lineages: lineages(data).length,
    provinces: new Set(data.agencies.map((a) => a.province).filter(Boolean)).size,
    regions: new Set(data.agencies.map((a) => a.admin_code).filter(Boolean)).size,
    firstYear: years.length ? Math.min(...years) : null,
    lastYear: years.length ? Math.max(...years) : null,
    ok: count('ok'),
    warnings: count('warnings'),
    failed: count('failed'),
  };
}

/** Below this share of prescribed cells read, a report is "mostly blank", whatever its checks say. */
export const MOSTLY_BLANK = 0.5;

/**
 * What a reader should make of a report, worst first: not read at all; mostly blank (under half
 * of its prescribed cells read: its passed checks prove little); checks that fail; warnings; ok.
 */
export type Health = 'failed' | 'blank' | 'checks' | 'warnings' | 'ok';

export function reportHealth(r: Pick<ReportRow, 'status' | 'checks_failed' | 'cells_read' | 'cells_expected'>): Health {
  if (r.status === 'failed') return 'failed';
  if (r.cells_expected > 0 && r.cells_read / r.cells_expected < MOSTLY_BLANK) return 'blank';
  if (r.checks_failed > 0) return 'checks';
  if (r.status === 'warnings') return 'warnings';
  return 'ok';
}

/** Share of prescribed cells read, whole percent rounded down (100 only when every cell was read). */
export const cellsPct = (r: Pick<ReportRow, 'cells_read' | 'cells_expected'>): number =>
  r.cells_expected > 0 ? Math.floor((100 * r.cells_read) / r.cells_expected) : 0;

/** Checks of each report that could not run (blank cells, no previous report). */
export function skippedByReport(reports: readonly Pick<ReportRow, 'report_id'>[] = loadData().reports): Map<string, number> {
  const m = new Map<string, number>();
  // Report by report: the whole checks table is never held.
  for (const r of reports) {
    const n = reportRows('checks', r.report_id).filter((c) => c.status === 'skipped').length;
    if (n) m.set(r.report_id, n);
  }
  return m;
}

/** The measures the home page totals by year (summary columns). */
export const YEAR_MEASURES = ['applications_new', 'granted', 'partially_granted', 'denied', 'unable_to_provide', 'not_processed', 'other_processing', 'handled_total', 'reviews_total', 'litigation_total', 'proactive_total'] as const;
export type YearMeasure = (typeof YEAR_MEASURES)[number];

export interface YearTotal {
  year: number;
  /** Reports on that year, and how many of them give each measure (a blank is not a zero). */
  reports: number;
  sums: Record<YearMeasure, number | null>;
  known: Record<YearMeasure, number>;
}

/** Every measure summed by year over the reports that give it; null where no report does. */
export function yearTotals(summary: readonly SummaryRow[]): YearTotal[] {
  const years = [...new Set(summary.map((s) => s.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  return years.map((year) => {
    const rows = summary.filter((s) => s.year === year);
    const sums = {} as Record<YearMeasure, number | null>;
    const known = {} as Record<YearMeasure, number>;
    for (const m of YEAR_MEASURES) {
      const vals = rows.map((r) => r[m]).filter((v): v is number => v !== null);
      known[m] = vals.length;
      sums[m] = vals.length ? vals.reduce((a, b) => a + b, 0) : null;
    }
    return { year, reports: rows.length, sums, known };
  });
}

/**
 * The year the home page calls "latest": the last year with at least half as many reports as the
 * best-covered year (a year whose reports are still coming in would compare badly).
 */
export function latestYear(summary: readonly Pick<SummaryRow, 'year'>[]): number | null {
  const counts = new Map<number, number>();
  for (const s of summary) if (s.year !== null) counts.set(s.year, (counts.get(s.year) ?? 0) + 1);
  if (!counts.size) return null;
  const most = Math.max(...counts.values());
  return Math.max(...[...counts].filter(([, n]) => n * 2 >= most).map(([y]) => y));
}

/** One lineage's value of a measure in a year (several reports on one year are summed). */
export function lineageValue(l: Pick<Lineage, 'reports'>, year: number, measure: YearMeasure): { value: number | null; reports: SummaryRow[] } {
  const reports = l.reports.filter((r) => r.year === year);
  const vals = reports.map((r) => r[measure]).filter((v): v is number => v !== null);
  return { value: vals.length ? vals.reduce((a, b) => a + b, 0) : null, reports };
}

export interface Ranked {
  lineage: Lineage;
  value: number;
  reports: SummaryRow[];
}

/** Lineages by a measure in a year, largest first (ties by id); lineages without a value are left out. */
export function ranking(all: readonly Lineage[], year: number, measure: YearMeasure): Ranked[] {
  return all.flatMap((l) => {
    const v = lineageValue(l, year, measure);
    return v.value === null ? [] : [{ lineage: l, value: v.value, reports: v.reports }];
  }).sort((a, b) => b.value - a.value || (a.lineage.id < b.lineage.id ? -1 : 1));
}

export interface Change {
  lineage: Lineage;
  from: number;
  to: number;
  change: number;
  /** Percent change; null when the earlier value is 0. */
  pct: number | null;
  before: SummaryRow[];
  after: SummaryRow[];
}

/** Lineages whose measure changed most (by absolute change) from `year - 1` to `year`; no change is left out. */
export function changedMost(all: readonly Lineage[], year: number, measure: YearMeasure, n = 10): Change[] {
  return all.flatMap((l) => {
    const a = lineageValue(l, year - 1, measure), b = lineageValue(l, year, measure);
    if (a.value === null || b.value === null || a.value === b.value) return [];
    return [{ lineage: l, from: a.value, to: b.value, change: b.value - a.value, pct: a.value === 0 ? null : Math.round(((b.value - a.value) / a.value) * 1000) / 10, before: a.reports, after: b.reports }];
  }).sort((x, y) => Math.abs(y.change) - Math.abs(x.change) || (x.lineage.id < y.lineage.id ? -1 : 1)).slice(0, n);
}

/** Bins of a distribution for a table: [lo, hi] inclusive, integer edges; zero gets a bin of its own. */
export function bins(values: readonly number[], count = 6): { lo: number; hi: number; n: number }[] {
  if (!values.length) return [];
  const max = Math.max(...values);
  const out: { lo: number; hi: number; n: number }[] = [{ lo: 0, hi: 0, n: values.filter((v) => v <= 0).length }];
  if (max > 0) {
    const width = Math.max(1, Math.ceil(max / count));
    for (let lo = 1; lo <= max; lo += width) {
      const hi = lo + width - 1;
      out.push({ lo, hi, n: values.filter((v) => v >= lo && v <= hi).length });
    }
  }
  return out;
}
