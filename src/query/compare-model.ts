/**
 * The compare tool as data: its state (all of it in the URL), the SQL that answers it, and the
 * same answer computed straight from the Parquet rows (for the first chart, before DuckDB is up).
 * Pure functions: used by the page, the embed page and the tests alike.
 */
import { APPLICANTS, APPLICATION_ROWS } from '../schema/applications.ts';
import { TABLES } from '../schema/tables.ts';
import type { Label } from '../schema/template.ts';
import { shortLabel as short } from '../shared/chart-style.ts';

export interface CatalogLineage {
  id: string;
  name: string;
  /** Every name over time, oldest first. */
  names: string[];
  /** Region path [province, city?, county?] as in `summary`. */
  region: string[];
  years: number[];
  /** Its agencies, oldest first; `en` their English names (the catalog file has them). */
  agencies: { id: string; name: string; en?: string }[];
  /** The lineage's English name (the registry's, else pinyin): in the catalog file. */
  en?: string;
  /** The toneless pinyin of each of its names, syllables space-separated, names '|'-separated: in the catalog file (the browser has no pinyin-pro). */
  py?: string;
}

/**
 * What the page knows without naming any lineage: the region paths and years the data covers. It
 * is bounded by the map and the calendar, not by the number of agencies, so the page carries it;
 * the lineages come from the catalog file (src/site/compare-catalog.ts) or from the data itself.
 */
export interface Scope {
  /** Region paths joined with '/': '山西省', '山西省/长治市', '山西省/长治市/长子县'. */
  regions: string[];
  years: number[];
}

export interface Catalog extends Scope {
  lineages: CatalogLineage[];
}

/**
 * The names a chart gives its series, and so the ids a link may name: a lineage's current name
 * (and whether it joins several agencies), an agency's name. From the catalog file, or from the
 * `summary` rows the first chart reads (`namesOfSummary`), whichever the page has first.
 */
export interface SeriesNames {
  lineages: Map<string, { name: string; several: boolean }>;
  agencies: Map<string, string>;
}

export function namesOfCatalog(lineages: readonly CatalogLineage[]): SeriesNames {
  return {
    lineages: new Map(lineages.map((l) => [l.id, { name: l.name, several: l.agencies.length > 1 }])),
    agencies: new Map(lineages.flatMap((l) => l.agencies.map((a) => [a.id, a.name] as const))),
  };
}

/**
 * The same from `summary` rows: a lineage is called what its latest report (by year, then id)
 * printed, as its latest agency is; an agency what its latest report printed.
 */
export function namesOfSummary(rows: readonly Record<string, Plain>[]): SeriesNames {
  const latest = new Map<string, { year: number; id: string; name: string }>();
  const agencyLatest = new Map<string, { year: number; id: string; name: string }>();
  const agenciesOf = new Map<string, Set<string>>();
  const later = (a: { year: number; id: string } | undefined, year: number, id: string) => !a || year > a.year || (year === a.year && id > a.id);
  for (const r of rows) {
    const lineage = typeof r.lineage_id === 'string' ? r.lineage_id : null;
    const agency = typeof r.agency_id === 'string' ? r.agency_id : null;
    const name = typeof r.agency_name === 'string' ? r.agency_name : null;
    const year = typeof r.year === 'number' ? r.year : -1;
    const id = String(r.report_id ?? '');
    if (lineage) {
      if (!agenciesOf.has(lineage)) agenciesOf.set(lineage, new Set());
      if (agency) agenciesOf.get(lineage)!.add(agency);
      if (name && later(latest.get(lineage), year, id)) latest.set(lineage, { year, id, name });
      else if (!latest.has(lineage)) latest.set(lineage, { year: -2, id: '', name: lineage });
    }
    if (agency && name && later(agencyLatest.get(agency), year, id)) agencyLatest.set(agency, { year, id, name });
    else if (agency && !agencyLatest.has(agency)) agencyLatest.set(agency, { year: -2, id: '', name: agency });
  }
  return {
    lineages: new Map([...latest].map(([k, v]) => [k, { name: v.name, several: (agenciesOf.get(k)?.size ?? 0) > 1 }])),
    agencies: new Map([...agencyLatest].map(([k, v]) => [k, v.name])),
  };
}

