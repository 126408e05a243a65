/**
 * The table browser's model: a view ⇄ its URL (Chinese text and odd characters included, any state
 * round-trips), and view → SQL run by a real DuckDB over every published table's columns, checked
 * against the same filters evaluated in plain JavaScript. A value with quotes stays a value.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  countSql, decodeState, defaultFacets, defaultState, encodeState, facetSql, literal, normalize, pageSql, rowsSql,
  suggestSql, suggestions, toggleSort, toggleValue, withFilter, PAGE_SIZE, type ColumnFilter, type ExploreState,
} from '../../src/query/explore.ts';
import { decodeNotebook, encodeNotebook } from '../../src/query/permalink.ts';
import { TABLES, type Column, type TableDef } from '../../src/schema/tables.ts';

const def = (name: string) => TABLES.find((t) => t.name === name)! as TableDef;

describe('a view in the URL', () => {
  test('the default view is the bare page; a table alone names only the table', () => {
    expect(encodeState(defaultState())).toBe('');
    expect(decodeState('')).toEqual({ state: defaultState(), unread: [] });
    expect(encodeState(defaultState('reports'))).toBe('?table=reports');
    expect(defaultFacets(def('summary'))).toEqual(['year', 'province', 'template', 'status']);
  });

  test('filters, sort, page and facets round-trip, Chinese and odd characters included', () => {
    const s: ExploreState = {
      table: 'summary',
      filters: [
        { col: 'agency_name', contains: "投资 & 促进'局\"%_#?=+;--" },
        { col: 'city', values: ['福州市', 'a,b', ''], blank: true },
        { col: 'year', min: 2020, max: 2023 },
        { col: 'status', values: ['ok', 'warnings'] },
        { col: 'fees_charged', min: -0.5, max: 1e21 },
      ],
      sort: { col: 'proactive_total', desc: true },
      page: 3,
      facets: ['status', 'city'],
    };
    const url = encodeState(s);
    // Readable: the Datasette-like keys are there, the Chinese is percent-encoded UTF-8.
    expect(url).toMatch(/^\?table=summary&agency_name\.contains=%E6%8A%95%E8%B5%84\+%26\+%E4%BF%83%E8%BF%9B%27%E5%B1%80%22%25_%23%3F%3D%2B%3B--&city\.in=%E7%A6%8F%E5%B7%9E%E5%B8%82&city\.in=a,b&city\.in=&city\.blank=1&year\.min=2020&year\.max=2023/);
    expect(url).toContain('&sort=-proactive_total&page=3&facets=status,city');
    expect(url).toContain('fees_charged.max=1000000000000000000000');
    const back = decodeState(url);
    expect(back.unread).toEqual([]);
    expect(back.state).toEqual(normalize(s));
    // Normalised: filters in column order.
    expect(back.state.filters.map((f) => f.col)).toEqual(['agency_name', 'city', 'year', 'fees_charged', 'status']);
    // Through a real URL (as the browser holds it) too.
    const href = new URL(`http://x/explore/${url}#frag`);
    expect(decodeState(href.search).state).toEqual(normalize(s));
  });

  test('what a link holds that the schema does not know is left out and named', () => {
    const r = decodeState("?table=summary&year.min=20x0&year.max=2023&nope.contains=x&status.in=bogus&status.in=ok&agency_name.min=3&sort=-nope&page=0&facets=status,zzz&x=1&year.contains=1&province.blank=yes");
    expect(r.state.filters).toEqual([{ col: 'year', max: 2023 }, { col: 'status', values: ['ok'] }]);
    expect(r.state.sort).toBeNull();
    expect(r.state.page).toBe(1);
    expect(r.state.facets).toEqual(['status']);
    expect(r.unread).toEqual(['year.min', 'nope.contains', 'status.in', 'agency_name.min', 'sort', 'page', 'facets', 'x', 'year.contains', 'province.blank']);
    const t = decodeState('?table=DROP%20TABLE%20summary&year.min=2020');
    expect(t.unread).toEqual(['table']);
    expect(t.state.table).toBe('summary');
    expect(t.state.filters).toEqual([{ col: 'year', min: 2020 }]);
    // Dates must be calendar dates.
    expect(decodeState('?table=reports&published_on.min=2023-02-31').unread).toEqual(['published_on.min']);
    expect(decodeState('?table=reports&published_on.min=2024-02-29').state.filters).toEqual([{ col: 'published_on', min: '2024-02-29' }]);
  });

  /** Any state a reader can make: a table, filters its columns can hold, a sort, a page, facets. */
  const text = fc.string({ unit: 'binary', maxLength: 12 });
  const filterOf = (c: Column): fc.Arbitrary<ColumnFilter> => {
    const num = c.type === 'integer' ? fc.integer({ min: -1e6, max: 1e6 }) : fc.double({ noNaN: true, noDefaultInfinity: true });
    const date = fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const bound: fc.Arbitrary<string | number | undefined> = c.type === 'string' ? fc.constant(undefined) : c.type === 'date' ? date : num;
    const values = c.values ? fc.constantFrom(...c.values) : c.type === 'string' ? text : c.type === 'date' ? date : num;
    return fc.record({
      col: fc.constant(c.name),
      min: fc.option(bound, { nil: undefined }),
      max: fc.option(bound, { nil: undefined }),
      contains: fc.option(c.type === 'string' && !c.values ? text : fc.constant(undefined), { nil: undefined }),
      values: fc.option(fc.array(values as fc.Arbitrary<string | number>, { maxLength: 4 }), { nil: undefined }),
      blank: fc.option(fc.boolean(), { nil: undefined }),
    }, { requiredKeys: ['col'] }).map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as unknown as ColumnFilter);
  };
  const state: fc.Arbitrary<ExploreState> = fc.constantFrom(...TABLES.map((t) => t as TableDef)).chain((t) => fc.record({
    table: fc.constant(t.name),
    filters: fc.uniqueArray(fc.constantFrom(...t.columns), { maxLength: 5, selector: (c) => c.name }).chain((cols) => fc.tuple(...cols.map(filterOf))),
    sort: fc.option(fc.record({ col: fc.constantFrom(...t.columns.map((c) => c.name)), desc: fc.boolean() }), { nil: null }),
    page: fc.integer({ min: 1, max: 10_000 }),
    facets: fc.uniqueArray(fc.constantFrom(...t.columns.map((c) => c.name)), { maxLength: 6 }),
  })).map(normalize);

  test('property: decode(encode(state)) = state', () => {
    fc.assert(fc.property(state, (s) => {
      const r = decodeState(encodeState(s));
      expect(r.unread).toEqual([]);
      expect(r.state).toEqual(s);
    }), { numRuns: 1000, seed: 20261129 });
  });

  test('changing a view: a facet value toggles, a sort flips, a filter goes back to page 1', () => {
    let s = { ...defaultState(), page: 4 };
    s = toggleValue(s, 'year', '2023');
    expect(s.filters).toEqual([{ col: 'year', values: [2023] }]);
    expect(s.page).toBe(1);
    s = toggleValue(s, 'city', null);
    s = toggleValue(s, 'year', '2023');
    expect(s.filters).toEqual([{ col: 'city', blank: true }]);
    s = toggleSort(toggleSort(s, 'year'), 'year');
    expect(s.sort).toEqual({ col: 'year', desc: true });
    s = withFilter(s, { col: 'city' });
    expect(s.filters).toEqual([]);
  });
});

