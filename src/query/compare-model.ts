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
  agencies: { id: string; name: string }[];
}

export interface Catalog {
  lineages: CatalogLineage[];
  /** Region paths joined with '/': '山西省', '山西省/长治市', '山西省/长治市/长子县'. */
  regions: string[];
  years: number[];
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

const ID = /^[a-z0-9][a-z0-9-]{0,80}$/;

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

export function defaultState(cat: Catalog): CompareState {
  return {
    lineages: [], agencies: [], region: '',
    from: cat.years[0] ?? 2019, to: cat.years[cat.years.length - 1] ?? 2023,
    measure: DEFAULT_MEASURE, row: 'new_received', applicant: 'total',
  };
}

/** The state in a URL's query string; anything unknown falls back to the default. */
export function parseState(search: string, cat: Catalog): CompareState {
  return readState(search, cat).state;
}

/** The parameters of the state: other parameters in a URL (a tracker's, say) are not the tool's. */
const PARAMS = ['lineage', 'agency', 'region', 'from', 'to', 'measure', 'row', 'applicant'] as const;

/**
 * The state in a URL's query string, and the parameters whose values could not be read (unknown
 * ids, regions, measures; years that are not years): those fall back to the default, and the page
 * says so rather than replacing the link silently.
 */
export function readState(search: string, cat: Catalog): { state: CompareState; unread: string[] } {
  const p = new URLSearchParams(search);
  const s = defaultState(cat);
  const unread = new Set<string>();
  // Comma-separated, or the key repeated (a form submitted without JavaScript).
  const list = (k: string) => p.getAll(k).flatMap((v) => v.split(',')).map((x) => x.trim()).filter(Boolean);
  const ids = (k: 'lineage' | 'agency', known: Set<string>) => {
    const all = list(k);
    const ok = all.filter((x) => ID.test(x) && known.has(x));
    if (ok.length < all.length) unread.add(k);
    return [...new Set(ok)];
  };
  s.lineages = ids('lineage', new Set(cat.lineages.map((l) => l.id)));
  s.agencies = ids('agency', new Set(cat.lineages.flatMap((l) => l.agencies.map((a) => a.id))));
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

/** The query string of a state (defaults left out, so links stay short). */
export function stateQuery(s: CompareState, cat: Catalog): string {
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
export function compareSql(s: CompareState): string {
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
  if (!s.lineages.length && !s.agencies.length) parts.push(part('lineage', 'lineage_id', null));
  if (s.lineages.length) parts.push(part('lineage', 'lineage_id', s.lineages));
  if (s.agencies.length) parts.push(part('agency', 'agency_id', s.agencies));
  const label = measureLabel(s);
  return `-- ${label.en}\n${parts.join('\nUNION ALL\n')}\nORDER BY kind, series, year;`;
}

export interface ComparePointRow {
  kind: 'lineage' | 'agency';
  series: string;
  year: number;
  value: number | null;
  reports: string;
}

type Plain = string | number | boolean | null;

/** The same answer as compareSql, computed from the rows of `summary` (and `applications`). */
export function compareRows(s: CompareState, summary: Record<string, Plain>[], applications: Record<string, Plain>[]): ComparePointRow[] {
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
    const v = s.measure === 'applications' ? (t3.get(String(r.report_id)) ?? null) : (r[s.measure] as number | null);
    if (typeof v === 'number') p.value = (p.value ?? 0) + v;
    p.reportList.push(String(r.report_id));
  };
  const all = !s.lineages.length && !s.agencies.length;
  for (const r of rows) {
    if (all || s.lineages.includes(String(r.lineage_id))) add('lineage', String(r.lineage_id), r);
    if (s.agencies.includes(String(r.agency_id))) add('agency', String(r.agency_id), r);
  }
  return [...out.values()]
    .map(({ reportList, ...p }) => ({ ...p, reports: reportList.sort().join(',') }))
    .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.series < b.series ? -1 : a.series > b.series ? 1 : a.year - b.year));
}
