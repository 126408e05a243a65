/**
 * The table browser in the page: reads the view from the URL, draws the filter form, the facets,
 * one page of rows and the pager, and keeps the URL in step; DuckDB (engine.ts) answers every
 * question with the SQL of src/query/explore.ts. Downloads hold every filtered row in the view's
 * order: CSV as the engine writes it, XLSX with a Chinese and an English header row and a sheet
 * that names the view, Parquet written like the published files (src/files/parquet.ts).
 * Everything a reader or a link supplies is shown as text.
 */
import { copyText } from '../actions.ts';
import { h } from '../dom.ts';
import { KEEP_ROWS, startEngine, type Engine, type Value } from './engine.ts';
import { showEngineStatus } from './status.ts';
import { display, saveBlob } from './values.ts';
import { pageLang, q } from '../../query/strings.ts';
import {
  countSql, decodeState, encodeState, facetSql, filterFor, orderSql, pageSql, rowsSql, suggestSql, suggestions,
  tableDef, toggleSort, toggleValue, viewTitle, whereSql, withFilter, normalize, defaultState, PAGE_SIZE,
  type ColumnFilter, type ExploreState,
} from '../../query/explore.ts';
import { encodeNotebook } from '../../query/permalink.ts';
import type { Column, Row, TableDef } from '../../schema/tables.ts';
import { pageHref, slugs } from '../../site/url.ts';
import { toParquet } from '../../files/parquet.ts';
import { xlsx } from '../../shared/xlsx.ts';
import { asCell, dataSheets, exportName } from '../../shared/export.ts';
import { plainNumber } from '../../shared/csv.ts';

const lang = pageLang();
/** The most rows a workbook or Parquet file made in the browser holds (the CSV streams, up to its byte cap). */
export const FILE_MAX_ROWS = 200_000;

/** Characters of a text cell shown in the table (Datasette cuts long cells too). */
const CELL_MAX = 280;
const label = (c: Column) => (lang === 'zh' ? c.zh : c.en);
const isNum = (c: Column) => c.type === 'integer' || c.type === 'number';
const fmt = (n: number) => n.toLocaleString('en-US');
const valueText = (v: string | number | null) => (v === null ? q(lang, 'exploreBlank') : typeof v === 'number' ? plainNumber(v) : v === '' ? '""' : v);

interface Counts { n: number; total: number }

