/**
 * The compare page and its embed: reads the state from the URL (and the form), draws a first chart
 * from the Parquet files at once, then runs the same question as SQL in DuckDB and redraws from
 * that. The chart has the site's actions: SVG, PNG, CSV and an embed code that runs the same query.
 *
 * Performance marks (read by scripts/bench-query.ts): atlas:first-chart (first chart on screen,
 * from Parquet via hyparquet), atlas:duckdb-ready (engine.ts), atlas:first-result (first chart
 * from DuckDB's answer).
 */
import { compareDownloads } from './compare-export.ts';
import { h } from '../dom.ts';
import { embedSnippet, EMBED_PAD, fallbackHeight } from '../../shared/embed.ts';
import { shortLabel as short } from '../../shared/chart-style.ts';
import { t } from '../../site/i18n.ts';
import { pageHref } from '../../site/url.ts';
import { colorAt, compareChart, legend, place, setPalette } from './chart.ts';
import {
  checkIds, compareRows, compareSql, DEFAULT_SERIES, measureLabel, namesOfCatalog, namesOfSummary, parseState, readState, stateQuery, unreadInOrder,
  type ComparePointRow, type CompareState, type Scope, type SeriesNames,
} from '../../query/compare-model.ts';
import { agencyPicker, loadCatalog, type Picker } from './picker.ts';
import { startEngine } from './engine.ts';
import { plain, readTable } from './parquet.ts';
import { encodeNotebook } from '../../query/permalink.ts';
import { showEngineStatus } from './status.ts';
import { pageLang, q } from '../../query/strings.ts';
import { display, msLabel } from './values.ts';

const lang = pageLang();

interface Series { key: string; kind: 'lineage' | 'agency'; id: string; name: string; color: string }

/** The names the page has now: the catalog's once it has arrived, else the data's (null before either). */
let names: SeriesNames | null = null;
let namesFrom: 'data' | 'catalog' | null = null;

/** Series in a stable order (as picked; else by id), each with its name and colour. */
function seriesOf(points: ComparePointRow[], s: CompareState): Series[] {
  // A lineage of several agencies says so: it may share its name with its latest agency.
  const lineageName = (id: string) => {
    const l = names?.lineages.get(id);
    return l ? (l.several ? q(lang, 'lineageName', { name: l.name }) : l.name) : undefined;
  };
  const keys: { kind: 'lineage' | 'agency'; id: string }[] = [
    ...s.lineages.map((id) => ({ kind: 'lineage' as const, id })),
    ...s.agencies.map((id) => ({ kind: 'agency' as const, id })),
  ];
  for (const p of points) if (!keys.some((k) => k.kind === p.kind && k.id === p.series)) keys.push({ kind: p.kind, id: p.series });
  return keys.map((k, i) => ({
    key: `${k.kind}:${k.id}`, kind: k.kind, id: k.id, color: colorAt(i),
    name: (k.kind === 'lineage' ? lineageName(k.id) : names?.agencies.get(k.id)) ?? k.id,
  }));
}

interface View {
  root: HTMLElement;
  embed: boolean;
  scope: Scope;
  site: string;
}

let lastDrawn: Parameters<typeof draw> | null = null;
/** The series names last drawn: redrawn when the catalog names them otherwise. */
let drawnNames = '';

