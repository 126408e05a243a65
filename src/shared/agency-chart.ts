/**
 * An agency's chart of one key measure over the years, made from the agency's small data file
 * (data/v/<version>/agency/<lineage>.json, written by the site build): its title, description,
 * data table, CSV rows and SVG. Pure, the same at build time (linkedom's document) and in the
 * browser (the real one): the embed pages and the agency page's downloads draw it on demand, so
 * the site no longer builds four charts, their files and their embed pages per agency.
 * The words it needs from the site's tables are passed in (`ChartWords`): src/shared imports no stage.
 */
import * as Plot from '@observablehq/plot';
import { table, type Label } from '../schema/index.ts';
import { PALETTE, shortLabel } from './chart-style.ts';
import { finishSvg, roundCoordinates } from './plot-svg.ts';

/** The measures an agency's charts draw, by summary column; each has its chart, downloads and embed. */
export const AGENCY_MEASURES = ['proactive_total', 'applications_new', 'reviews_total', 'litigation_total'] as const;
export type AgencyMeasure = (typeof AGENCY_MEASURES)[number];

export const isAgencyMeasure = (m: unknown): m is AgencyMeasure => (AGENCY_MEASURES as readonly unknown[]).includes(m);

/** One report of the lineage: who published it under which name, its year and the measures. */
export type AgencyReport = {
  report_id: string;
  agency_name: string | null;
  agency_id: string | null;
  /** The agency's English label (registry or pinyin), computed at build time. */
  agency_en: string;
  year: number | null;
} & Record<AgencyMeasure, number | null>;

/** The agency's data file: small, deterministic, everything its charts need. */
export interface AgencyData {
  lineage_id: string;
  /** The name as printed now (the latest agency's) and its English label. */
  name: string;
  name_en: string;
  /** Years with a report, ascending. */
  years: number[];
  /** By year, then report id. */
  reports: AgencyReport[];
}

/** The site's words a chart needs (src/site/i18n.ts: `year`, `noData`, `fmt`). */
export interface ChartWords {
  year: string;
  noData: string;
  fmt: (n: number | null | undefined) => string;
}

export type Lang = 'zh' | 'en';
type Value = string | number | null;

export interface AgencyChart {
  /** <lineage>-<measure with hyphens>: the agency page's panel id, file names. */
  id: string;
  measure: AgencyMeasure;
  title: string;
  description: string;
  table: { head: string[]; rows: { label: string; cells: (number | null)[] }[] };
  /** Long-format rows for the CSV and workbook: stable English column names. */
  csv: { columns: string[]; rows: Value[][] };
  /** The chart at a width (640 for files, 360 for phones). */
  svg: (width?: number) => string;
}

export const AGENCY_CHART_WIDTH = 640;
export const AGENCY_CHART_HEIGHT = 240;
/** The phone version's width (as the home charts': src/site/charts.ts NARROW). */
export const AGENCY_CHART_NARROW = 360;

export const agencyChartId = (lineageId: string, measure: AgencyMeasure): string => `${lineageId}-${measure.replaceAll('_', '-')}`;

/** The measure's column label from the one schema. */
export function measureColumn(measure: AgencyMeasure): Label {
  const c = table('summary').columns.find((c) => c.name === measure);
  if (!c) throw new Error(`no summary column ${measure}`);
  return { zh: c.zh, en: c.en };
}

/** The chart's title in a language (needs no document: pages and embed codes use it at build time). */
export function agencyChartTitle(d: Pick<AgencyData, 'name' | 'name_en'>, measure: AgencyMeasure, lang: Lang): string {
  const label = measureColumn(measure);
  return lang === 'zh' ? `${d.name}：${shortLabel(label.zh)}` : `${d.name_en}: ${shortLabel(label.en)}`;
}

export function agencyChartDescription(measure: AgencyMeasure, lang: Lang): string {
  const label = measureColumn(measure);
  return lang === 'zh' ? `${label.zh}，按报告年度；空白表示报告中没有这一数字。` : `${label.en}, by year reported on; a gap means the report does not give the number.`;
}

