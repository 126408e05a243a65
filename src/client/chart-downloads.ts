/**
 * The downloads of a chart drawn in the browser (compare tool, notebook chart cells): the SVG and
 * PNG with title, legend, source and credit (src/client/export.ts), and the chart's data as CSV,
 * CSV for Excel and a workbook (Chinese and English header rows, real numbers and dates), each
 * saved under a name with the chart id and the data version.
 */
import { asCell, dataCsv, dataSheets, exportName, type DataColumn } from '../shared/export.ts';
import { xlsx } from '../shared/xlsx.ts';
import type { Label } from '../schema/index.ts';
import { aboutSheet, type VersionDate } from '../site/export-text.ts';
import type { Lang } from '../site/url.ts';
import { composePlot, setBlobLink, svgBlob } from './export.ts';
import { saveBlob } from './save.ts';

/** The data version the page shows: written on the chart's container at build time, else the page's meta tag. */
export function versionOf(el: Element): VersionDate {
  const holder = el.closest<HTMLElement>('[data-export-version]');
  const version = holder?.dataset.exportVersion ?? document.querySelector<HTMLMetaElement>('meta[name="data-version"]')?.content ?? '';
  const date = holder?.dataset.exportDate ?? /^\d{4}-\d{2}-\d{2}/.exec(version)?.[0] ?? '';
  return { version, date };
}

export interface ChartData {
  /** Where the links and the PNG button are (the chart's figure or cell). */
  box: Element;
  /** The chart's `.plot` box. */
  plot: HTMLElement;
  /** For file names: compare-applications_new, notebook-chart-2. */
  id: string;
  lang: Lang;
  /** The chart's title in both languages (the workbook's about sheet). */
  title: Label;
  /** Where the chart lives, absolute, in both languages. */
  url: Label;
  columns: DataColumn[];
  rows: readonly (readonly unknown[])[];
  /** Columns whose text values are ISO dates. */
  dates?: ReadonlySet<string>;
}

const MIME = { csv: 'text/csv;charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

/** The data each chart's box was last drawn with: its data files are made when a reader asks. */
const drawn = new WeakMap<Element, ChartData>();

/** One of the chart's data files, made from the data now on screen. */
export function dataFile(d: ChartData, kind: 'csv' | 'csv-excel' | 'xlsx'): { blob: Blob; name: string } {
  const v = versionOf(d.box);
  if (kind === 'xlsx') {
    const cells = d.rows.map((r) => r.map((x, i) => asCell(x, d.dates?.has(d.columns[i]?.name ?? '') ?? false)));
    const bytes = xlsx(dataSheets(d.columns, cells, aboutSheet(d.title, v, d.url)));
    return { blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME.xlsx }), name: exportName(d.id, v.version, 'xlsx') };
  }
  const rows = d.rows.map((r) => r.map((x) => (x === undefined ? null : x instanceof Date ? x.toISOString().slice(0, 10) : typeof x === 'bigint' ? Number(x) : x as string | number | boolean | null)));
  const excel = kind === 'csv-excel';
  return { blob: new Blob([dataCsv(d.columns, rows, excel)], { type: MIME.csv }), name: exportName(excel ? `${d.id}_excel` : d.id, v.version, 'csv') };
}

/**
 * Points the chart's downloads at this chart: the SVG link (a[data-download=svg]) and the PNG
 * button's file name at once; the data links (csv, csv-excel, xlsx) make their file when clicked.
 */
export function wireDownloads(d: ChartData): void {
  const { version } = versionOf(d.box);
  const composed = composePlot(d.plot);
  const svg = d.box.querySelector<HTMLAnchorElement>('a[data-download="svg"]');
  if (composed) setBlobLink(svg, svgBlob(composed), exportName(d.id, version, 'svg', d.lang));
  const png = d.box.querySelector<HTMLButtonElement>('button[data-png]');
  if (png) png.dataset.filename = exportName(d.id, version, 'png', d.lang);
  for (const kind of ['csv', 'csv-excel', 'xlsx'] as const) {
    const a = d.box.querySelector<HTMLAnchorElement>(`a[data-download="${kind}"]`);
    if (a) a.download = exportName(kind === 'csv-excel' ? `${d.id}_excel` : d.id, version, kind === 'xlsx' ? 'xlsx' : 'csv');
  }
  if (!drawn.has(d.box)) {
    d.box.addEventListener('click', (e) => {
      const a = (e.target as Element).closest?.<HTMLAnchorElement>('a[data-download="csv"], a[data-download="csv-excel"], a[data-download="xlsx"]');
      const data = drawn.get(d.box);
      if (!a || !data) return;
      e.preventDefault();
      const file = dataFile(data, a.dataset.download as 'csv' | 'csv-excel' | 'xlsx');
      saveBlob(file.blob, file.name);
    });
  }
  drawn.set(d.box, d);
}