export function explore(root: HTMLElement): void {
  showEngineStatus(root);
  const version = root.dataset.version ?? '';
  const tablePick = root.querySelector<HTMLSelectElement>('#ex-table')!;
  const form = root.querySelector<HTMLFormElement>('.ex-filter-form')!;
  const facetList = root.querySelector<HTMLElement>('.ex-facet-list')!;
  const suggested = root.querySelector<HTMLElement>('.ex-suggested')!;
  const addFacet = root.querySelector<HTMLSelectElement>('#ex-add-facet')!;
  const active = root.querySelector<HTMLElement>('.ex-active')!;
  const count = root.querySelector<HTMLElement>('.ex-count')!;
  const note = root.querySelector<HTMLElement>('.ex-note')!;
  const tableBox = root.querySelector<HTMLElement>('.ex-table')!;
  const pager = root.querySelector<HTMLElement>('.ex-pager')!;
  const where = pager.querySelector<HTMLElement>('.pager-where')!;
  const sqlEl = root.querySelector<HTMLElement>('#ex-sql')!;
  const notebookLink = root.querySelector<HTMLAnchorElement>('#ex-notebook')!;
  const downloads = [...root.querySelectorAll<HTMLButtonElement>('.ex-downloads button[data-format]')];
  const downloadLabel = root.querySelector<HTMLElement>('.ex-download-label')!;
  const linkBox = root.querySelector<HTMLInputElement>('#ex-link')!;
  const copy = root.querySelector<HTMLButtonElement>('button[data-action="copy-link"]')!;
  copy.addEventListener('click', () => void copyText(linkBox.value).then(() => {
    copy.textContent = q(lang, 'copied');
    setTimeout(() => (copy.textContent = q(lang, 'copyPermalink')), 1500);
  }));

  const link = decodeState(location.search);
  let state = link.state;
  if (link.unread.length) {
    // Said before the URL is rewritten: the reader learns the view is not quite the one linked.
    const problem = root.querySelector<HTMLElement>('.link-problem')!;
    problem.textContent = q(lang, 'exploreBadLink', { params: link.unread.join(', ') });
    problem.hidden = false;
  }
  let counts: Counts | null = null;
  let run = 0;
  const def = () => tableDef(state.table)!;

  /** The URL (and the language switch) follow the view; `push` makes a step the Back button undoes. */
  const writeUrl = (push: boolean) => {
    const url = new URL(location.href);
    url.search = encodeState(state);
    if (url.href !== location.href) {
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    linkBox.value = url.href;
    const sw = document.querySelector<HTMLAnchorElement>('a.lang-switch');
    if (sw) {
      const target = new URL(sw.href);
      target.search = url.search;
      sw.href = target.href;
    }
  };

  /** A new view: the URL, the controls that show it, then DuckDB's answer. */
  const go = (next: ExploreState, opts: { push?: boolean; form?: boolean } = {}) => {
    const tableChanged = next.table !== state.table;
    state = normalize(next);
    writeUrl(opts.push ?? true);
    if (tableChanged) counts = null;
    draw(opts.form ?? true);
    void refresh();
  };

  // --- the filter form ------------------------------------------------------------------------

  let typing = 0;
  function filterForm(): void {
    const t = def();
    form.replaceChildren(...t.columns.map((c) => {
      const f = filterFor(state, c.name);
      const id = `ex-f-${c.name}`;
      const box = h('details', { className: 'ex-col', open: state.filters.some((x) => x.col === c.name) });
      box.dataset.col = c.name;
      box.append(h('summary', {}, h('span', {}, label(c)), ' ', h('code', {}, c.name)));
      const set = (patch: Partial<ColumnFilter>, push = true) => go(withFilter(state, { ...filterFor(state, c.name), ...patch }), { push, form: push });
      if (isNum(c) || c.type === 'date') {
        const input = (which: 'min' | 'max') => {
          const el = h('input', { type: c.type === 'date' ? 'date' : 'number', id: `${id}-${which}`, name: `${c.name}.${which}`, value: f[which] === undefined ? '' : String(f[which]) });
          if (c.type !== 'date') el.step = 'any';
          el.addEventListener('change', () => {
            const raw = el.value.trim();
            const v = raw === '' ? undefined : c.type === 'date' ? raw : Number(raw);
            set({ [which]: typeof v === 'number' && !Number.isFinite(v) ? undefined : v });
          });
          return h('label', { className: 'ex-bound', htmlFor: el.id }, h('span', {}, q(lang, which === 'min' ? 'exploreMin' : 'exploreMax')), el);
        };
        box.append(h('div', { className: 'ex-range' }, input('min'), input('max')));
      }
      if (c.type === 'string' && !c.values) {
        const el = h('input', { type: 'search', id: `${id}-contains`, name: `${c.name}.contains`, value: f.contains ?? '', placeholder: q(lang, 'exploreContainsHint') });
        el.addEventListener('input', () => {
          clearTimeout(typing);
          // Typing rewrites the URL in place (no Back step per letter) and keeps the box focused.
          typing = window.setTimeout(() => set({ contains: el.value === '' ? undefined : el.value }, false), 300);
        });
        el.addEventListener('change', () => {
          clearTimeout(typing);
          if ((filterFor(state, c.name).contains ?? '') !== el.value) set({ contains: el.value === '' ? undefined : el.value }, false);
        });
        box.append(h('label', { className: 'ex-contains', htmlFor: el.id }, h('span', {}, q(lang, 'exploreContains')), el));
      }
      // "Is one of": every value of an enumeration, else the values picked from the facets.
      const choices: (string | number)[] = c.values ? [...c.values] : [...(f.values ?? [])];
      const checks = choices.map((v) => {
        const el = h('input', { type: 'checkbox', checked: (f.values ?? []).includes(v) });
        el.addEventListener('change', () => go(toggleValue(state, c.name, String(v))));
        return h('label', { className: 'ex-check' }, el, ' ', valueText(v));
      });
      if (!c.required && (c.values || f.blank || choices.length)) {
        const el = h('input', { type: 'checkbox', checked: !!f.blank });
        el.addEventListener('change', () => go(toggleValue(state, c.name, null)));
        checks.push(h('label', { className: 'ex-check' }, el, ' ', q(lang, 'exploreBlank')));
      }
      if (checks.length) box.append(h('fieldset', { className: 'ex-values' }, h('legend', { className: 'sr-only' }, `${label(c)} ${q(lang, 'exploreIs')}`), ...checks));
      return box;
    }));
  }

  // --- what is filtered, as chips that remove their part ----------------------------------------

  function chips(): void {
    const t = def();
    const items: HTMLElement[] = [];
    for (const f of state.filters) {
      const c = t.columns.find((x) => x.name === f.col)!;
      const add = (text: string, patch: Partial<ColumnFilter>) => {
        const b = h('button', { type: 'button', className: 'ex-chip' }, `${label(c)} ${text}`, h('span', { className: 'x' }, '✕'));
        b.dataset.col = c.name;
        b.setAttribute('aria-label', q(lang, 'exploreRemoveFilter', { what: `${label(c)} ${text}` }));
        b.addEventListener('click', () => go(withFilter(state, { ...filterFor(state, c.name), ...patch })));
        items.push(h('li', {}, b));
      };
      if (f.min !== undefined) add(`≥ ${valueText(f.min)}`, { min: undefined });
      if (f.max !== undefined) add(`≤ ${valueText(f.max)}`, { max: undefined });
      if (f.contains) add(`${q(lang, 'exploreContains')} “${f.contains}”`, { contains: undefined });
      const vals = [...(f.values ?? []).map(valueText), ...(f.blank ? [q(lang, 'exploreBlank')] : [])];
      if (vals.length) add(`${q(lang, 'exploreIs')} ${vals.join(` ${q(lang, 'exploreOr')} `)}`, { values: undefined, blank: undefined });
    }
    if (!items.length) {
      active.replaceChildren(h('p', { className: 'muted' }, q(lang, 'exploreNoFilter')));
      return;
    }
    const clear = h('button', { type: 'button', className: 'ex-clear' }, q(lang, 'exploreClearAll'));
    clear.addEventListener('click', () => go({ ...state, filters: [], page: 1 }));
    active.replaceChildren(h('span', { className: 'ex-active-label' }, q(lang, 'exploreActive')), h('ul', {}, ...items), clear);
  }

  // --- facets ---------------------------------------------------------------------------------

  function facetChoices(): void {
    const t = def();
    const rest = t.columns.filter((c) => !state.facets.includes(c.name));
    addFacet.replaceChildren(h('option', { value: '' }, '—'), ...rest.map((c) => h('option', { value: c.name }, `${c.name} · ${label(c)}`)));
    addFacet.value = '';
  }
  addFacet.addEventListener('change', () => {
    if (addFacet.value) go({ ...state, facets: [...state.facets, addFacet.value] }, { form: false });
  });

  interface FacetRow { facet: string; value: string | null; n: number; distinct_values: number }
  function drawFacets(rows: FacetRow[] | null): void {
    const t = def();
    facetList.replaceChildren(...state.facets.map((name) => {
      const c = t.columns.find((x) => x.name === name)!;
      const f = filterFor(state, name);
      const remove = h('button', { type: 'button', className: 'icon' }, '✕');
      remove.setAttribute('aria-label', q(lang, 'exploreFacetRemove', { name: label(c) }));
      remove.addEventListener('click', () => go({ ...state, facets: state.facets.filter((x) => x !== name) }, { form: false }));
      const box = h('section', { className: 'ex-facet' }, h('h3', {}, h('span', {}, label(c)), ' ', h('code', {}, name), remove));
      box.dataset.facet = name;
      if (!rows) return box;
      const mine = rows.filter((r) => r.facet === name);
      const list = h('ul', {}, ...mine.slice(0, 30).map((r) => {
        const v = r.value === null ? null : isNum(c) ? Number(r.value) : r.value;
        const on = v === null ? !!f.blank : (f.values ?? []).includes(v);
        const b = h('button', { type: 'button', className: 'ex-facet-value' }, valueText(v));
        b.setAttribute('aria-pressed', String(on));
        b.dataset.value = r.value ?? '';
        if (r.value === null) b.dataset.blank = '';
        b.addEventListener('click', () => go(toggleValue(state, name, r.value)));
        return h('li', {}, b, ' ', h('span', { className: 'n' }, fmt(r.n)));
      }));
      box.append(list);
      const more = (mine[0]?.distinct_values ?? 0) - Math.min(mine.length, 30);
      if (more > 0) box.append(h('p', { className: 'muted' }, q(lang, 'exploreFacetMore', { n: fmt(more) })));
      return box;
    }));
  }

  function drawSuggestions(names: string[]): void {
    const t = def();
    const list = suggested.querySelector('ul')!;
    list.replaceChildren(...names.map((n) => {
      const c = t.columns.find((x) => x.name === n)!;
      const b = h('button', { type: 'button' }, `+ ${label(c)}`);
      b.dataset.suggest = n;
      b.addEventListener('click', () => go({ ...state, facets: [...state.facets, n] }, { form: false }));
      return h('li', {}, b);
    }));
    suggested.hidden = names.length === 0;
  }

  // --- the page of rows -------------------------------------------------------------------------

  function drawRows(columns: string[], rows: Value[][]): void {
    const t = def();
    if (!rows.length) {
      tableBox.replaceChildren(h('p', { className: 'muted ex-empty' }, q(lang, 'exploreNoRows')));
      return;
    }
    const table = h('table', { className: 'data result ex-rows' });
    table.append(h('caption', { className: 'sr-only' }, q(lang, 'exploreResult', { table: t.name })));
    const tr = h('tr');
    for (const name of columns) {
      const c = t.columns.find((x) => x.name === name);
      const th = h('th', { scope: 'col', className: c && isNum(c) ? 'num' : '' });
      const sorted = state.sort?.col === name;
      th.setAttribute('aria-sort', sorted ? (state.sort!.desc ? 'descending' : 'ascending') : 'none');
      const b = h('button', { type: 'button', className: 'ex-sort', title: q(lang, 'exploreSortBy', { name: c ? label(c) : name }) },
        h('span', { className: 'ex-colname' }, name), sorted ? (state.sort!.desc ? ' ▼' : ' ▲') : '', h('span', { className: 'ex-collabel' }, c ? label(c) : ''));
      b.dataset.sort = name;
      b.addEventListener('click', () => go(toggleSort(state, name), { form: false }));
      th.append(b);
      tr.append(th);
    }
    table.append(h('thead', {}, tr));
    const body = h('tbody');
    for (const r of rows) {
      const row = h('tr');
      r.forEach((v, i) => {
        const name = columns[i]!;
        const c = t.columns.find((x) => x.name === name);
        const td = h('td', { className: (c && isNum(c) ? 'num' : '') + (v === null ? ' null' : '') });
        const text = display(v, c && isNum(c) ? 'number' : 'string');
        // Keys that have pages link to them.
        if (typeof v === 'string' && name === 'report_id') td.append(h('a', { href: pageHref(lang, slugs.report(encodeURIComponent(v))) }, text));
        else if (typeof v === 'string' && name === 'lineage_id') td.append(h('a', { href: pageHref(lang, slugs.agency(encodeURIComponent(v))) }, text));
        else if (text.length > CELL_MAX) {
          // Long text (sections 五 and 六, messages) is cut on the page, whole in the downloads.
          td.append(text.slice(0, CELL_MAX), h('span', { className: 'ex-cut', title: text }, '…'));
          td.dataset.cut = '';
        } else td.append(text);
        row.append(td);
      });
      body.append(row);
    }
    table.append(body);
    const scroll = h('div', { className: 'scroll', tabIndex: 0 }, table);
    scroll.setAttribute('role', 'region');
    scroll.setAttribute('aria-label', q(lang, 'exploreResult', { table: t.name }));
    tableBox.replaceChildren(scroll);
  }

  const pages = () => Math.max(1, Math.ceil((counts?.n ?? 0) / PAGE_SIZE));
  function drawCounts(): void {
    const n = counts?.n ?? 0;
    count.textContent = counts === null ? '…'
      : state.filters.length ? q(lang, 'exploreRows', { rows: fmt(n), total: fmt(counts.total) }) : q(lang, 'exploreRowsAll', { rows: fmt(n) });
    root.dataset.rows = counts === null ? '' : String(n);
    const from = n ? (state.page - 1) * PAGE_SIZE + 1 : 0;
    const to = Math.min(n, state.page * PAGE_SIZE);
    where.textContent = counts === null ? '' : q(lang, 'explorePage', { page: state.page, pages: pages(), from: fmt(from), to: fmt(to) });
    const at = (k: string) => pager.querySelector<HTMLButtonElement>(`button[data-page="${k}"]`)!;
    at('first').disabled = at('prev').disabled = state.page <= 1 || counts === null;
    at('next').disabled = at('last').disabled = state.page >= pages() || counts === null;
    downloadLabel.textContent = counts === null ? '' : q(lang, 'exploreDownload', { rows: fmt(n) });
    for (const b of downloads) b.disabled = counts === null || n === 0;
  }
  for (const [k, page] of [['first', () => 1], ['prev', () => state.page - 1], ['next', () => state.page + 1], ['last', () => pages()]] as const) {
    pager.querySelector<HTMLButtonElement>(`button[data-page="${k}"]`)!.addEventListener('click', () => go({ ...state, page: page() }, { form: false }));
  }

  /** Everything that follows from the state alone (no query needed). */
  function draw(withForm: boolean): void {
    tablePick.value = state.table;
    const named = q(lang, 'exploreResult', { table: state.table });
    root.querySelector('#ex-result-h')!.textContent = named;
    pager.setAttribute('aria-label', named);
    if (withForm) filterForm();
    chips();
    facetChoices();
    drawCounts();
    sqlEl.textContent = rowsSql(state);
    notebookLink.href = `${pageHref(lang, 'notebook/')}#nb=${encodeNotebook({ title: viewTitle(state, lang), cells: [{ type: 'sql', sql: rowsSql(state) }] })}`;
  }

  tablePick.addEventListener('change', () => go(defaultState(tablePick.value)));

  /** DuckDB's answer to the view: its count, its page, its facets and suggestions. */
  async function refresh(): Promise<void> {
    const mine = ++run;
    const s = state;
    root.setAttribute('aria-busy', 'true');
    try {
      const engine = await startEngine();
      if (mine !== run) return;
      const c = (await engine.query(countSql(s))).objects()[0]!;
      if (mine !== run) return;
      counts = { n: Number(c.n), total: Number(c.total) };
      // A page past the end (a link from before the data changed, or a narrower filter) is the last page.
      if (s.page > pages()) {
        state = { ...s, page: pages() };
        writeUrl(false);
        draw(false);
        void refresh();
        return;
      }
      drawCounts();
      const page = await engine.query(pageSql(s));
      if (mine !== run) return;
      drawRows(page.columns.map((x) => x.name), page.rows(0, page.kept));
      const fs = facetSql(s);
      const facets = fs ? (await engine.query(fs)).objects() as unknown as FacetRow[] : [];
      if (mine !== run) return;
      drawFacets(facets.map((r) => ({ ...r, n: Number(r.n), distinct_values: Number(r.distinct_values) })));
      const sg = suggestSql(s);
      const sugg = sg ? suggestions(s, (await engine.query(sg)).objects()[0] ?? {}, counts.n) : [];
      if (mine !== run) return;
      drawSuggestions(sugg);
      root.dataset.view = encodeState(s);
    } catch (e) {
      if (mine !== run) return;
      note.hidden = false;
      note.className = 'ex-note result-error';
      note.textContent = `${q(lang, 'error')}: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      if (mine === run) root.removeAttribute('aria-busy');
    }
  }

  // --- downloads ------------------------------------------------------------------------------

  /** Every row of the view, read a kept result at a time. */
  async function allRows(engine: Engine, s: ExploreState): Promise<{ columns: string[]; rows: Value[][] }> {
    const rows: Value[][] = [];
    let columns: string[] = [];
    for (let offset = 0; ; offset += KEEP_ROWS) {
      const r = await engine.query(`${rowsSql(s)}\nLIMIT ${KEEP_ROWS} OFFSET ${offset}`);
      columns = r.columns.map((c) => c.name);
      const got = r.rows(0, r.kept);
      for (const row of got) rows.push(row);
      if (got.length < KEEP_ROWS) break;
    }
    return { columns, rows };
  }

  const fileName = (s: ExploreState, ext: string) => exportName(`${s.table}${s.filters.length ? '-filtered' : ''}`, version, ext);

  async function download(format: string, button: HTMLButtonElement): Promise<void> {
    const s = state;
    const t: TableDef = def();
    const text = button.textContent;
    button.disabled = true;
    button.textContent = q(lang, 'preparing');
    note.hidden = true;
    note.className = 'ex-note';
    try {
      const engine = await startEngine();
      const n = counts?.n ?? 0;
      if (format === 'csv') {
        const result = await engine.query(rowsSql(s));
        saveBlob(await result.csv(), fileName(s, 'csv'));
        return;
      }
      if (n > FILE_MAX_ROWS) {
        note.hidden = false;
        note.className = 'ex-note result-error';
        note.textContent = q(lang, 'exploreTooLarge', { rows: fmt(n), max: fmt(FILE_MAX_ROWS), format: format === 'xlsx' ? 'XLSX' : 'Parquet' });
        return;
      }
      const { columns, rows } = await allRows(engine, s);
      if (format === 'parquet') {
        const objects: Row[] = rows.map((r) => Object.fromEntries(columns.map((name, i) => [name, r[i] as string | number | null])));
        saveBlob(new Blob([toParquet(t, objects) as BlobPart], { type: 'application/vnd.apache.parquet' }), fileName(s, 'parquet'));
        return;
      }
      const cols = columns.map((name) => t.columns.find((c) => c.name === name)!);
      const view = new URL(location.href).href;
      const sheets = dataSheets(cols.map((c) => ({ name: c.name, zh: c.zh, en: c.en })), rows.map((r) => r.map((v, i) => asCell(v, cols[i]!.type === 'date'))), {
        dataSheet: t.name, sheet: q(lang, 'exploreAbout'),
        head: [q(lang, 'exploreItem'), '中文', 'English'],
        lines: [
          [q(lang, 'exploreTable'), `${t.zh} (${t.name})`, `${t.en} (${t.name})`],
          [q(lang, 'exploreView'), view, view],
          [q(lang, 'exploreFilterText'), whereSql(s) || '—', whereSql(s) || '—'],
          [q(lang, 'exploreSortText'), orderSql(s), orderSql(s)],
          [q(lang, 'exploreRowsAll', { rows: fmt(rows.length) }), q('zh', 'exploreRowsAll', { rows: fmt(rows.length) }), q('en', 'exploreRowsAll', { rows: fmt(rows.length) })],
          [q(lang, 'exploreSource'), q('zh', 'exploreSourceText'), q('en', 'exploreSourceText')],
          ...(version ? [['version', version, version] as const] : []),
        ],
      });
      saveBlob(new Blob([xlsx(sheets) as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), fileName(s, 'xlsx'));
    } catch (e) {
      note.hidden = false;
      note.className = 'ex-note result-error';
      note.textContent = `${q(lang, 'error')}: ${e instanceof Error ? e.message : String(e)}`;
    } finally {
      button.disabled = false;
      button.textContent = text;
    }
  }
  for (const b of downloads) b.addEventListener('click', () => void download(b.dataset.format ?? 'csv', b));

  window.addEventListener('popstate', () => {
    const r = decodeState(location.search);
    if (r.state.table !== state.table) counts = null;
    state = r.state;
    draw(true);
    void refresh();
  });

  writeUrl(false);
  draw(true);
  drawFacets(null);
  void refresh();
}
