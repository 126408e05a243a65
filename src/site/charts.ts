/**
 * Every chart of the site, as data: Observable Plot renders each to SVG at build time with
 * linkedom's document (no interactive marks: tooltips are added in the browser from <title>).
 * The same spec feeds the chart's page, its embed page, its data table and its CSV/SVG downloads.
 */
import * as Plot from '@observablehq/plot';
import { finishSvg } from '../shared/plot-svg.ts';
import { csvLine } from '../shared/csv.ts';
import { PALETTE, shortLabel as short } from '../shared/chart-style.ts';
import { parseHTML } from 'linkedom';
import { RESULT_GROUPS, table, type Label } from '../schema/index.ts';
import { loadData, type SummaryRow } from './data.ts';
import { fmt, t, type Lang } from './i18n.ts';
import { lineages, type Lineage } from './model.ts';
import { pageHref, slugs } from './url.ts';

type Value = string | number | null;

export interface ChartTable {
  /** Header of the first column (the row labels), then of each value column. */
  head: string[];
  rows: { label: string; cells: Value[] }[];
}

export interface ChartSpec {
  id: string;
  title: Label;
  /** One sentence on what the chart shows; the source and date are added by the caption. */
  description: Label;
  width: number;
  height: number;
  /** A data table too wide to sit beside the chart: it goes below. */
  wide?: boolean;
  /** The page (slug) the chart lives on; its anchor is the chart id. */
  slug: string;
  legend?: (lang: Lang) => { label: string; color: string }[];
  table: (lang: Lang) => ChartTable;
  /** Long-format rows for the CSV download: stable English column names. */
  csv: { columns: string[]; rows: Value[][] };
  /** The chart at a width: 640 for pages and files; NARROW for phones. */
  svg: (lang: Lang, width?: number) => string;
}

/** The width of the phone version of every chart. */
export const NARROW = 360;

/** Colours that hold up on a light and a dark background. */
export { PALETTE };
const GROUP_COLORS = ['#59a14f', '#8cd17d', '#e15759', '#f28e2b', '#b07aa1', '#9c755f'];

const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');

/** Summary column label from the one schema. */
const col = (name: string): Label => {
  const c = table('summary').columns.find((c) => c.name === name);
  if (!c) throw new Error(`no summary column ${name}`);
  return { zh: c.zh, en: c.en };
};

/** Renders a Plot spec to SVG markup fit for an HTML page and for axe. */
function render(options: Plot.PlotOptions, ariaLabel: string): string {
  const el = Plot.plot({ ...options, document: document as unknown as Document }) as unknown as Element;
  return finishSvg(el, ariaLabel).outerHTML;
}

/** Year axis for sparse timelines: every year with data as a tick, half a year of room each side. */
function yearAxis(years: number[], label: string): Plot.ScaleOptions {
  const lo = years.length ? Math.min(...years) : 2019;
  const hi = years.length ? Math.max(...years) : 2023;
  return { domain: [lo - 0.5, hi + 0.5], ticks: [...new Set(years)], tickFormat: 'd', label };
}

