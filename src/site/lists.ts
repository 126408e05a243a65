/**
 * The lists that grow with the data — every report, every agency lineage — as static pages of a
 * fixed size, so that no page grows without bound: reports by the year they report on
 * (reports/<year>/, reports/<year>/2/…), the reports to look at (reports/attention/…), agencies
 * in the order of their ids (agencies/, agencies/2/…). Each page links to every other through its
 * pager and needs no JavaScript; reports/ is the index of the years. Filtering and sorting across
 * a whole list is the table browser's work (explore/?table=reports).
 */
import { groupBy, loadData, type Dataset, type ReportRow } from './data.ts';
import { reportHealth, type Health } from './model.ts';

/** Rows a list page holds: about 100 KB of HTML a page, whatever the number of reports. */
export const LIST_PAGE = 200;

export interface Paged<T> {
  items: T[];
  /** 1-based. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last item shown, and the list's length. */
  from: number;
  to: number;
  total: number;
}

/** A list cut into pages of `size` (an empty list is one empty page). */
export function paginate<T>(all: readonly T[], size = LIST_PAGE): Paged<T>[] {
  const n = Math.max(1, Math.ceil(all.length / size));
  return Array.from({ length: n }, (_, i) => ({
    items: all.slice(i * size, (i + 1) * size),
    page: i + 1, pages: n,
    from: all.length ? i * size + 1 : 0, to: Math.min((i + 1) * size, all.length), total: all.length,
  }));
}

/** Page n of the list at `base` ('agencies/'): the first page is the list's own address. */
export const pageSlug = (base: string, n: number): string => (n <= 1 ? base : `${base}${n}/`);

/** The [...page] route parameter of page n: none for the first. */
export const pageParam = (n: number): string | undefined => (n <= 1 ? undefined : String(n));

/**
 * The page numbers a pager shows: the first, the last, the current one and `around` on each side;
 * null where numbers are left out (shown as …).
 */
export function pagerItems(page: number, pages: number, around = 2): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= around) out.push(n);
    else if (out.at(-1) !== null) out.push(null);
  }
  return out;
}

/** A group of reports with pages of its own: a year (null: the year is unknown), or the ones to look at. */
export interface ReportGroup {
  /** The address segment: '2023', 'unknown' or 'attention'. */
  key: string;
  year: number | null;
  attention: boolean;
  reports: ReportRow[];
}

/** The worst first: not read, mostly blank, checks that fail. */
export const ATTENTION: readonly Health[] = ['failed', 'blank', 'checks'];

let groupsCache: { data: Dataset; groups: ReportGroup[] } | undefined;
/**
 * The report groups: each year, newest first (then the reports whose year is unknown), by agency
 * id; and the reports to look at, worst first.
 */
export function reportGroups(data: Dataset = loadData()): ReportGroup[] {
  if (groupsCache?.data === data) return groupsCache.groups;
  const rows = [...data.reports].sort((a, b) => (b.year ?? -1) - (a.year ?? -1) || (a.agency_id < b.agency_id ? -1 : a.agency_id > b.agency_id ? 1 : 0) || (a.report_id < b.report_id ? -1 : 1));
  const years: ReportGroup[] = [...groupBy(rows, (r) => r.year)].map(([year, reports]) => ({ key: year === null ? 'unknown' : String(year), year, attention: false, reports }));
  const health = new Map(rows.map((r) => [r.report_id, reportHealth(r)]));
  const attention = rows.filter((r) => ATTENTION.includes(health.get(r.report_id)!))
    .sort((a, b) => ATTENTION.indexOf(health.get(a.report_id)!) - ATTENTION.indexOf(health.get(b.report_id)!));
  const groups = [...years, { key: 'attention', year: null, attention: true, reports: attention }];
  groupsCache = { data, groups };
  return groups;
}

let summaryCache: { data: Dataset; byId: Map<string, Dataset['summary'][number]> } | undefined;
/** The summary row of each report, by id (made once for every page of the lists). */
export function summaryById(data: Dataset = loadData()): Map<string, Dataset['summary'][number]> {
  if (summaryCache?.data !== data) summaryCache = { data, byId: new Map(data.summary.map((s) => [s.report_id, s])) };
  return summaryCache.byId;
}
