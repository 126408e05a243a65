/**
 * A number in a report table, as markup: a link to the source line or cell it was read from (on
 * the report's source page); NULL shows as a blank. Written as a string, not a component: a report
 * page has ~200 of them and a large build tens of thousands of report pages. Each link carries
 * only its anchor (`#L10`, `#C2-3-4`): the report page's `<base href>` is its source page, so the
 * anchor alone opens the source at that line (Layout.astro `base`); the tables say once what the
 * numbers link to, and the browser adds the "source line 10" tooltip on hover
 * (src/client/source.ts), so a page does not repeat it 200 times. The cell needs no class: the
 * report's tables (`.form`) align every body cell as a number (site.css). And it is written as
 * HTML allows, without what its parser supplies: an anchor's value unquoted (it holds no space,
 * quote, `=`, `<`, `>` or backtick) and no `</td>` (the next cell or `</tr>` closes it). At ~200
 * cells a page and two pages a report, these 7 bytes a cell are ~28 MB of a 10,000-report site.
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

/** The anchor of a value on its report's source page: its table cell where the source had tables, else its line. */
export const sourceAnchor = (v: Pick<CellValue, 'line' | 'cell'>): string => (v.cell ? `#C${v.cell}` : `#L${v.line}`);

/** One `<td>` (not closed: see above), its link relative to the report page's base (its source page). */
export function cellHtml(lang: Lang, v: CellValue): string {
  const blank = v.value === null || v.value === undefined;
  const text = blank ? '—' : `${fmt(v.value)}${v.unit ? ` ${v.unit}` : ''}`;
  const shown = blank ? `${text}<span class="sr-only"> ${t(lang, 'blank')}</span>` : escapeAttr(text);
  const td = blank ? '<td class=blank>' : '<td>';
  if (!v.line) return `${td}${shown}`;
  const anchor = sourceAnchor(v);
  // Unquoted only where that is safe (a line number, a table-row-column cell); anything else quoted.
  const href = /^#[\w-]+$/.test(anchor) ? anchor : `"${escapeAttr(anchor)}"`;
  const title = v.raw && v.raw !== text ? ` title="${escapeAttr(v.raw)}"` : '';
  const page = v.page ? ` data-page=${Math.trunc(v.page)}` : '';
  return `${td}<a href=${href}${title}${page}>${shown}</a>`;
}