/** Year axis for sparse timelines: every year with data as a tick, half a year of room each side. */
function yearAxis(years: readonly number[], label: string): Plot.ScaleOptions {
  const lo = years.length ? Math.min(...years) : 2019;
  const hi = years.length ? Math.max(...years) : 2023;
  return { domain: [lo - 0.5, hi + 0.5], ticks: [...new Set(years)], tickFormat: 'd', label };
}

/** The chart of one measure of an agency; `doc` draws the SVG (linkedom's at build time, the page's in the browser). */
export function agencyChart(d: AgencyData, measure: AgencyMeasure, lang: Lang, words: ChartWords, doc?: Document): AgencyChart {
  const label = measureColumn(measure);
  const short = shortLabel(label[lang]);
  const rows = d.reports.filter((r) => r.year !== null);
  const points = rows.filter((r) => r[measure] !== null).map((r) => ({
    year: r.year!, value: r[measure]!, who: lang === 'zh' ? r.agency_name ?? d.name : r.agency_en,
  }));
  const color = PALETTE[AGENCY_MEASURES.indexOf(measure) % PALETTE.length]!;
  const title = agencyChartTitle(d, measure, lang);
  const { fmt } = words;
  return {
    id: agencyChartId(d.lineage_id, measure), measure, title,
    description: agencyChartDescription(measure, lang),
    table: { head: [words.year, short], rows: rows.map((r) => ({ label: String(r.year), cells: [r[measure]] })) },
    csv: { columns: ['lineage_id', 'report_id', 'agency_name', 'year', measure], rows: rows.map((r) => [d.lineage_id, r.report_id, r.agency_name, r.year, r[measure]]) },
    svg: (width = AGENCY_CHART_WIDTH) => {
      if (!doc) throw new Error('agencyChart: a document is needed to draw');
      const el = Plot.plot({
        document: doc, width, height: AGENCY_CHART_HEIGHT, marginLeft: 48, marginTop: 28,
        x: yearAxis(d.years, words.year),
        y: { grid: true, label: short, domain: [0, Math.max(4, ...points.map((p) => p.value)) * 1.2], nice: true, tickFormat: 'd' },
        marks: [
          Plot.ruleY([0]),
          Plot.lineY(points, { x: 'year', y: 'value', stroke: color, strokeWidth: 2 }),
          Plot.dot(points, { x: 'year', y: 'value', fill: color, r: 4, title: (p: (typeof points)[number]) => `${p.who} ${p.year}: ${fmt(p.value)}` }),
          Plot.text(points, { x: 'year', y: 'value', text: (p: (typeof points)[number]) => fmt(p.value), dy: -12, fill: 'currentColor' }),
          ...(points.length ? [] : [Plot.text([words.noData], { frameAnchor: 'middle', fill: 'currentColor', fontSize: 14 })]),
        ],
      }) as unknown as Element;
      return roundCoordinates(finishSvg(el, `${title}: ${rows.map((r) => `${r.year} ${fmt(r[measure])}`).join('; ')}`).outerHTML);
    },
  };
}

const isNum = (v: unknown): v is number | null => v === null || (typeof v === 'number' && Number.isFinite(v));
const isStr = (v: unknown): v is string | null => v === null || typeof v === 'string';

/** A fetched data file checked field by field: the data, or null if it is not one (the embed page then says so). */
export function readAgencyData(json: unknown): AgencyData | null {
  if (typeof json !== 'object' || json === null) return null;
  const d = json as Record<string, unknown>;
  if (typeof d.lineage_id !== 'string' || typeof d.name !== 'string' || typeof d.name_en !== 'string') return null;
  if (!Array.isArray(d.years) || !d.years.every((y) => typeof y === 'number')) return null;
  if (!Array.isArray(d.reports)) return null;
  for (const r of d.reports as Record<string, unknown>[]) {
    if (typeof r !== 'object' || r === null || typeof r.report_id !== 'string' || !isStr(r.agency_name) || !isStr(r.agency_id)
      || typeof r.agency_en !== 'string' || !isNum(r.year) || !AGENCY_MEASURES.every((m) => isNum(r[m]))) return null;
  }
  return d as unknown as AgencyData;
}

/** A lineage id as the site makes them (src/agencies/slug.ts): checked before it goes into a URL. */
export const isLineageId = (id: string): boolean => /^[a-z0-9][a-z0-9-]{0,120}$/.test(id);
