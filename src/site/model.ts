/** Derived views of the dataset that several pages share: lineages, regions, coverage. */
import { groupBy, loadData, type AgencyRow, type Dataset, type ReportRow, type SummaryRow } from './data.ts';

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
  for (const [id, reports] of summaries) {
    if (out.some((l) => l.id === id) || reports.every((r) => r.status === 'failed')) continue;
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
  const id = data.summary.find((s) => s.report_id === reportId)?.lineage_id;
  return id && lineages(data).some((l) => l.id === id) ? id : undefined;
}

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