export interface CompareState {
  lineages: string[];
  agencies: string[];
  /** '' or a region path joined with '/'. */
  region: string;
  from: number;
  to: number;
  /** A summary column, or 'applications' for a table 三 row × applicant column. */
  measure: string;
  row: string;
  applicant: string;
}

const summaryDef = TABLES.find((t) => t.name === 'summary')!;
/** Every numeric `summary` column but the year: the measures the tool offers. */
export const SUMMARY_MEASURES = summaryDef.columns.filter((c) => (c.type === 'integer' || c.type === 'number') && c.name !== 'year');
export const T3_ROWS = APPLICATION_ROWS;
export const T3_APPLICANTS = APPLICANTS;
export const DEFAULT_MEASURE = 'proactive_total';
/**
 * Lineages drawn when none is chosen: those with the largest totals of the measure over the
 * years and region chosen (ties by id). At 10,000 reports "every lineage" was 1,566 lines and
 * 14 s to the answer; a reader who wants others chooses them.
 */
export const DEFAULT_SERIES = 25;

const ID = /^[a-z0-9][a-z0-9-]{0,80}$/;

type Plain = string | number | boolean | null;

/** The measure's label, e.g. 主动公开合计（条） or 表三 （一）予以公开 · 自然人. */
export function measureLabel(s: CompareState): Label {
  if (s.measure === 'applications') {
    const row = T3_ROWS.find((r) => r.key === s.row);
    const ap = T3_APPLICANTS.find((a) => a.key === s.applicant);
    return {
      zh: `表三 ${short(row?.zh ?? s.row)} · ${ap?.zh ?? s.applicant}`,
      en: `Table 三: ${row?.en ?? s.row} · ${ap?.en ?? s.applicant}`,
    };
  }
  const c = SUMMARY_MEASURES.find((m) => m.name === s.measure);
  return { zh: c?.zh ?? s.measure, en: c?.en ?? s.measure };
}

export function defaultState(cat: Scope): CompareState {
  return {
    lineages: [], agencies: [], region: '',
    from: cat.years[0] ?? 2019, to: cat.years[cat.years.length - 1] ?? 2023,
    measure: DEFAULT_MEASURE, row: 'new_received', applicant: 'total',
  };
}

/** The state in a URL's query string; anything unknown falls back to the default. */
export function parseState(search: string, cat: Scope | Catalog, known?: SeriesNames | null): CompareState {
  return readState(search, cat, known).state;
}

const knownOf = (cat: Scope | Catalog): SeriesNames | null => ('lineages' in cat ? namesOfCatalog(cat.lineages) : null);

/** The parameters of the state: other parameters in a URL (a tracker's, say) are not the tool's. */
const PARAMS = ['lineage', 'agency', 'region', 'from', 'to', 'measure', 'row', 'applicant'] as const;

/**
 * The state in a URL's query string, and the parameters whose values could not be read (unknown
 * ids, regions, measures; years that are not years): those fall back to the default, and the page
 * says so rather than replacing the link silently. Ids are checked against `known` (by default the
 * catalog's, when `cat` has lineages); with none yet (null: the page before its data), only their
 * form is, and `checkIds` checks them once the names are there.
 */