const sumOrNull = (xs: (number | null)[]) => {
  const known = xs.filter((x): x is number => x !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
};

function proactiveByLineage(all: Lineage[]): ChartSpec {
  const id = 'proactive-by-agency';
  const series = all.filter((l) => l.reports.some((r) => r.proactive_total !== null));
  const points = series.flatMap((l) => l.reports.filter((r) => r.proactive_total !== null && r.year !== null)
    .map((r) => ({ lineage: l.id, name: l.name, year: r.year!, value: r.proactive_total! })));
  const years = [...new Set(all.flatMap((l) => l.years))].sort((a, b) => a - b);
  const color = (i: number) => PALETTE[i % PALETTE.length]!;
  const title: Label = { zh: '各机关主动公开政府信息条数', en: 'Items proactively disclosed, by agency' };
  return {
    id, title, width: 640, height: 300, slug: slugs.home,
    description: { zh: '每条线是一个机关沿革（包括更名、改革前后的机关）；空白年度没有数据。', en: 'One line per agency lineage (an agency with its predecessors and successors); years without a value have no point.' },
    legend: () => series.map((l, i) => ({ label: l.name, color: color(i) })),
    table: (lang) => ({
      head: [t(lang, 'agency'), ...years.map(String)],
      rows: series.map((l) => ({ label: l.name, cells: years.map((y) => sumOrNull(l.reports.filter((r) => r.year === y).map((r) => r.proactive_total))) })),
    }),
    csv: { columns: ['lineage_id', 'name', 'year', 'proactive_total'], rows: points.map((p) => [p.lineage, p.name, p.year, p.value]) },
    svg: (lang, width = 640) => render({
      width, height: 300, marginLeft: 48, marginTop: 28,
      x: yearAxis(years, t(lang, 'year')),
      y: { grid: true, label: short(col('proactive_total')[lang]), zero: true },
      color: { domain: series.map((l) => l.id), range: series.map((_, i) => color(i)) },
      marks: [
        Plot.ruleY([0]),
        Plot.lineY(points, { x: 'year', y: 'value', stroke: 'lineage', strokeWidth: 2 }),
        Plot.dot(points, { x: 'year', y: 'value', fill: 'lineage', r: 4, title: (d: (typeof points)[number]) => `${d.name} ${d.year}: ${fmt(d.value)}` }),
        Plot.text(points, { x: 'year', y: 'value', text: (d: (typeof points)[number]) => fmt(d.value), dy: -10, fill: 'currentColor' }),
      ],
    }, `${title[lang]}: ${points.map((p) => `${p.name} ${p.year} ${fmt(p.value)}`).join('; ')}`),
  };
}

function applicationsByYear(summary: SummaryRow[]): ChartSpec {
  const id = 'applications-by-year';
  const years = [...new Set(summary.map((s) => s.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const perYear = years.map((year) => {
    const rows = summary.filter((s) => s.year === year);
    return {
      year,
      reports: rows.length,
      applications_new: sumOrNull(rows.map((r) => r.applications_new)),
      groups: RESULT_GROUPS.map((g) => sumOrNull(rows.map((r) => r[g.key]))),
      handled_total: sumOrNull(rows.map((r) => r.handled_total)),
    };
  });
  const bars = perYear.flatMap((y) => RESULT_GROUPS.map((g, i) => ({ year: y.year, group: g.key, value: y.groups[i] ?? 0, zh: g.zh, en: g.en })));
  const received = perYear.map((y) => ({ year: y.year, value: y.applications_new }));
  const title: Label = { zh: '每年收到的申请及办理结果', en: 'Applications received and how they were handled, by year' };
  const maxY = Math.max(4, ...perYear.map((y) => Math.max(y.applications_new ?? 0, y.handled_total ?? 0)));
  return {
    id, title, width: 640, height: 300, slug: slugs.home, wide: true,
    description: { zh: '柱为表三各类办理结果之和（总计列），点为本年新收申请数；所有报告相加。', en: 'Bars: results of table 三 (total column) summed over all reports; dots: new applications received.' },
    legend: (lang) => [...RESULT_GROUPS.map((g, i) => ({ label: short(g[lang]), color: GROUP_COLORS[i]! })), { label: short(col('applications_new')[lang]), color: 'currentColor' }],
    table: (lang) => ({
      head: [t(lang, 'year'), short(col('applications_new')[lang]), ...RESULT_GROUPS.map((g) => short(g[lang])), short(col('handled_total')[lang])],
      rows: perYear.map((y) => ({ label: String(y.year), cells: [y.applications_new, ...y.groups, y.handled_total] })),
    }),
    csv: {
      columns: ['year', 'reports', 'applications_new', ...RESULT_GROUPS.map((g) => g.key), 'handled_total'],
      rows: perYear.map((y) => [y.year, y.reports, y.applications_new, ...y.groups, y.handled_total]),
    },
    svg: (lang, width = 640) => render({
      width, height: 300, marginLeft: 48, marginTop: 28,
      x: { type: 'band', label: t(lang, 'year'), padding: 0.4, tickFormat: (d: number) => String(d) },
      y: { grid: true, label: short(col('handled_total')[lang]), domain: [0, maxY * 1.15], nice: true, tickFormat: 'd' },
      color: { domain: RESULT_GROUPS.map((g) => g.key), range: GROUP_COLORS },
      marks: [
        Plot.barY(bars, { x: 'year', y: 'value', fill: 'group', title: (d: (typeof bars)[number]) => `${d.year} ${short(d[lang])}: ${fmt(d.value)}` }),
        Plot.ruleY([0]),
        Plot.dot(received.filter((r) => r.value !== null), { x: 'year', y: 'value', fill: 'currentColor', r: 5, symbol: 'diamond', title: (d: { year: number; value: number | null }) => `${d.year} ${short(col('applications_new')[lang])}: ${fmt(d.value)}` }),
        Plot.text(received, { x: 'year', y: 'value', text: (d: { value: number | null }) => fmt(d.value), dy: -12, fill: 'currentColor' }),
      ],
    }, `${title[lang]}: ${perYear.map((y) => `${y.year} ${fmt(y.applications_new)} / ${fmt(y.handled_total)}`).join('; ')}`),
  };
}

function outcomeMix(summary: SummaryRow[]): ChartSpec {
  const id = 'outcome-mix';
  const totals = RESULT_GROUPS.map((g) => ({ key: g.key, zh: g.zh, en: g.en, value: sumOrNull(summary.map((s) => s[g.key])) }));
  const all = totals.reduce((a, b) => a + (b.value ?? 0), 0);
  const share = (v: number | null) => (v === null || all === 0 ? null : Math.round((v / all) * 1000) / 10);
  const title: Label = { zh: '申请办理结果构成', en: 'How applications were handled: the outcome mix' };
  return {
    id, title, width: 640, height: 260, slug: slugs.home,
    description: { zh: '所有报告表三（一）至（六）各类结果之和及其占比（总计列）。', en: 'Results (一)…(六) of table 三 summed over all reports (total column), with their shares.' },
    table: (lang) => ({
      head: [t(lang, 'result'), t(lang, 'items'), `${t(lang, 'share')} (%)`],
      rows: totals.map((g) => ({ label: short(g[lang]), cells: [g.value, share(g.value)] })),
    }),
    csv: { columns: ['group', 'label_zh', 'label_en', 'value', 'share_pct'], rows: totals.map((g) => [g.key, g.zh, g.en, g.value, share(g.value)]) },
    svg: (lang, width = 640) => render({
      width, height: 260, marginLeft: lang === 'zh' ? 96 : 130, marginRight: width < 640 ? 70 : 60,
      x: { grid: true, label: t(lang, 'items'), domain: [0, Math.max(4, ...totals.map((g) => g.value ?? 0)) * 1.1], nice: true, tickFormat: 'd' },
      y: { label: null, domain: totals.map((g) => short(g[lang])) },
      color: { domain: RESULT_GROUPS.map((g) => g.key), range: GROUP_COLORS },
      marks: [
        Plot.barX(totals, { y: (d: (typeof totals)[number]) => short(d[lang]), x: (d: (typeof totals)[number]) => d.value ?? 0, fill: 'key', title: (d: (typeof totals)[number]) => `${short(d[lang])}: ${fmt(d.value)}` }),
        Plot.ruleX([0]),
        Plot.text(totals, { y: (d: (typeof totals)[number]) => short(d[lang]), x: (d: (typeof totals)[number]) => d.value ?? 0, text: (d: (typeof totals)[number]) => `${fmt(d.value)}${share(d.value) === null ? '' : ` (${share(d.value)}%)`}`, dx: 6, textAnchor: 'start', fill: 'currentColor' }),
      ],
    }, `${title[lang]}: ${totals.map((g) => `${short(g[lang])} ${fmt(g.value)}`).join('; ')}`),
  };
}

/** The key measures charted on every agency page, by summary column. */
export const AGENCY_MEASURES = ['proactive_total', 'applications_new', 'reviews_total', 'litigation_total'] as const;

function agencyMeasure(l: Lineage, measure: (typeof AGENCY_MEASURES)[number], i: number): ChartSpec {
  const label = col(measure);
  const rows = l.reports.filter((r) => r.year !== null);
  const points = rows.filter((r) => r[measure] !== null).map((r) => ({ year: r.year!, value: r[measure]!, name: r.agency_name ?? l.name }));
  const color = PALETTE[i % PALETTE.length]!;
  const title: Label = { zh: `${l.name}：${short(label.zh)}`, en: `${l.name}: ${short(label.en)}` };
  return {
    id: `${l.id}-${measure.replaceAll('_', '-')}`, title, width: 640, height: 240, slug: slugs.agency(l.id),
    description: { zh: `${label.zh}，按报告年度；空白表示报告中没有这一数字。`, en: `${label.en}, by year reported on; a gap means the report does not give the number.` },
    table: (lang) => ({
      head: [t(lang, 'year'), short(label[lang])],
      rows: rows.map((r) => ({ label: String(r.year), cells: [r[measure]] })),
    }),
    csv: { columns: ['lineage_id', 'report_id', 'agency_name', 'year', measure], rows: rows.map((r) => [l.id, r.report_id, r.agency_name, r.year, r[measure]]) },
    svg: (lang, width = 640) => render({
      width, height: 240, marginLeft: 48, marginTop: 28,
      x: yearAxis(l.years, t(lang, 'year')),
      y: { grid: true, label: short(label[lang]), domain: [0, Math.max(4, ...points.map((p) => p.value)) * 1.2], nice: true, tickFormat: 'd' },
      marks: [
        Plot.ruleY([0]),
        Plot.lineY(points, { x: 'year', y: 'value', stroke: color, strokeWidth: 2 }),
        Plot.dot(points, { x: 'year', y: 'value', fill: color, r: 4, title: (d: (typeof points)[number]) => `${d.name} ${d.year}: ${fmt(d.value)}` }),
        Plot.text(points, { x: 'year', y: 'value', text: (d: (typeof points)[number]) => fmt(d.value), dy: -12, fill: 'currentColor' }),
        ...(points.length ? [] : [Plot.text([t(lang, 'noData')], { frameAnchor: 'middle', fill: 'currentColor', fontSize: 14 })]),
      ],
    }, `${title[lang]}: ${rows.map((r) => `${r.year} ${fmt(r[measure])}`).join('; ')}`),
  };
}

let cache: ChartSpec[] | undefined;
/** Every chart of the site, home charts first. */
export function charts(): ChartSpec[] {
  if (cache) return cache;
  const data = loadData();
  const all = lineages(data);
  cache = [
    proactiveByLineage(all),
    applicationsByYear(data.summary),
    outcomeMix(data.summary),
    ...all.flatMap((l) => AGENCY_MEASURES.map((m, i) => agencyMeasure(l, m, i))),
  ];
  return cache;
}

export function chart(id: string): ChartSpec {
  const c = charts().find((c) => c.id === id);
  if (!c) throw new Error(`no chart ${id}`);
  return c;
}

export const HOME_CHARTS = ['proactive-by-agency', 'applications-by-year', 'outcome-mix'];
export const agencyCharts = (lineageId: string) => AGENCY_MEASURES.map((m) => `${lineageId}-${m.replaceAll('_', '-')}`);

/** Where a chart lives, with its anchor. */
export const chartHref = (lang: Lang, c: ChartSpec) => `${pageHref(lang, c.slug)}#${c.id}`;

/** The chart's data as CSV (RFC 4180, UTF-8). */
export function chartCsv(c: ChartSpec): string {
  return csvLine(c.csv.columns) + c.csv.rows.map(csvLine).join('');
}

/** The date the data was built: SOURCE_DATE_EPOCH if set (reproducible builds), else today. */
export function buildDate(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return new Date(Number.isFinite(epoch) && epoch > 0 ? epoch * 1000 : Date.now()).toISOString().slice(0, 10);
}
