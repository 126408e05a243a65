/**
 * Every chart of the site, as data: Observable Plot renders each to SVG at build time with
 * linkedom's document (no interactive marks: tooltips are added in the browser from <title>).
 * The same spec feeds the chart's page, its embed page, its data table and its CSV/SVG downloads.
 * Only the home page's charts are drawn here; an agency's are drawn on demand (src/shared/agency-chart.ts).
 */
import * as Plot from '@observablehq/plot';
import { finishSvg, roundCoordinates } from '../shared/plot-svg.ts';
import { csvLine } from '../shared/csv.ts';
import { PALETTE, shortLabel as short } from '../shared/chart-style.ts';
import { parseHTML } from 'linkedom';
import { RESULT_GROUPS, table, type Label } from '../schema/index.ts';
import { loadData, type Dataset, type SummaryRow } from './data.ts';
import { fmt, t, type Lang } from './i18n.ts';
import { bins, latestYear, lineages, ranking, yearTotals, type Lineage, type Ranked } from './model.ts';
import { lineageLabel } from './names.ts';
import { pageHref, slugs } from './url.ts';

type Value = string | number | null;

export interface ChartTable {
  /** Header of the first column (the row labels), then of each value column. */
  head: string[];
  /** A row may link to what it sums: the reports of a year, an agency's page. */
  rows: { label: string; cells: Value[]; href?: string; zh?: string }[];
}

/** Why a chart draws nothing: no report gives its numbers ('none'), or every one it has is 0 ('zero'). */
export type Empty = 'none' | 'zero';

/** Whether a chart's values are all missing or all zero. */
export function emptiness(values: readonly (number | null | undefined)[]): Empty | undefined {
  const known = values.filter((v): v is number => v !== null && v !== undefined);
  if (!known.length) return 'none';
  return known.every((v) => v === 0) ? 'zero' : undefined;
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
  /** Set when there is nothing to draw: the page says so in words instead of drawing zeros. */
  empty?: Empty;
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
  return roundCoordinates(finishSvg(el, ariaLabel).outerHTML);
}

export { roundCoordinates };

/** The link to the list of a year's reports: every yearly total links to the reports it sums. */
export const yearHref = (lang: Lang, year: number) => pageHref(lang, slugs.reportsYear(year));

/** The SVG of a chart with nothing to draw: its sentence, no axes, no zeros. */
function emptySvg(lang: Lang, empty: Empty, width: number, height: number, title: string): string {
  const said = t(lang, empty === 'zero' ? 'chartAllZero' : 'chartNoData');
  return render({
    width, height: Math.min(height, 120), margin: 10, x: { axis: null, domain: [0, 1] }, y: { axis: null, domain: [0, 1] },
    marks: [Plot.text([said], { x: 0.5, y: 0.5, fill: 'currentColor', fontSize: 14, lineWidth: Math.floor(width / 9) })],
  }, `${title}: ${said}`);
}