export function readState(search: string, cat: Scope | Catalog, known: SeriesNames | null = knownOf(cat)): { state: CompareState; unread: string[] } {
  const p = new URLSearchParams(search);
  const s = defaultState(cat);
  const unread = new Set<string>();
  // Comma-separated, or the key repeated (a form submitted without JavaScript).
  const list = (k: string) => p.getAll(k).flatMap((v) => v.split(',')).map((x) => x.trim()).filter(Boolean);
  const ids = (k: 'lineage' | 'agency', names: Map<string, unknown> | undefined) => {
    const all = list(k);
    const ok = all.filter((x) => ID.test(x) && (!names || names.has(x)));
    if (ok.length < all.length) unread.add(k);
    return [...new Set(ok)];
  };
  s.lineages = ids('lineage', known?.lineages);
  s.agencies = ids('agency', known?.agencies);
  const region = p.get('region');
  if (region && cat.regions.includes(region)) s.region = region;
  else if (region) unread.add('region');
  const year = (k: string, d: number) => {
    if (!p.has(k)) return d;
    const n = Number(p.get(k));
    if (Number.isInteger(n) && n >= 1900 && n <= 2200) return n;
    unread.add(k);
    return d;
  };
  s.from = year('from', s.from);
  s.to = year('to', s.to);
  if (s.from > s.to) [s.from, s.to] = [s.to, s.from];
  const m = p.get('measure');
  if (m === 'applications' || SUMMARY_MEASURES.some((c) => c.name === m)) s.measure = m!;
  else if (m !== null) unread.add('measure');
  const row = p.get('row');
  if (row && T3_ROWS.some((r) => r.key === row)) s.row = row;
  else if (row !== null) unread.add('row');
  const ap = p.get('applicant');
  if (ap && T3_APPLICANTS.some((a) => a.key === ap)) s.applicant = ap;
  else if (ap !== null) unread.add('applicant');
  return { state: s, unread: PARAMS.filter((k) => unread.has(k)) };
}

/**
 * A state read before the names were known, checked against them: ids the data does not have are
 * dropped and named (`lineage`, `agency`), as readState does when it knows them.
 */
export function checkIds(s: CompareState, known: SeriesNames): { state: CompareState; unread: ('lineage' | 'agency')[] } {
  const lineages = s.lineages.filter((id) => known.lineages.has(id));
  const agencies = s.agencies.filter((id) => known.agencies.has(id));
  const unread: ('lineage' | 'agency')[] = [];
  if (lineages.length < s.lineages.length) unread.push('lineage');
  if (agencies.length < s.agencies.length) unread.push('agency');
  return { state: { ...s, lineages, agencies }, unread };
}

/** Parameters named as unread, in the order of the link's parameters. */
export const unreadInOrder = (names: Iterable<string>): string[] => {
  const set = new Set(names);
  return PARAMS.filter((k) => set.has(k));
};

/** The query string of a state (defaults left out, so links stay short). */
export function stateQuery(s: CompareState, cat: Scope): string {
  const d = defaultState(cat);
  const p = new URLSearchParams();
  if (s.lineages.length) p.set('lineage', s.lineages.join(','));
  if (s.agencies.length) p.set('agency', s.agencies.join(','));
  if (s.region) p.set('region', s.region);
  if (s.from !== d.from) p.set('from', String(s.from));
  if (s.to !== d.to) p.set('to', String(s.to));
  if (s.measure !== DEFAULT_MEASURE) p.set('measure', s.measure);
  if (s.measure === 'applications') {
    p.set('row', s.row);
    p.set('applicant', s.applicant);
  }
  const q = p.toString().replaceAll('%2C', ',').replaceAll('%2F', '/');
  return q ? `?${q}` : '';
}

const lit = (v: string) => `'${v.replaceAll("'", "''")}'`;

/**
 * The SQL that answers the state: one row per series and year with the measure's value (summed
 * over the series' reports that year; NULL when every one is blank) and the reports behind it.
 */