/** Draws the answer: chart, legend, data table, downloads, embed code, SQL and notebook link. */
function draw(v: View, s: CompareState, points: ComparePointRow[], source: 'parquet' | 'duckdb', ms: number): void {
  lastDrawn = [v, s, points, source, ms];
  const { root, scope } = v;
  const series = seriesOf(points, s);
  drawnNames = series.map((x) => x.name).join('\u0000');
  const years = [...new Set(points.map((p) => p.year))].sort((a, b) => a - b);
  const label = measureLabel(s)[lang];
  const title = root.querySelector<HTMLElement>('#compare-title')!;
  title.textContent = label;
  const byKey = new Map(series.map((x) => [x.key, x]));
  const chartPoints = points.map((p) => ({ series: `${p.kind}:${p.series}`, name: byKey.get(`${p.kind}:${p.series}`)!.name, year: p.year, value: p.value }));
  const empty = points.length === 0 ? q(lang, 'noResult') : q(lang, 'noValue');
  const aria = `${label}: ${chartPoints.map((p) => `${p.name} ${p.year} ${display(p.value)}`).join('; ') || empty}`;
  const plot = root.querySelector<HTMLElement>('.plot[data-chart="compare"]')!;
  const svg = compareChart(chartPoints, {
    width: plot.clientWidth || 640,
    series: series.map((x) => ({ key: x.key, name: x.name, color: x.color })),
    years: years.length ? years : [s.from, s.to], yLabel: short(label), xLabel: t(lang, 'year'), ariaLabel: aria, empty,
  });
  place(plot, svg);
  legend(root.querySelector<HTMLElement>('#compare ul.legend')!, series.map((x) => ({ label: x.name, color: x.color })));

  // The data table: one row per series, one column per year; a cell links to its report.
  const table = root.querySelector<HTMLTableElement>('#compare-table')!;
  const headRow = h('tr', {}, h('th', { scope: 'col' }, q(lang, 'series')), ...years.map((y) => h('th', { scope: 'col', className: 'num' }, String(y))));
  table.tHead!.replaceChildren(headRow);
  table.tBodies[0]!.replaceChildren(...series.map((x) => {
    const tr = h('tr', {}, h('th', { scope: 'row' }, x.name, ...(x.kind === 'agency' ? [h('span', { className: 'zh-sub' }, x.id)] : [])));
    for (const y of years) {
      const p = points.find((pt) => `${pt.kind}:${pt.series}` === x.key && pt.year === y);
      const td = h('td', { className: 'num' });
      if (p) {
        const reports = p.reports.split(',').filter(Boolean);
        const text = display(p.value);
        if (reports.length === 1) td.append(h('a', { href: pageHref(lang, `report/${encodeURIComponent(reports[0]!)}/`) }, text));
        else td.append(text);
      }
      tr.append(td);
    }
    return tr;
  }));
  table.dataset.source = source;

  const query = stateQuery(s, scope);
  // Downloads: the chart with its title, legend, source and credit (SVG, PNG); its data in long form (CSV, CSV for Excel, XLSX).
  compareDownloads(root, lang, s, query, points, (p) => byKey.get(`${p.kind}:${p.series}`)!.name);
  const embed = root.querySelector<HTMLTextAreaElement>('#compare-embed');
  const pinned = root.querySelector<HTMLTextAreaElement>('#compare-embed-pinned');
  const version = root.querySelector<HTMLElement>('#compare')?.dataset.version ?? '';
  if (embed && pinned) {
    const src = (slug: string) => new URL(pageHref(lang, slug) + query, v.site || location.origin).href;
    const desc = s.from === s.to ? q(lang, 'compareDescOne', { measure: label, year: s.from }) : q(lang, 'compareDesc', { measure: label, from: s.from, to: s.to });
    // The embed page's layout: the chart is drawn at the frame's width (300 to 640 px), at most this tall.
    const height = fallbackHeight({
      // extra: the data table's toggle, and the credit's own paragraph under the caption.
      title: label, legend: series.map((x) => x.name), maxWidth: 640 + 2 * EMBED_PAD, extra: 56,
      caption: `${desc} ${q(lang, 'sumNote')} ${q(lang, 'computedBy', { ms: '1,000 ms' })} ${t(lang, 'chartSource', { date: '2000-01-01' })} ${t(lang, 'dataVersionLine', { version })} ${t(lang, 'credit')} · ${t(lang, 'openChart')}`,
      chartHeight: () => Math.max(300, svg.viewBox.baseVal.height),
    });
    const common = { title: label, height, maxWidth: 640 + 2 * EMBED_PAD };
    embed.value = embedSnippet({ ...common, src: src('embed/compare/') });
    pinned.value = embedSnippet({ ...common, src: src(`embed/v/${version}/compare/`), version });
  }
  const sql = compareSql(s);
  const sqlEl = root.querySelector<HTMLElement>('#compare-sql');
  if (sqlEl) sqlEl.textContent = sql;
  const nb = root.querySelector<HTMLAnchorElement>('#compare-notebook');
  if (nb) nb.href = pageHref(lang, 'notebook/') + '#nb=' + encodeNotebook({ title: label, cells: [{ type: 'sql', sql }, { type: 'chart', mark: years.length > 1 ? 'line' : 'bar', x: 'year', y: 'value', color: 'series' }] });
  const back = root.querySelector<HTMLAnchorElement>('a[data-compare-link]');
  if (back) back.href = pageHref(lang, 'compare/') + query;

  const caption = root.querySelector<HTMLElement>('#compare-source');
  if (caption) caption.textContent = source === 'duckdb' ? q(lang, 'computedBy', { ms: msLabel(ms) }) : q(lang, 'quickNote');
  root.querySelector<HTMLElement>('#compare-desc')!.textContent = (s.from === s.to
    ? q(lang, 'compareDescOne', { measure: label, year: s.from })
    : q(lang, 'compareDesc', { measure: label, from: s.from, to: s.to }))
    + (!s.lineages.length && !s.agencies.length && series.length >= DEFAULT_SERIES ? ` ${q(lang, 'compareTop', { n: DEFAULT_SERIES })}` : '');
  root.dataset.source = source;
}

