/**
 * A number in a report table, as markup: a link to the source line or cell it was read from (on
 * the report's source page); NULL shows as a blank. Written as a string, not a component: a report
 * page has ~200 of them and a large build tens of thousands of report pages. Each link carries
 * only its address: the tables say once what the numbers link to, and the browser adds the
 * "source line 10" tooltip on hover (src/client/source.ts), so a page does not repeat it 200 times.
 */
import { escapeAttr } from '../shared/html.ts';
import { fmt, t, type Lang } from './i18n.ts';

export interface CellValue {
  value: number | null | undefined;
  line: number | null | undefined;
  unit?: string | null | undefined;
  /** The text as printed, when it differs from the number shown (a title on the link). */
  raw?: string | null | undefined;
  /** The source table's cell, "table-row-column" (HTML and other tabled sources). */
  cell?: string | null | undefined;
  /** The page of a PDF original. */
  page?: number | null | undefined;
}

/** One `<td>`; `source` is the report's source page (slugs.source under the base). */
export function cellHtml(lang: Lang, source: string, v: CellValue): string {
  const blank = v.value === null || v.value === undefined;
  const text = blank ? '—' : `${fmt(v.value)}${v.unit ? ` ${v.unit}` : ''}`;
  const shown = blank ? `${text}<span class="sr-only"> ${t(lang, 'blank')}</span>` : escapeAttr(text);
  const td = blank ? '<td class="num blank">' : '<td class="num">';
  if (!v.line) return `${td}${shown}</td>`;
  const href = `${source}${v.cell ? `#C${v.cell}` : `#L${v.line}`}`;
  const title = v.raw && v.raw !== text ? ` title="${escapeAttr(v.raw)}"` : '';
  const page = v.page ? ` data-page="${v.page}"` : '';
  return `${td}<a href="${escapeAttr(href)}"${title}${page}>${shown}</a></td>`;
}
