/**
 * Each home chart's files, written at build time so they download without JavaScript (an agency's
 * are made in the browser, src/client/agency-exports.ts): the standalone SVG in Chinese and in English (title, legend, plot, source line with the data version, credit:
 * src/site/chart-export.ts), and its data as CSV, as CSV for Excel (UTF-8 with a BOM) and as a
 * workbook (Chinese and English header rows).
 */
import type { APIRoute } from 'astro';
import { charts, type ChartSpec } from '../../site/charts.ts';
import { chartDataCsv, chartExportSvg, chartWorkbook } from '../../site/chart-export.ts';
import { svgFile } from '../../shared/export.ts';

/** The files of one chart, by name, and how each is made. */
const FILES: { suffix: string; type: string; body: (c: ChartSpec) => string | Uint8Array }[] = [
  { suffix: '.svg', type: 'image/svg+xml', body: (c) => svgFile(chartExportSvg(c, 'zh')) },
  { suffix: '.en.svg', type: 'image/svg+xml', body: (c) => svgFile(chartExportSvg(c, 'en')) },
  { suffix: '.csv', type: 'text/csv; charset=utf-8', body: (c) => chartDataCsv(c) },
  { suffix: '.excel.csv', type: 'text/csv; charset=utf-8', body: (c) => chartDataCsv(c, true) },
  { suffix: '.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: chartWorkbook },
];

export function getStaticPaths() {
  return charts().flatMap((c) => FILES.map((f) => ({ params: { file: c.id + f.suffix }, props: { id: c.id, suffix: f.suffix } })));
}

export const GET: APIRoute = ({ props }) => {
  const { id, suffix } = props as { id: string; suffix: string };
  const c = charts().find((c) => c.id === id)!;
  const f = FILES.find((f) => f.suffix === suffix)!;
  const body = f.body(c);
  return new Response(typeof body === 'string' ? body : body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': f.type } });
};