/** The form ⇄ state. */
function readForm(form: HTMLFormElement, scope: Scope): CompareState {
  const fd = new FormData(form);
  const params = new URLSearchParams();
  params.set('lineage', fd.getAll('lineage').join(','));
  params.set('agency', fd.getAll('agency').join(','));
  for (const k of ['region', 'from', 'to', 'measure', 'row', 'applicant']) params.set(k, String(fd.get(k) ?? ''));
  return parseState(params.toString(), scope, names);
}

function writeForm(form: HTMLFormElement, s: CompareState, picker: Picker | null): void {
  picker?.set(s.lineages, s.agencies);
  const set = (name: string, value: string) => {
    const el = form.elements.namedItem(name) as HTMLSelectElement | null;
    if (el) el.value = value;
  };
  set('region', s.region);
  set('from', String(s.from));
  set('to', String(s.to));
  set('measure', s.measure);
  set('row', s.row);
  set('applicant', s.applicant);
  const t3 = form.querySelector<HTMLElement>('.t3-measure');
  if (t3) t3.hidden = s.measure !== 'applications';
}

export function compare(root: HTMLElement, opts: { embed?: boolean } = {}): void {
  const scope = JSON.parse(root.querySelector('script[type="application/json"]')!.textContent ?? '{}') as Scope;
  const palette = root.dataset.palette;
  if (palette) setPalette(JSON.parse(palette) as string[]);
  const v: View = { root, embed: !!opts.embed, scope, site: root.dataset.site ?? '' };
  showEngineStatus(root);
  // The page names no lineage: ids are checked once the data (or the catalog) names them.
  const link = readState(location.search, scope, null);
  let state = link.state;
  let unread = link.unread;
  let checked = false;
  const sayUnread = () => {
    if (!unread.length) return;
    // Said before the link is rewritten: the reader learns that the view is not the one linked.
    let problem = root.querySelector<HTMLElement>('.link-problem');
    if (!problem) {
      problem = h('p', { className: 'link-problem' });
      problem.setAttribute('role', 'alert');
      root.prepend(problem);
    }
    problem.textContent = q(lang, 'badCompareLink', { params: unread.join(', ') });
    problem.hidden = false;
  };
  sayUnread();
  let picker: Picker | null = null;
  const form = root.querySelector<HTMLFormElement>('form.compare-form');
  /** The link's ids against the names now known: those the data does not have are dropped and said. */
  const check = (known: SeriesNames) => {
    if (checked) return;
    checked = true;
    const c = checkIds(state, known);
    if (!c.unread.length) return;
    state = c.state;
    unread = unreadInOrder([...unread, ...c.unread]);
    sayUnread();
    if (form) writeForm(form, state, picker);
  };
  const useNames = (known: SeriesNames, from: 'data' | 'catalog') => {
    if (namesFrom === 'catalog') return;
    names = known;
    namesFrom = from;
    picker?.relabel();
  };

  let run = 0;
  let firstResult = false;
  let firstChart = false;
  let engineReady = false;

  const catalogUrl = root.dataset.catalog ?? '';
  const catalogNow = () => {
    if (!picker) return;
    void picker.load().catch(() => {});
  };
  const chartDrawn = () => {
    if (firstChart) return;
    firstChart = true;
    // Marked once the chart is laid out (next frame), like the site's benchmark; the picker's
    // catalog is fetched after it, never before.
    requestAnimationFrame(() => {
      performance.mark('atlas:first-chart');
      if ('requestIdleCallback' in window) requestIdleCallback(catalogNow, { timeout: 1000 });
      else setTimeout(catalogNow, 100);
    });
  };

  const answer = async () => {
    const mine = ++run;
    root.setAttribute('aria-busy', 'true');
    // A first chart straight from the Parquet files while DuckDB is not ready yet; DuckDB starts
    // only after it, so the engine is never on the path to the first chart.
    if (!engineReady) {
      try {
        const [summary, applications] = await Promise.all([
          readTable('summary'),
          state.measure === 'applications' ? readTable('applications') : Promise.resolve({ schema: [], rows: [] }),
        ]);
        const plainRows = (rows: typeof summary.rows) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, x]) => [k, plain(x)])));
        const rows = plainRows(summary.rows);
        if (!names) useNames(namesOfSummary(rows), 'data');
        check(names!);
        if (mine === run && !engineReady) {
          draw(v, state, compareRows(state, rows, plainRows(applications.rows)), 'parquet', 0);
          chartDrawn();
        }
      } catch {
        // DuckDB will answer.
      }
    }
    if (!checked) {
      // No Parquet: the catalog names the ids (or, failing that, the link stands as it is).
      try {
        const c = await loadCatalog(catalogUrl);
        useNames(namesOfCatalog(c.lineages), 'catalog');
        check(names!);
      } catch {
        checked = true;
      }
    }
    if (mine !== run) return;
    const s = state;
    const engine = startEngine();
    void engine.then(() => (engineReady = true), () => {});
    try {
      const e = await engine;
      const result = await e.query(compareSql(s));
      if (mine !== run) return;
      const points = result.objects().map((r) => ({
        kind: r.kind as 'lineage' | 'agency', series: String(r.series), year: Number(r.year),
        value: typeof r.value === 'number' ? r.value : null, reports: String(r.reports ?? ''),
      }));
      draw(v, s, points, 'duckdb', result.ms);
      chartDrawn();
      if (!firstResult) {
        firstResult = true;
        requestAnimationFrame(() => performance.mark('atlas:first-result'));
      }
    } catch (err) {
      if (mine !== run) return;
      const caption = root.querySelector<HTMLElement>('#compare-source');
      if (caption) caption.textContent = `${q(lang, 'error')}: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      if (mine === run) root.removeAttribute('aria-busy');
    }
  };

  if (form) {
    const changed = () => {
      state = readForm(form, scope);
      writeForm(form, state, picker);
      const url = new URL(location.href);
      url.search = stateQuery(state, scope);
      history.replaceState(null, '', url);
      // The language switch keeps the view.
      const sw = document.querySelector<HTMLAnchorElement>('a.lang-switch');
      if (sw) {
        const target = new URL(sw.href);
        target.search = url.search;
        sw.href = target.href;
      }
      void answer();
    };
    picker = agencyPicker(form, {
      lang, catalogUrl,
      fallback: (kind, id) => {
        if (kind === 'lineage') {
          const l = names?.lineages.get(id);
          return l ? { zh: l.name, several: l.several } : null;
        }
        const a = names?.agencies.get(id);
        return a ? { zh: a } : null;
      },
      onCatalog: (c) => {
        useNames(namesOfCatalog(c.lineages), 'catalog');
        // The chart takes the catalog's names where the data's differ (a lineage's latest agency).
        if (lastDrawn && seriesOf(lastDrawn[2], lastDrawn[1]).map((x) => x.name).join('\u0000') !== drawnNames) draw(...lastDrawn);
      },
      onChange: () => changed(),
    });
    writeForm(form, state, picker);
    form.addEventListener('change', (e) => {
      if ((e.target as Element).id !== 'compare-search') changed();
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      changed();
    });
    const sw = document.querySelector<HTMLAnchorElement>('a.lang-switch');
    if (sw && location.search) {
      const target = new URL(sw.href);
      target.search = location.search;
      sw.href = target.href;
    }
  }
  void answer();

  // The chart is drawn at the width of its box: again when that changes (a phone turned sideways).
  let width = root.querySelector<HTMLElement>('.plot[data-chart="compare"]')?.clientWidth ?? 0;
  let timer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      const now = root.querySelector<HTMLElement>('.plot[data-chart="compare"]')?.clientWidth ?? 0;
      if (lastDrawn && Math.abs(now - width) > 24 && (now < 640 || width < 640)) draw(...lastDrawn);
      width = now;
    }, 200);
  });
}