export function compareSql(s: CompareState, top = DEFAULT_SERIES): string {
  const t3 = s.measure === 'applications';
  const value = t3 ? 'a.value' : `s.${s.measure}`;
  const join = t3 ? `\nLEFT JOIN applications a\n  ON a.report_id = s.report_id AND a."row" = ${lit(s.row)} AND a.applicant = ${lit(s.applicant)}` : '';
  const region = s.region.split('/').filter(Boolean);
  const where = [
    `s.year BETWEEN ${s.from} AND ${s.to}`,
    ...region.map((r, i) => `s.${['province', 'city', 'county'][i]} = ${lit(r)}`),
  ];
  const part = (kind: 'lineage' | 'agency', col: string, ids: string[] | null) => `SELECT ${lit(kind)} AS kind, s.${col} AS series, s.year,
  sum(${value}) AS value,
  string_agg(s.report_id, ',' ORDER BY s.report_id) AS reports
FROM summary s${join}
WHERE ${[...(ids ? [`s.${col} IN (${ids.map(lit).join(', ')})`] : []), ...where].join('\n  AND ')}
GROUP BY ALL`;
  const parts: string[] = [];
  let lead = '';
  if (!s.lineages.length && !s.agencies.length) {
    lead = `WITH top AS (SELECT s.lineage_id FROM summary s${join}\nWHERE ${where.join('\n  AND ')}\nGROUP BY s.lineage_id\nORDER BY sum(${value}) DESC NULLS LAST, s.lineage_id\nLIMIT ${top})\n`;
    parts.push(part('lineage', 'lineage_id', null).replace('\nWHERE ', '\nWHERE s.lineage_id IN (SELECT lineage_id FROM top)\n  AND '));
  }
  if (s.lineages.length) parts.push(part('lineage', 'lineage_id', s.lineages));
  if (s.agencies.length) parts.push(part('agency', 'agency_id', s.agencies));
  const label = measureLabel(s);
  return `-- ${label.en}\n${lead}${parts.join('\nUNION ALL\n')}\nORDER BY kind, series, year;`;
}

export interface ComparePointRow {
  kind: 'lineage' | 'agency';
  series: string;
  year: number;
  value: number | null;
  reports: string;
}

/** The same answer as compareSql, computed from the rows of `summary` (and `applications`). */
export function compareRows(s: CompareState, summary: Record<string, Plain>[], applications: Record<string, Plain>[], top = DEFAULT_SERIES): ComparePointRow[] {
  const region = s.region.split('/').filter(Boolean);
  const cols = ['province', 'city', 'county'];
  const t3 = new Map<string, number | null>();
  if (s.measure === 'applications') {
    for (const a of applications) if (a.row === s.row && a.applicant === s.applicant) t3.set(String(a.report_id), a.value as number | null);
  }
  const rows = summary.filter((r) => typeof r.year === 'number' && r.year >= s.from && r.year <= s.to
    && region.every((v, i) => r[cols[i]!] === v));
  const out = new Map<string, ComparePointRow & { reportList: string[] }>();
  const add = (kind: 'lineage' | 'agency', series: string, r: Record<string, Plain>) => {
    const key = `${kind}\u0000${series}\u0000${r.year}`;
    let p = out.get(key);
    if (!p) out.set(key, (p = { kind, series, year: r.year as number, value: null, reports: '', reportList: [] }));
    const v = value(r);
    if (typeof v === 'number') p.value = (p.value ?? 0) + v;
    p.reportList.push(String(r.report_id));
  };
  const value = (r: Record<string, Plain>) => (s.measure === 'applications' ? (t3.get(String(r.report_id)) ?? null) : (r[s.measure] as number | null));
  let lineages: Set<string> = new Set(s.lineages);
  if (!s.lineages.length && !s.agencies.length) {
    // As compareSql's `top`: the largest totals first, a total of nothing (NULL) last, ties by id.
    const totals = new Map<string, number | null>();
    for (const r of rows) {
      const id = String(r.lineage_id), v = value(r);
      totals.set(id, typeof v === 'number' ? (totals.get(id) ?? 0) + v : (totals.get(id) ?? null));
    }
    lineages = new Set([...totals].sort(([a, x], [b, y]) => (x === y ? (a < b ? -1 : a > b ? 1 : 0) : x === null ? 1 : y === null ? -1 : y - x)).slice(0, top).map(([id]) => id));
  }
  for (const r of rows) {
    if (lineages.has(String(r.lineage_id))) add('lineage', String(r.lineage_id), r);
    if (s.agencies.includes(String(r.agency_id))) add('agency', String(r.agency_id), r);
  }
  return [...out.values()]
    .map(({ reportList, ...p }) => ({ ...p, reports: reportList.sort().join(',') }))
    .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.series < b.series ? -1 : a.series > b.series ? 1 : a.year - b.year));
}
