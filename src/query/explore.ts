/**
 * The table browser ("explore without SQL"), its pure part: a view of one published table (filters,
 * sort, page, facets) ⇄ the URL's query string, and view → SQL for DuckDB.
 *
 * SQL is made only from the schema's table and column names (quoted as identifiers) and from the
 * reader's values as escaped literals: a link, or text typed in a box, never becomes SQL.
 *
 * The query string, Datasette-like and readable:
 *   ?table=summary&year.min=2020&year.max=2023&agency_name.contains=投资&status.in=ok&status.in=warnings
 *    &city.blank=1&sort=-year&page=2&facets=status,template
 * `col.in` repeats (values may hold commas); `col.blank=1` adds NULL to the values; `sort=-col` is
 * descending; `page` counts from 1; `facets` absent means the table's default facets, empty means none.
 */
import { TABLES, type Column, type TableDef } from '../schema/tables.ts';
import { plainNumber } from '../shared/csv.ts';

export const PAGE_SIZE = 50;
/** Facet values listed per column (the most frequent first). */
export const FACET_LIMIT = 30;
/** A column with at most this many distinct values (and more than one) is suggested as a facet. */
export const SUGGEST_MAX = 30;
export const DEFAULT_TABLE = 'summary';

/** One column's filter: the parts given are all required (AND). */
export interface ColumnFilter {
  col: string;
  /** Inclusive bounds: numbers for integer and number columns, ISO dates for date columns. */
  min?: number | string;
  max?: number | string;
  /** Text the value contains (case-insensitive); text columns only. */
  contains?: string;
  /** The value is one of these (numbers for numeric columns) … */
  values?: (string | number)[];
  /** … or blank (NULL). */
  blank?: boolean;
}

export interface Sort {
  col: string;
  desc: boolean;
}

export interface ExploreState {
  table: string;
  /** At most one per column, in the schema's column order. */
  filters: ColumnFilter[];
  sort: Sort | null;
  /** 1-based. */
  page: number;
  /** Columns whose value counts are shown, in the order added. */
  facets: string[];
}

export const tableDef = (name: string): TableDef | undefined => TABLES.find((t) => t.name === name);
export const columnOf = (def: TableDef, name: string): Column | undefined => def.columns.find((c) => c.name === name);
const isNumeric = (c: Column) => c.type === 'integer' || c.type === 'number';

/**
 * The facets a table opens with: its enumerated columns (template, status, severity…), then year and
 * province where it has them. Chosen from the schema, so a link without `facets` means the same view
 * whatever the data. Other low-cardinality columns are suggested at run time.
 */
export function defaultFacets(def: TableDef): string[] {
  const enums = def.columns.filter((c) => c.values && c.values.length > 1).map((c) => c.name);
  const extra = ['year', 'province'].filter((n) => columnOf(def, n) && !enums.includes(n));
  return [...extra, ...enums];
}

