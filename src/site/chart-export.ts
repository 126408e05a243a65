/**
 * The exports of the build-time charts (src/site/charts.ts): the standalone SVG with title,
 * legend, source line and credit (src/shared/export.ts), and the chart's data as CSV, CSV for
 * Excel and a workbook — written at build time under /charts/, so they download without JavaScript.
 */
import { table, TABLES, RESULT_GROUPS, type Label } from '../schema/index.ts';
import {
  composeSvg, dataCsv, dataSheets, exportName, type AboutSheet, type ComposedSvg, type DataColumn, type ExportText,
} from '../shared/export.ts';
import { xlsx } from './xlsx.ts';
import { chartHref, type ChartSpec } from './charts.ts';
import { t, type Lang, type StringKey } from './i18n.ts';
import { dataVersion, type DataVersion } from './version.ts';

/** The source line and the credit of an export in a language; `url` (absolute) where the chart lives, if known. */
export function exportLines(lang: Lang, v: Pick<DataVersion, 'version' | 'date'>, url = ''): { source: string; credit: string } {
  return {
    source: t(lang, 'exportSource', { version: v.version, date: v.date }),
    credit: [t(lang, 'credit'), t(lang, 'license'), ...(url ? [url] : [])].join(' · '),
  };
}

/** The site's absolute origin at build time (ATLAS_SITE), or '' when the browser has to supply it. */
export const siteOrigin = (): string => (process.env.ATLAS_SITE ? new URL(process.env.ATLAS_SITE).origin : '');

/** The words of a chart's export: its title, legend, source line and credit. */
export function chartExportText(c: ChartSpec, lang: Lang, url = siteOrigin() && siteOrigin() + chartHref(lang, c)): ExportText {
  return { title: c.title[lang], legend: c.empty ? [] : c.legend?.(lang) ?? [], ...exportLines(lang, dataVersion(), url) };
}

/** The chart's standalone SVG (the file under /charts/). */
export const chartExportSvg = (c: ChartSpec, lang: Lang): ComposedSvg => composeSvg(c.svg(lang), chartExportText(c, lang));

/** Labels of the chart data's own columns (the rest are published columns, labelled by the schema). */
const OWN: Record<string, StringKey> = {
  reports: 'colReports', reports_with_value: 'colReportsWithValue', name: 'colName',
  kind: 'colKind', series: 'colSeries', reports_ids: 'colReportIds',
};

/** A column's label in both languages: the summary table's, any other published table's, a result group's, or our own. */
export function columnLabel(name: string): Label {
  const own = OWN[name];
  if (own) return { zh: t('zh', own), en: t('en', own) };
  const col = table('summary').columns.find((c) => c.name === name) ?? TABLES.flatMap((d) => [...d.columns]).find((c) => c.name === name);
  if (col) return { zh: col.zh, en: col.en };
  const g = RESULT_GROUPS.find((g) => g.key === name);
  if (g) return { zh: g.zh, en: g.en };
  return { zh: name, en: name };
}

export const chartColumns = (c: ChartSpec): DataColumn[] => c.csv.columns.map((name) => ({ name, ...columnLabel(name) }));

/** The data as CSV; `bom` for Excel. Same columns and rows as the plain chart CSV. */
export const chartDataCsv = (c: ChartSpec, bom = false): string => dataCsv(chartColumns(c), c.csv.rows, bom);

/** The second sheet's words, in both languages, for any chart's data (build-time, compare, notebook). */
export function aboutSheet(title: Label, v: Pick<DataVersion, 'version' | 'date'>, url: Label): AboutSheet {
  const both = (k: StringKey) => `${t('zh', k)} ${t('en', k)}`;
  const zh = exportLines('zh', v, url.zh), en = exportLines('en', v, url.en);
  const day = new Date(`${v.date}T00:00:00Z`);
  return {
    dataSheet: both('exportSheetData'), sheet: both('exportSheetAbout'),
    head: [both('exportItem'), t('zh', 'exportZh'), t('en', 'exportEn')],
    lines: [
      [both('exportTitle'), title.zh, title.en],
      [both('exportSourceLabel'), zh.source, en.source],
      [both('exportVersion'), v.version, v.version],
      [both('exportDate'), Number.isFinite(day.getTime()) ? day : v.date, Number.isFinite(day.getTime()) ? day : v.date],
      [both('exportCredit'), `${t('zh', 'credit')} · ${t('zh', 'license')}`, `${t('en', 'credit')} · ${t('en', 'license')}`],
      ...(url.zh || url.en ? [[both('exportLink'), url.zh, url.en] as const] : []),
      [both('exportColumns'), null, null],
    ],
  };
}

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