function proactiveByYear(summary: SummaryRow[]): ChartSpec {
  const id = 'proactive-by-year';
  const totals = yearTotals(summary);
  const points = totals.filter((y) => y.sums.proactive_total !== null).map((y) => ({ year: y.year, value: y.sums.proactive_total!, known: y.known.proactive_total, reports: y.reports }));
  const empty = emptiness(totals.map((y) => y.sums.proactive_total));
  const title: Label = { zh: '每年主动公开政府信息条数', en: 'Items proactively disclosed, by year' };
  return {
    id, title, width: 640, height: 260, slug: slugs.home, empty,
    description: { zh: '所有报告第一部分主动公开合计之和；表中列出给出这一数字的报告数，点击年度查看这些报告。', en: 'Section 1 totals summed over all reports; the table gives how many reports state the number, and each year links to its reports.' },
    table: (lang) => ({
      head: [t(lang, 'year'), short(col('proactive_total')[lang]), t(lang, 'reportsCol')],
      rows: totals.map((y) => ({ label: String(y.year), cells: [y.sums.proactive_total, y.known.proactive_total], href: yearHref(lang, y.year) })),
    }),
    csv: { columns: ['year', 'reports', 'reports_with_value', 'proactive_total'], rows: totals.map((y) => [y.year, y.reports, y.known.proactive_total, y.sums.proactive_total]) },
    svg: (lang, width = 640) => empty ? emptySvg(lang, empty, width, 260, title[lang]) : render({
      width, height: 260, marginLeft: 56, marginTop: 28,
      x: { type: 'band', label: t(lang, 'year'), padding: 0.35, tickFormat: (d: number) => String(d) },
      y: { grid: true, label: short(col('proactive_total')[lang]), zero: true, nice: true, tickFormat: 'd' },
      marks: [
        Plot.barY(points, { x: 'year', y: 'value', fill: PALETTE[0], title: (d: (typeof points)[number]) => `${d.year}: ${fmt(d.value)} (${d.known} ${t(lang, 'reports')})` }),
        Plot.ruleY([0]),
        Plot.text(points, { x: 'year', y: 'value', text: (d: (typeof points)[number]) => fmt(d.value), dy: -8, fill: 'currentColor' }),
      ],
    }, `${title[lang]}: ${points.map((p) => `${p.year} ${fmt(p.value)}`).join('; ')}`),
  };
}