export function defaultState(table = DEFAULT_TABLE): ExploreState {
  const def = tableDef(table) ?? tableDef(DEFAULT_TABLE)!;
  return { table: def.name, filters: [], sort: null, page: 1, facets: defaultFacets(def) };
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** A calendar date as YYYY-MM-DD (2023-02-31 is not one). */
const isDate = (s: string) => ISO_DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** A bound from text for a column: a finite number, or an ISO date; undefined if it is neither. */
function bound(c: Column, raw: string): number | string | undefined {
  const s = raw.trim();
  if (c.type === 'date') return isDate(s) ? s : undefined;
  if (!isNumeric(c) || s === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? (Object.is(n, -0) ? 0 : n) : undefined;
}

/** A value from text for a column: an enumeration's member, a number, a date, or any text. */
function value(c: Column, raw: string): string | number | undefined {
  if (c.values) return c.values.includes(raw) ? raw : undefined;
  if (isNumeric(c) || c.type === 'date') return bound(c, raw);
  return raw;
}

/** A filter that holds nothing is no filter. */
export function isEmptyFilter(f: ColumnFilter): boolean {
  return f.min === undefined && f.max === undefined && !f.contains && !(f.values && f.values.length) && !f.blank;
}

/**
 * The canonical form of a state: filters in column order holding only what their column can take
 * (bounds of its type, text for text columns, values it can have), no empty parts, a facet once.
 */
export function normalize(s: ExploreState): ExploreState {
  const def = tableDef(s.table);
  if (!def) return defaultState();
  const filters: ColumnFilter[] = [];
  const asText = (v: number | string) => (typeof v === 'number' ? plainNumber(Object.is(v, -0) ? 0 : v) : v);
  for (const c of def.columns) {
    const f = s.filters.find((x) => x.col === c.name);
    if (!f) continue;
    const out: ColumnFilter = { col: c.name };
    const ok = (v: number | string | undefined) => (v === undefined || (typeof v === 'number' && !Number.isFinite(v)) ? undefined : bound(c, asText(v)));
    const min = ok(f.min), max = ok(f.max);
    if (min !== undefined) out.min = min;
    if (max !== undefined) out.max = max;
    if (f.contains && c.type === 'string') out.contains = f.contains;
    const values = (f.values ?? []).flatMap((v) => {
      const x = typeof v === 'number' && !Number.isFinite(v) ? undefined : value(c, asText(v));
      return x === undefined ? [] : [x];
    });
    if (values.length) out.values = [...new Set(values)];
    if (f.blank) out.blank = true;
    if (!isEmptyFilter(out)) filters.push(out);
  }
  const facets = [...new Set(s.facets)].filter((n) => columnOf(def, n));
  const sort = s.sort && columnOf(def, s.sort.col) ? { col: s.sort.col, desc: s.sort.desc } : null;
  return { table: def.name, filters, sort, page: Math.min(1e9 - 1, Math.max(1, Math.floor(s.page) || 1)), facets };
}

/** The view as a query string ('' for the default view), parts in a fixed order. */
export function encodeState(s: ExploreState): string {
  const n = normalize(s);
  const def = tableDef(n.table)!;
  const p = new URLSearchParams();
  p.set('table', n.table);
  const num = (v: number | string) => (typeof v === 'number' ? plainNumber(v) : v);
  for (const f of n.filters) {
    if (f.min !== undefined) p.set(`${f.col}.min`, num(f.min));
    if (f.max !== undefined) p.set(`${f.col}.max`, num(f.max));
    if (f.contains) p.set(`${f.col}.contains`, f.contains);
    for (const v of f.values ?? []) p.append(`${f.col}.in`, num(v));
    if (f.blank) p.set(`${f.col}.blank`, '1');
  }
  if (n.sort) p.set('sort', `${n.sort.desc ? '-' : ''}${n.sort.col}`);
  if (n.page > 1) p.set('page', String(n.page));
  const dflt = defaultFacets(def);
  if (n.facets.join(',') !== dflt.join(',')) p.set('facets', n.facets.join(','));
  // Commas need no escaping in a query string (URLSearchParams reads both): `facets=status,year`.
  const q = p.toString().replace(/%2C/g, ',');
  return q === `table=${DEFAULT_TABLE}` ? '' : `?${q}`;
}

/**
 * Reads a view from a query string. Whatever cannot be read (an unknown table or column, a bound
 * that is not a number or date, a value outside an enumeration) is left out and named in `unread`,
 * so that the page can say the view is not quite the one linked.
 */
export function decodeState(search: string): { state: ExploreState; unread: string[] } {
  const p = new URLSearchParams(search.replace(/^\?/, ''));
  const unread: string[] = [];
  const bad = (k: string) => { if (!unread.includes(k)) unread.push(k); };
  const tableName = p.get('table');
  let def = tableName === null ? tableDef(DEFAULT_TABLE)! : tableDef(tableName);
  if (!def) {
    bad('table');
    def = tableDef(DEFAULT_TABLE)!;
  }
  const s = defaultState(def.name);
  const byCol = new Map<string, ColumnFilter>();
  const filterOf = (c: string) => {
    let f = byCol.get(c);
    if (!f) byCol.set(c, (f = { col: c }));
    return f;
  };
  for (const [key, raw] of p) {
    if (key === 'table') continue;
    if (key === 'sort') {
      const desc = raw.startsWith('-');
      const col = desc ? raw.slice(1) : raw;
      if (columnOf(def, col)) s.sort = { col, desc };
      else bad(key);
      continue;
    }
    if (key === 'page') {
      if (/^\d{1,9}$/.test(raw) && Number(raw) >= 1) s.page = Number(raw);
      else bad(key);
      continue;
    }
    if (key === 'facets') {
      const names = raw === '' ? [] : raw.split(',');
      s.facets = names.filter((n) => columnOf(def!, n));
      if (s.facets.length < names.length) bad(key);
      continue;
    }
    const m = /^([a-z0-9_]+)\.(min|max|contains|in|blank)$/.exec(key);
    const c = m ? columnOf(def, m[1]!) : undefined;
    if (!m || !c) {
      bad(key);
      continue;
    }
    const op = m[2]!;
    const f = filterOf(c.name);
    if (op === 'min' || op === 'max') {
      const b = isNumeric(c) || c.type === 'date' ? bound(c, raw) : undefined;
      if (b === undefined) bad(key);
      else f[op] = b;
    } else if (op === 'contains') {
      if (c.type === 'string') f.contains = raw;
      else bad(key);
    } else if (op === 'in') {
      const v = value(c, raw);
      if (v === undefined) bad(key);
      else (f.values ??= []).push(v);
    } else if (raw === '1') f.blank = true;
    else bad(key);
  }
  s.filters = [...byCol.values()];
  return { state: normalize(s), unread };
}

// --- SQL -------------------------------------------------------------------------------------

/** An identifier, quoted: the schema's names only reach here, but quoting keeps any name whole. */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Text as a SQL string literal; a NUL (which DuckDB's literals cannot hold) joined in as chr(0). */
export function literal(s: string): string {
  const parts = s.split('\0').map((p) => `'${p.replace(/'/g, "''")}'`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(' || chr(0) || ')})`;
}

/** A value of column `c` as a literal of its type. */
function typed(c: Column, v: number | string): string {
  if (isNumeric(c)) {
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n)) throw new Error(`not a number for ${c.name}`);
    return plainNumber(n);
  }
  if (c.type === 'date') {
    if (typeof v !== 'string' || !isDate(v)) throw new Error(`not a date for ${c.name}`);
    return `DATE ${literal(v)}`;
  }
  return literal(String(v));
}

/** The conditions of one column's filter. */
function conditions(c: Column, f: ColumnFilter): string[] {
  const col = ident(c.name);
  const out: string[] = [];
  if (f.min !== undefined) out.push(`${col} >= ${typed(c, f.min)}`);
  if (f.max !== undefined) out.push(`${col} <= ${typed(c, f.max)}`);
  if (f.contains) out.push(`strpos(lower(${col}), lower(${literal(f.contains)})) > 0`);
  const values = f.values ?? [];
  if (values.length || f.blank) {
    const parts: string[] = [];
    if (values.length === 1) parts.push(`${col} = ${typed(c, values[0]!)}`);
    else if (values.length > 1) parts.push(`${col} IN (${values.map((v) => typed(c, v)).join(', ')})`);
    if (f.blank) parts.push(`${col} IS NULL`);
    out.push(parts.length > 1 ? `(${parts.join(' OR ')})` : parts[0]!);
  }
  return out;
}

/** The WHERE clause of the view ('' when nothing is filtered), one condition a line. */
export function whereSql(s: ExploreState): string {
  const def = tableDef(s.table);
  if (!def) throw new Error(`no table ${s.table}`);
  const conds = s.filters.flatMap((f) => {
    const c = columnOf(def, f.col);
    if (!c) throw new Error(`no column ${f.col} in ${def.name}`);
    return conditions(c, f);
  });
  return conds.length ? `WHERE ${conds.join('\n  AND ')}` : '';
}

/** ORDER BY: the chosen column (blanks last), then the table's key, so pages never overlap. */
export function orderSql(s: ExploreState): string {
  const def = tableDef(s.table)!;
  const parts: string[] = [];
  if (s.sort) parts.push(`${ident(s.sort.col)}${s.sort.desc ? ' DESC' : ''} NULLS LAST`);
  for (const k of def.key) if (k !== s.sort?.col) parts.push(ident(k));
  return `ORDER BY ${parts.join(', ')}`;
}

const lines = (...parts: string[]) => parts.filter(Boolean).join('\n');

/** Every row of the view (all pages), in its order: what the downloads and the notebook get. */
export function rowsSql(s: ExploreState): string {
  return lines(`SELECT *`, `FROM ${ident(s.table)}`, whereSql(s), orderSql(s));
}

/** One page of rows. */
export function pageSql(s: ExploreState, page = s.page): string {
  return lines(rowsSql(s), `LIMIT ${PAGE_SIZE} OFFSET ${(Math.max(1, page) - 1) * PAGE_SIZE}`);
}

/** The rows of the view, counted; and of the whole table. */
export function countSql(s: ExploreState): string {
  return lines(`SELECT count(*) AS n, (SELECT count(*) FROM ${ident(s.table)}) AS total`, `FROM ${ident(s.table)}`, whereSql(s));
}

/**
 * Value counts of the facet columns over the rows of the view, in one query: a row per
 * (facet, value), FACET_LIMIT + 1 a facet (so that more can be told), facets in their order; text
 * values the most frequent first, numbers and dates in their own order (years run as years).
 * Values come back as text (NULL stays NULL), with `n` the count and `distinct_values` the number
 * of different values.
 */
export function facetSql(s: ExploreState, facets = s.facets): string {
  if (!facets.length) return '';
  const def = tableDef(s.table)!;
  const where = whereSql(s);
  const parts = facets.map((name, k) => {
    const c = columnOf(def, name);
    if (!c) throw new Error(`no column ${name} in ${def.name}`);
    const col = ident(name);
    const order = c.type === 'string' ? `count(*) DESC, ${col} NULLS LAST` : `${col} NULLS LAST`;
    return lines(
      `  SELECT ${k} AS k, ${literal(name)} AS facet, CAST(${col} AS VARCHAR) AS value, count(*) AS n,`,
      `    count(*) OVER () AS distinct_values, row_number() OVER (ORDER BY ${order}) AS r`,
      `  FROM ${ident(s.table)}`,
      // Not indented: a literal may hold a line break.
      where,
      `  GROUP BY ${col}`,
      `  QUALIFY r <= ${FACET_LIMIT + 1}`,
    );
  });
  return lines('SELECT facet, value, n, distinct_values FROM (', parts.join('\n  UNION ALL\n'), ')', 'ORDER BY k, r');
}

/**
 * Distinct values of the columns not yet faceted, over the rows of the view: the columns with 2 to
 * SUGGEST_MAX are suggested as facets. Long free text (messages, narrative) is left out.
 */
export function suggestSql(s: ExploreState): string {
  const def = tableDef(s.table)!;
  const cols = suggestable(def).filter((c) => !s.facets.includes(c.name));
  if (!cols.length) return '';
  return lines(`SELECT ${cols.map((c) => `count(DISTINCT ${ident(c.name)}) AS ${ident(c.name)}`).join(', ')}`, `FROM ${ident(s.table)}`, whereSql(s));
}

/**
 * Columns that may be suggested as facets: text, dates and the year — the columns an editor groups
 * by; not free text (titles, messages, hashes), not a one-column key, not counts (a count with few
 * values is a coincidence of small data, not a category).
 */
export function suggestable(def: TableDef): Column[] {
  const free = new Set(['text', 'message', 'message_zh', 'message_en', 'raw', 'detail', 'title', 'source_sha256', 'source_url', 'source_file', 'heading', 'source_cell']);
  return def.columns.filter((c) => !free.has(c.name) && !(def.key.length === 1 && def.key[0] === c.name)
    && (c.type === 'string' || c.type === 'date' || c.name === 'year'));
}

/** The facets to suggest, from suggestSql's one row of distinct counts. */
export function suggestions(s: ExploreState, counts: Record<string, unknown>, rows: number): string[] {
  const def = tableDef(s.table)!;
  return suggestable(def).map((c) => c.name).filter((n) => {
    const d = Number(counts[n]);
    return !s.facets.includes(n) && d >= 2 && d <= SUGGEST_MAX && d < rows;
  });
}

// --- Changing a view --------------------------------------------------------------------------

/** The state with column `col`'s filter replaced (or removed when empty); back to page 1. */
export function withFilter(s: ExploreState, f: ColumnFilter): ExploreState {
  const filters = s.filters.filter((x) => x.col !== f.col);
  if (!isEmptyFilter(f)) filters.push(f);
  return normalize({ ...s, filters, page: 1 });
}

export const filterFor = (s: ExploreState, col: string): ColumnFilter => s.filters.find((f) => f.col === col) ?? { col };

/**
 * A facet value clicked: added to the column's values, or taken out when it is there (NULL is the
 * blank flag). Facet values arrive as text; numeric columns get numbers.
 */
export function toggleValue(s: ExploreState, col: string, raw: string | null): ExploreState {
  const def = tableDef(s.table)!;
  const c = columnOf(def, col);
  if (!c) return s;
  const f = { ...filterFor(s, col) };
  if (raw === null) {
    f.blank = !f.blank;
    return withFilter(s, f);
  }
  const v = isNumeric(c) ? Number(raw) : raw;
  const values = f.values ?? [];
  f.values = values.includes(v) ? values.filter((x) => x !== v) : [...values, v];
  return withFilter(s, f);
}

/** Sort by a column: ascending first, then descending, then ascending again. */
export function toggleSort(s: ExploreState, col: string): ExploreState {
  const desc = s.sort?.col === col ? !s.sort.desc : false;
  return normalize({ ...s, sort: { col, desc }, page: 1 });
}

/** The notebook title of a view. */
export function viewTitle(s: ExploreState, lang: 'zh' | 'en'): string {
  const def = tableDef(s.table)!;
  const label = lang === 'zh' ? def.zh : def.en.split(':')[0];
  return `${label} (${def.name})${s.filters.length ? (lang === 'zh' ? '，已筛选' : ', filtered') : ''}`;
}
