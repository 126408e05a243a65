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
  compareRows, compareSql, measureLabel, parseState, readState, stateQuery,
  type Catalog, type ComparePointRow, type CompareState,
} from '../../query/compare-model.ts';
import { startEngine } from './engine.ts';
import { plain, readTable } from './parquet.ts';
import { encodeNotebook } from '../../query/permalink.ts';
import { showEngineStatus } from './status.ts';
import { pageLang, q } from '../../query/strings.ts';
import { display, msLabel } from './values.ts';

const lang = pageLang();

interface Series { key: string; kind: 'lineage' | 'agency'; id: string; name: string; color: string }

/** Series in a stable order (as picked; else by id), each with its name and colour. */
function seriesOf(points: ComparePointRow[], s: CompareState, cat: Catalog): Series[] {
  // A lineage of several agencies says so: it may share its name with its latest agency.
  const lineageName = new Map(cat.lineages.map((l) => [l.id, l.agencies.length > 1 ? q(lang, 'lineageName', { name: l.name }) : l.name]));
  const agencyName = new Map(cat.lineages.flatMap((l) => l.agencies.map((a) => [a.id, a.name] as const)));
  const keys: { kind: 'lineage' | 'agency'; id: string }[] = [
    ...s.lineages.map((id) => ({ kind: 'lineage' as const, id })),
    ...s.agencies.map((id) => ({ kind: 'agency' as const, id })),
  ];
  for (const p of points) if (!keys.some((k) => k.kind === p.kind && k.id === p.series)) keys.push({ kind: p.kind, id: p.series });
  return keys.map((k, i) => ({
    key: `${k.kind}:${k.id}`, kind: k.kind, id: k.id, color: colorAt(i),
    name: (k.kind === 'lineage' ? lineageName.get(k.id) : agencyName.get(k.id)) ?? k.id,
  }));
}

interface View {
  root: HTMLElement;
  embed: boolean;
  cat: Catalog;
  site: string;
}

let lastDrawn: Parameters<typeof draw> | null = null;

/** Draws the answer: chart, legend, data table, downloads, embed code, SQL and notebook link. */
function draw(v: View, s: CompareState, points: ComparePointRow[], source: 'parquet' | 'duckdb', ms: number): void {
  lastDrawn = [v, s, points, source, ms];
  const { root, cat } = v;
  const series = seriesOf(points, s, cat);
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

  const query = stateQuery(s, cat);
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
  root.querySelector<HTMLElement>('#compare-desc')!.textContent = s.from === s.to
    ? q(lang, 'compareDescOne', { measure: label, year: s.from })
    : q(lang, 'compareDesc', { measure: label, from: s.from, to: s.to });
  root.dataset.source = source;
}

/** The form ⇄ state. */
function readForm(form: HTMLFormElement, cat: Catalog): CompareState {
  const fd = new FormData(form);
  const params = new URLSearchParams();
  params.set('lineage', fd.getAll('lineage').join(','));
  params.set('agency', fd.getAll('agency').join(','));
  for (const k of ['region', 'from', 'to', 'measure', 'row', 'applicant']) params.set(k, String(fd.get(k) ?? ''));
  return parseState(params.toString(), cat);
}

function writeForm(form: HTMLFormElement, s: CompareState): void {
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name="lineage"]')) box.checked = s.lineages.includes(box.value);
  for (const box of form.querySelectorAll<HTMLInputElement>('input[name="agency"]')) box.checked = s.agencies.includes(box.value);
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

/** Search and the selection count of the agency picker. */
function picker(form: HTMLFormElement, onChange: () => void): () => void {
  const search = form.querySelector<HTMLInputElement>('#compare-search')!;
  const items = [...form.querySelectorAll<HTMLLIElement>('.picker > li')];
  const none = form.querySelector<HTMLElement>('.picker-none')!;
  const count = form.querySelector<HTMLElement>('.picker-count')!;
  const filter = () => {
    const needle = search.value.trim().toLowerCase();
    let shown = 0;
    for (const li of items) {
      const hit = !needle || (li.dataset.search ?? '').toLowerCase().includes(needle) || li.querySelector('input:checked') !== null;
      li.hidden = !hit;
      if (hit) shown++;
    }
    none.hidden = shown > 0;
  };
  const counted = () => {
    const n = form.querySelectorAll('.picker input:checked').length;
    count.textContent = n ? q(lang, 'selectedCount', { n }) : q(lang, 'noneSelected');
  };
  search.addEventListener('input', filter);
  form.querySelector<HTMLButtonElement>('button[data-clear]')?.addEventListener('click', () => {
    for (const box of form.querySelectorAll<HTMLInputElement>('.picker input:checked')) box.checked = false;
    search.value = '';
    filter();
    counted();
    onChange();
  });
  filter();
  counted();
  return () => {
    counted();
    filter();
  };
}

export function compare(root: HTMLElement, opts: { embed?: boolean } = {}): void {
  const cat = JSON.parse(root.querySelector('script[type="application/json"]')!.textContent ?? '{}') as Catalog;
  const palette = root.dataset.palette;
  if (palette) setPalette(JSON.parse(palette) as string[]);
  const v: View = { root, embed: !!opts.embed, cat, site: root.dataset.site ?? '' };
  showEngineStatus(root);
  const link = readState(location.search, cat);
  let state = link.state;
  if (link.unread.length) {
    // Said before the link is rewritten: the reader learns that the view is not the one linked.
    let problem = root.querySelector<HTMLElement>('.link-problem');
    if (!problem) {
      problem = h('p', { className: 'link-problem' });
      problem.setAttribute('role', 'alert');
      root.prepend(problem);
    }
    problem.textContent = q(lang, 'badCompareLink', { params: link.unread.join(', ') });
    problem.hidden = false;
  }
  let run = 0;
  let firstResult = false;
  let firstChart = false;
  let engineReady = false;

  const chartDrawn = () => {
    if (firstChart) return;
    firstChart = true;
    // Marked once the chart is laid out (next frame), like the site's benchmark.
    requestAnimationFrame(() => performance.mark('atlas:first-chart'));
  };

  const answer = async () => {
    const mine = ++run;
    const s = state;
    root.setAttribute('aria-busy', 'true');
    // A first chart straight from the Parquet files while DuckDB is not ready yet; DuckDB starts
    // only after it, so the engine is never on the path to the first chart.
    if (!engineReady) {
      try {
        const [summary, applications] = await Promise.all([
          readTable('summary'),
          s.measure === 'applications' ? readTable('applications') : Promise.resolve({ schema: [], rows: [] }),
        ]);
        const plainRows = (rows: typeof summary.rows) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, x]) => [k, plain(x)])));
        if (mine === run && !engineReady) {
          draw(v, s, compareRows(s, plainRows(summary.rows), plainRows(applications.rows)), 'parquet', 0);
          chartDrawn();
        }
      } catch {
        // DuckDB will answer.
      }
    }
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

  const form = root.querySelector<HTMLFormElement>('form.compare-form');
  if (form) {
    writeForm(form, state);
    const refreshPicker = picker(form, () => changed());
    const changed = () => {
      state = readForm(form, cat);
      writeForm(form, state);
      refreshPicker();
      const url = new URL(location.href);
      url.search = stateQuery(state, cat);
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