function applicationsByYear(summary: SummaryRow[]): ChartSpec {
  const id = 'applications-by-year';
  const perYear = yearTotals(summary).map((y) => ({
    year: y.year, reports: y.reports, applications_new: y.sums.applications_new,
    groups: RESULT_GROUPS.map((g) => y.sums[g.key]), handled_total: y.sums.handled_total,
  }));
  const bars = perYear.flatMap((y) => RESULT_GROUPS.map((g, i) => ({ year: y.year, group: g.key, value: y.groups[i] ?? 0, zh: g.zh, en: g.en })));
  const received = perYear.map((y) => ({ year: y.year, value: y.applications_new }));
  const empty = emptiness(perYear.flatMap((y) => [y.applications_new, y.handled_total, ...y.groups]));
  const title: Label = { zh: '每年收到的申请及办理结果', en: 'Applications received and how they were handled, by year' };
  const maxY = Math.max(4, ...perYear.map((y) => Math.max(y.applications_new ?? 0, y.handled_total ?? 0)));
  return {
    id, title, width: 640, height: 300, slug: slugs.home, wide: true, empty,
    description: { zh: '柱为表三各类办理结果之和（总计列），点为本年新收申请数；所有报告相加，空白不计为 0。点击年度查看相加的报告。', en: 'Bars: the results of table 3 (total column) summed over all reports; dots: new applications received. Blanks are not counted as zeros. Each year links to the reports it sums.' },
    legend: (lang) => empty ? [] : [...RESULT_GROUPS.map((g, i) => ({ label: short(g[lang]), color: GROUP_COLORS[i]! })), { label: short(col('applications_new')[lang]), color: 'currentColor' }],
    table: (lang) => ({
      head: [t(lang, 'year'), short(col('applications_new')[lang]), ...RESULT_GROUPS.map((g) => short(g[lang])), short(col('handled_total')[lang])],
      rows: perYear.map((y) => ({ label: String(y.year), cells: [y.applications_new, ...y.groups, y.handled_total], href: yearHref(lang, y.year) })),
    }),
    csv: {
      columns: ['year', 'reports', 'applications_new', ...RESULT_GROUPS.map((g) => g.key), 'handled_total'],
      rows: perYear.map((y) => [y.year, y.reports, y.applications_new, ...y.groups, y.handled_total]),
    },
    svg: (lang, width = 640) => empty ? emptySvg(lang, empty, width, 300, title[lang]) : render({
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

const DISPUTES = [
  { key: 'reviews_total', color: '#4e79a7' },
  { key: 'litigation_total', color: '#f28e2b' },
] as const;

function disputesByYear(summary: SummaryRow[]): ChartSpec {
  const id = 'reviews-litigation-by-year';
  const totals = yearTotals(summary);
  const bars = totals.flatMap((y) => DISPUTES.map((m) => ({ year: y.year, key: m.key, value: y.sums[m.key] })))
    .filter((b): b is { year: number; key: (typeof DISPUTES)[number]['key']; value: number } => b.value !== null);
  const empty = emptiness(totals.flatMap((y) => DISPUTES.map((m) => y.sums[m.key])));
  const title: Label = { zh: '每年的行政复议和行政诉讼', en: 'Administrative reviews and lawsuits, by year' };
  const label = (lang: Lang, key: string) => short(col(key)[lang]);
  return {
    id, title, width: 640, height: 260, slug: slugs.home, empty,
    description: { zh: '表四行政复议总计与行政诉讼总计（两类之和），所有报告相加。点击年度查看相加的报告。', en: 'Table 4: administrative reviews and lawsuits (both kinds), summed over all reports. Each year links to the reports it sums.' },
    legend: (lang) => empty ? [] : DISPUTES.map((m) => ({ label: label(lang, m.key), color: m.color })),
    table: (lang) => ({
      head: [t(lang, 'year'), ...DISPUTES.map((m) => label(lang, m.key))],
      rows: totals.map((y) => ({ label: String(y.year), cells: DISPUTES.map((m) => y.sums[m.key]), href: yearHref(lang, y.year) })),
    }),
    csv: { columns: ['year', 'reports', ...DISPUTES.map((m) => m.key)], rows: totals.map((y) => [y.year, y.reports, ...DISPUTES.map((m) => y.sums[m.key])]) },
    svg: (lang, width = 640) => empty ? emptySvg(lang, empty, width, 260, title[lang]) : render({
      width, height: 260, marginLeft: 48, marginTop: 28,
      x: { type: 'band', label: t(lang, 'year'), padding: 0.35, tickFormat: (d: number) => String(d) },
      y: { grid: true, label: t(lang, 'cases'), zero: true, nice: true, tickFormat: 'd' },
      color: { domain: DISPUTES.map((m) => m.key), range: DISPUTES.map((m) => m.color) },
      marks: [
        Plot.barY(bars, Plot.stackY({ x: 'year', y: 'value', fill: 'key', title: (d: (typeof bars)[number]) => `${d.year} ${label(lang, d.key)}: ${fmt(d.value)}` })),
        Plot.ruleY([0]),
      ],
    }, `${title[lang]}: ${totals.map((y) => `${y.year} ${DISPUTES.map((m) => `${label(lang, m.key)} ${fmt(y.sums[m.key])}`).join(', ')}`).join('; ')}`),
  };
}

/** The agencies of the latest year by applications received: one dot each, stacked where they meet; the table gives the bins. */
function applicationsDistribution(all: Lineage[], summary: SummaryRow[]): ChartSpec {
  const id = 'applications-distribution';
  const year = latestYear(summary);
  const ranked = year === null ? [] : ranking(all, year, 'applications_new');
  const values = ranked.map((r) => r.value);
  const empty = emptiness(values);
  const table_ = bins(values);
  const title: Label = { zh: `${year ?? ''} 年各机关收到的申请数分布`, en: `Applications received per agency in ${year ?? '—'}` };
  // Many agencies: a histogram (dots would pile up); a few: one dot per agency, named in its tooltip.
  // (Each dot carries its agency's name: past 60 the dots would cost the home page more than its budget.)
  const dots = values.length <= 60;
  return {
    id, title, width: 640, height: 200, slug: slugs.home, empty,
    description: dots
      ? { zh: '每个点是一个机关（沿革）在这一年收到的新申请数；表中是各区间的机关数。完整名单见“全部机关”。', en: 'Each dot is one agency (lineage) and the new applications it received that year; the table counts agencies per range. The full list is under “All agencies”.' }
      : { zh: '柱高是这一年收到的新申请数落在各区间的机关（沿革）数；表中是同样的数字。完整名单见“全部机关”。', en: 'Each bar counts the agencies (lineages) whose new applications that year fall in its range; the table gives the same counts. The full list is under “All agencies”.' },
    table: (lang) => ({
      head: [t(lang, 'applicationsRange'), t(lang, 'agenciesCol')],
      rows: table_.map((b) => ({ label: b.lo === b.hi ? fmt(b.lo) : `${fmt(b.lo)}–${fmt(b.hi)}`, cells: [b.n] })),
    }),
    csv: { columns: ['year', 'lineage_id', 'name', 'applications_new'], rows: ranked.map((r) => [year, r.lineage.id, r.lineage.name, r.value]) },
    svg: (lang, width = 640) => empty ? emptySvg(lang, empty, width, 200, title[lang]) : render({
      width, height: 200, marginLeft: 20, marginRight: 20, marginBottom: 36,
      x: { label: short(col('applications_new')[lang]), zero: true, nice: true, grid: true },
      marks: dots
        ? [Plot.dotX(ranked, Plot.dodgeY({ x: 'value', r: 5, anchor: 'bottom', fill: PALETTE[0], fillOpacity: 0.8, title: (d: Ranked) => `${lineageLabel(lang, d.lineage)}: ${fmt(d.value)}` }))]
        : [Plot.rectY(ranked, { ...Plot.binX({ y: 'count' }, { x: 'value' }), fill: PALETTE[0] }), Plot.ruleY([0])],
    }, `${title[lang]}: ${table_.map((b) => `${b.lo}–${b.hi}: ${b.n}`).join('; ')}`),
  };
}

/** The measures of the agency charts (drawn in the browser from each agency's data file: src/shared/agency-chart.ts). */
export { AGENCY_MEASURES } from '../shared/agency-chart.ts';

let cache: ChartSpec[] | undefined;
/**
 * The home page's charts of a dataset: totals by year (applications and how they were handled,
 * reviews and lawsuits, proactive items) and the distribution across agencies. Their size depends
 * on the years drawn, never on the number of agencies.
 */
export function homeCharts(summary: SummaryRow[], all: Lineage[]): ChartSpec[] {
  // Charts by year draw the latest HOME_YEARS years, so the home page stays small however long the record.
  const years = [...new Set(summary.map((s) => s.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const kept = new Set(years.slice(-HOME_YEARS));
  const recent = summary.filter((s) => s.year !== null && kept.has(s.year));
  const windowed = (c: ChartSpec): ChartSpec => years.length <= HOME_YEARS ? c : {
    ...c, description: { zh: `${c.description.zh}图中为最近 ${HOME_YEARS} 个年度，全部年度见数据下载。`, en: `${c.description.en} The chart shows the latest ${HOME_YEARS} years; the data downloads have every year.` },
  };
  return [windowed(applicationsByYear(recent)), windowed(disputesByYear(recent)), applicationsDistribution(all, summary), windowed(proactiveByYear(recent))];
}

/** How many years the home page's charts by year draw. */
export const HOME_YEARS = 10;

/**
 * Every chart the build draws: the home page's. (An agency's charts, their files and embed pages
 * are made in the browser from its data file, src/site/agency-data.ts: they no longer multiply
 * with the agencies.)
 */
export function charts(data: Dataset = loadData()): ChartSpec[] {
  cache ??= homeCharts(data.summary, lineages(data));
  return cache;
}

export function chart(id: string): ChartSpec {
  const c = charts().find((c) => c.id === id);
  if (!c) throw new Error(`no chart ${id}`);
  return c;
}

export const HOME_CHARTS = ['applications-by-year', 'reviews-litigation-by-year', 'applications-distribution', 'proactive-by-year'];

/** Where a chart lives, with its anchor. */
export const chartHref = (lang: Lang, c: ChartSpec) => `${pageHref(lang, c.slug)}#${c.id}`;

/** The chart's data as CSV (RFC 4180, UTF-8). */
export function chartCsv(c: ChartSpec): string {
  return csvLine(c.csv.columns) + c.csv.rows.map(csvLine).join('');
}

