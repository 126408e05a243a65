/**
 * The exports of the build-time charts (src/site/charts.ts): the standalone SVG with title,
 * legend, source line and credit (src/shared/export.ts), and the chart's data as CSV, CSV for
 * Excel and a workbook — written at build time under /charts/, so they download without JavaScript.
 */
import { composeSvg, dataCsv, dataSheets, exportName, type ComposedSvg, type DataColumn, type ExportText } from '../shared/export.ts';
import { xlsx } from './xlsx.ts';
import { chartHref, type ChartSpec } from './charts.ts';
import { aboutSheet, columnLabel, exportLines } from './export-text.ts';
import type { Lang } from './i18n.ts';
import { pageHref } from './url.ts';
import { dataVersion } from './version.ts';

export { aboutSheet, columnLabel, exportLines };

/** The site's absolute origin at build time (ATLAS_SITE), or '' when the browser has to supply it. */
export const siteOrigin = (): string => (process.env.ATLAS_SITE ? new URL(process.env.ATLAS_SITE).origin : '');

/** The words of a chart's export: its title, legend, source line and credit. */
export function chartExportText(c: ChartSpec, lang: Lang, url = siteOrigin() && siteOrigin() + chartHref(lang, c)): ExportText {
  return { title: c.title[lang], legend: c.empty ? [] : c.legend?.(lang) ?? [], ...exportLines(lang, dataVersion(), url) };
}

/** The chart's standalone SVG (the file under /charts/). */
export const chartExportSvg = (c: ChartSpec, lang: Lang): ComposedSvg => composeSvg(c.svg(lang), chartExportText(c, lang));

export const chartColumns = (c: ChartSpec): DataColumn[] => c.csv.columns.map((name) => ({ name, ...columnLabel(name) }));

/** The data as CSV; `bom` for Excel. Same columns and rows as the plain chart CSV. */
export const chartDataCsv = (c: ChartSpec, bom = false): string => dataCsv(chartColumns(c), c.csv.rows, bom);

/** The chart's data as a workbook: Chinese and English header rows, numbers as numbers, a sheet on what it is. */
export function chartWorkbook(c: ChartSpec): Uint8Array {
  const origin = siteOrigin();
  const url = { zh: origin && origin + chartHref('zh', c), en: origin && origin + chartHref('en', c) };
  return xlsx(dataSheets(chartColumns(c), c.csv.rows, aboutSheet(c.title, dataVersion(), url)));
}

/** The names the chart's downloads are saved under: the chart id, the language of an image, the data version. */
export function chartFileNames(c: ChartSpec, lang: Lang) {
  const { version } = dataVersion();
  return {
    svg: exportName(c.id, version, 'svg', lang),
    png: exportName(c.id, version, 'png', lang),
    csv: exportName(c.id, version, 'csv'),
    csvExcel: exportName(`${c.id}_excel`, version, 'csv'),
    xlsx: exportName(c.id, version, 'xlsx'),
  };
}

/**
 * The attributes a chart's container carries for exports made in the browser (src/client/export.ts):
 * the source line and the credit in the page's language, the data version and its date, and where
 * the chart lives (a chart, or a page's slug) — absolute in
 * the credit when the build knows the site (ATLAS_SITE), else a path the browser makes absolute.
 */
export function exportAttrs(lang: Lang, where?: ChartSpec | string): Record<string, string> {
  const origin = siteOrigin();
  const path = where === undefined ? '' : typeof where === 'string' ? pageHref(lang, where) : chartHref(lang, where);
  const v = dataVersion();
  const { source, credit } = exportLines(lang, v, origin && path ? origin + path : '');
  return {
    'data-export-source': source, 'data-export-credit': credit, 'data-export-version': v.version, 'data-export-date': v.date,
    ...(!origin && path ? { 'data-export-href': path } : {}),
  };
}
