/**
 * A notebook chart cell's downloads: the chart titled with the notebook's title and the cell,
 * a line naming what it draws, its legend (or colour ramp), the source line and the credit (SVG,
 * PNG), and the rows it draws as CSV, CSV for Excel and a workbook — published columns labelled
 * in Chinese from the schema, dates as dates. File names: notebook-chart-<n>_<data version>.
 */
import type { ChartSpec } from '../../query/spec.ts';
import { pageLang, q } from '../../query/strings.ts';
import { columnLabel } from '../../site/export-text.ts';
import { pageHref } from '../../site/url.ts';
import { wireDownloads } from '../chart-downloads.ts';
import type { Result } from './engine.ts';

export function notebookDownloads(box: HTMLElement, plot: HTMLElement, cell: { n: number; sourceN: number; spec: ChartSpec; notebookTitle: string; result: Result }): void {
  const lang = pageLang();
  const { spec, result } = cell;
  const heading = (l: 'zh' | 'en') => `${cell.notebookTitle || q(l, 'notebookTitle')} · ${q(l, 'cellChart', { n: cell.n })}`;
  box.dataset.exportTitle = heading(lang);
  box.dataset.exportSubtitle = q(lang, spec.color ? 'exportChartOfColor' : 'exportChartOf', { x: spec.x ?? '', y: spec.y ?? '', color: spec.color ?? '', n: cell.sourceN });
  box.dataset.exportHref = pageHref(lang, 'notebook/');
  const url = (l: 'zh' | 'en') => new URL(pageHref(l, 'notebook/'), location.href).href;
  wireDownloads({
    box, plot, lang, id: `notebook-chart-${cell.n}`,
    title: { zh: heading('zh'), en: heading('en') }, url: { zh: url('zh'), en: url('en') },
    columns: result.columns.map((c) => ({ name: c.name, ...columnLabel(c.name) })),
    rows: result.rows(),
    dates: new Set(result.columns.filter((c) => c.kind === 'date').map((c) => c.name)),
  });
}