describe('a view as SQL, in DuckDB', () => {
  let db: DuckDBInstance;
  let conn: DuckDBConnection;
  type Val = string | number | null;
  const rows: Record<string, Record<string, Val>[]> = {};
  const SQL_TYPE = { string: 'VARCHAR', integer: 'BIGINT', number: 'DOUBLE', date: 'DATE' } as const;
  /** Text that tries to leave its literal, Chinese, and plain words. */
  const NASTY = ["'; DROP TABLE summary; --", "O'Brien", "a''b", '"quoted"', '投资促进局', '平潭 综合实验区', "\\'", '%', '_', 'x\ny', 'Ünïcode', ''];

  /** Synthetic rows for a table: every column's type, blanks, and the nasty strings. */
  function fake(t: TableDef): Record<string, Val>[] {
    return Array.from({ length: 60 }, (_, i) => Object.fromEntries(t.columns.map((c, j) => {
      const k = (i * 7 + j * 3) % 13;
      let v: Val;
      if (k === 0 && !c.required) v = null;
      else if (c.values) v = c.values[(i + j) % c.values.length]!;
      else if (c.type === 'integer') v = c.name === 'year' ? 2019 + (i % 7) : (i * 37 + j) % 101 - 5;
      else if (c.type === 'number') v = ((i * 13 + j) % 50) / 4;
      else if (c.type === 'date') v = `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`;
      else v = `${NASTY[(i + j) % NASTY.length]}${i % 3 === 0 ? '' : ` ${c.name} ${i % 5}`}`;
      return [c.name, v];
    })));
  }

  beforeAll(async () => {
    db = await DuckDBInstance.create(':memory:');
    conn = await db.connect();
    for (const t of TABLES) {
      await conn.run(`CREATE TABLE ${t.name} (${t.columns.map((c) => `"${c.name}" ${SQL_TYPE[c.type]}`).join(', ')})`);
      const data = fake(t as TableDef);
      rows[t.name] = data;
      const app = await conn.createAppender(t.name);
      for (const r of data) {
        for (const c of t.columns) {
          const v = r[c.name];
          if (v === null || v === undefined) app.appendNull();
          else if (c.type === 'integer') app.appendBigInt(BigInt(v));
          else if (c.type === 'number') app.appendDouble(Number(v));
          else if (c.type === 'date') app.appendVarchar(String(v));
          else app.appendVarchar(String(v));
        }
        app.endRow();
      }
      app.closeSync();
    }
  });
  afterAll(() => {
    conn?.closeSync();
    db?.closeSync();
  });

  const run = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  const plain = (v: unknown): Val => (v === null || v === undefined ? null : typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'object' ? String(v) : v as Val);

  /** The filters of a view, in plain JavaScript: the independent reading the SQL must agree with. */
  function matches(t: TableDef, s: ExploreState, r: Record<string, Val>): boolean {
    return s.filters.every((f) => {
      const v = r[f.col] ?? null;
      if (f.min !== undefined && (v === null || v < f.min)) return false;
      if (f.max !== undefined && (v === null || v > f.max)) return false;
      if (f.contains && (v === null || !String(v).toLowerCase().includes(f.contains.toLowerCase()))) return false;
      if (f.values?.length || f.blank) return (v === null && !!f.blank) || (v !== null && (f.values ?? []).includes(v));
      return true;
    });
  }

  test('a literal is the text it holds, whatever the text (quotes, backslashes, NUL, any code point)', async () => {
    for (const s of [...NASTY, 'a\0b', '\0']) expect((await run(`SELECT ${literal(s)} AS v`))[0]!.v).toBe(s);
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), async (s) => {
      expect((await run(`SELECT ${literal(s)} AS v`))[0]!.v).toBe(s);
    }), { numRuns: 300, seed: 7 });
  });

  test('a search for SQL is a search: nothing runs, the table is still there', async () => {
    const s = withFilter(defaultState(), { col: 'agency_name', contains: "'; DROP TABLE summary; --" });
    const sql = rowsSql(s);
    expect(sql).toContain("lower('''; DROP TABLE summary; --')");
    const got = await run(sql);
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((r) => String(r.agency_name).includes("'; DROP TABLE summary; --"))).toBe(true);
    expect(Number((await run('SELECT count(*) AS n FROM summary'))[0]!.n)).toBe(60);
  });

  test('property: the rows, the count and the facet counts of any view are those JavaScript finds', async () => {
    // Filters drawn from values the rows really have, so that views are seldom empty.
    const view = fc.constantFrom(...TABLES.map((t) => t as TableDef)).chain((t) => {
      const data = rows[t.name]!;
      const col = fc.constantFrom(...t.columns);
      const f = col.chain((c): fc.Arbitrary<ColumnFilter> => {
        const seen = [...new Set(data.map((r) => r[c.name]).filter((v): v is string | number => v !== null))];
        const pick = fc.constantFrom(...seen);
        if (c.type === 'string' && !c.values) {
          return fc.oneof(
            pick.chain((v) => fc.record({ col: fc.constant(c.name), contains: fc.constant(String(v).slice(0, 4)) })),
            fc.record({ col: fc.constant(c.name), values: fc.array(pick, { minLength: 1, maxLength: 2 }), blank: fc.boolean() }),
          );
        }
        return fc.oneof(
          fc.record({ col: fc.constant(c.name), min: pick, max: pick }),
          fc.record({ col: fc.constant(c.name), values: fc.array(pick, { minLength: 1, maxLength: 3 }), blank: fc.boolean() }),
        );
      });
      return fc.record({
        table: fc.constant(t.name), filters: fc.array(f, { maxLength: 2 }),
        sort: fc.option(fc.record({ col: fc.constantFrom(...t.columns.map((c) => c.name)), desc: fc.boolean() }), { nil: null }),
        page: fc.integer({ min: 1, max: 2 }), facets: fc.uniqueArray(fc.constantFrom(...t.columns.map((c) => c.name)), { maxLength: 3 }),
      });
    }).map(normalize);
    await fc.assert(fc.asyncProperty(view, async (s) => {
      const t = def(s.table);
      const want = rows[s.table]!.filter((r) => matches(t, s, r));
      const all = (await run(rowsSql(s))).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])));
      const key = (r: Record<string, Val>) => JSON.stringify(t.columns.map((c) => r[c.name] ?? null));
      expect(all.map(key).sort()).toEqual(want.map(key).sort());
      const [count] = await run(countSql(s));
      expect(Number(count!.n)).toBe(want.length);
      expect(Number(count!.total)).toBe(60);
      // A page is its slice of the ordered rows.
      const page = await run(pageSql(s));
      expect(page.length).toBe(Math.max(0, Math.min(PAGE_SIZE, want.length - (s.page - 1) * PAGE_SIZE)));
      // Sorted as asked, blanks last.
      if (s.sort) {
        const col = s.sort.col;
        const vals = all.map((r) => r[col] ?? null);
        const firstNull = vals.indexOf(null);
        if (firstNull >= 0) expect(vals.slice(firstNull).every((v) => v === null)).toBe(true);
        const nn = vals.filter((v) => v !== null);
        for (let i = 1; i < nn.length; i++) {
          const a = nn[i - 1]!, b = nn[i]!;
          if (typeof a === 'number' && typeof b === 'number') expect(s.sort.desc ? a >= b : a <= b).toBe(true);
        }
      }
      if (s.facets.length) {
        const facets = await run(facetSql(s));
        for (const name of s.facets) {
          const counts = new Map<Val, number>();
          for (const r of want) counts.set(r[name] ?? null, (counts.get(r[name] ?? null) ?? 0) + 1);
          const got = facets.filter((r) => r.facet === name);
          expect(got.length).toBe(Math.min(counts.size, 31));
          for (const g of got) {
            const c = t.columns.find((x) => x.name === name)!;
            const v = g.value === null ? null : c.type === 'integer' || c.type === 'number' ? Number(g.value) : String(g.value);
            expect(Number(g.n), `${name}=${String(v)}`).toBe(counts.get(v));
            expect(Number(g.distinct_values)).toBe(counts.size);
          }
        }
      }
      const sg = suggestSql(s);
      if (sg) suggestions(s, (await run(sg))[0]!, want.length);
    }), { numRuns: 150, seed: 42 });
  });

  test('every table\'s default view runs: rows, count, facets, suggestions', async () => {
    for (const t of TABLES) {
      const s = defaultState(t.name);
      expect((await run(pageSql(s))).length).toBe(PAGE_SIZE);
      if (s.facets.length) expect((await run(facetSql(s))).length).toBeGreaterThan(0);
      const sg = suggestSql(s);
      if (sg) expect(suggestions(s, (await run(sg))[0]!, 60).every((n) => !s.facets.includes(n))).toBe(true);
    }
  });

  test('the view opens in the notebook as its SQL', () => {
    const s = withFilter(defaultState(), { col: 'year', min: 2020, max: 2023 });
    const nb = decodeNotebook(encodeNotebook({ title: 'x', cells: [{ type: 'sql', sql: rowsSql(s) }] }));
    expect(nb.cells[0]).toEqual({ type: 'sql', sql: 'SELECT *\nFROM "summary"\nWHERE "year" >= 2020\n  AND "year" <= 2023\nORDER BY "report_id"' });
  });
});
