/**
 * The compare chart's downloads: the chart with its title (the measure), legend (the series),
 * a line on what it sums, the source line and the credit with the link to this very view (SVG,
 * PNG), and its data in long form as CSV, CSV for Excel and a workbook whose header rows name the
 * measure in Chinese and in English. File names: compare-<measure>_<data version>.
 */
import { measureLabel, type ComparePointRow, type CompareState } from '../../query/compare-model.ts';
import { q } from '../../query/strings.ts';
import { t } from '../../site/i18n.ts';
import { pageHref, type Lang } from '../../site/url.ts';
import { wireDownloads } from '../chart-downloads.ts';

export function compareDownloads(root: HTMLElement, lang: Lang, s: CompareState, query: string, points: ComparePointRow[], nameOf: (p: ComparePointRow) => string): void {
  const figure = root.querySelector<HTMLElement>('#compare');
  const plot = root.querySelector<HTMLElement>('.plot[data-chart="compare"]');
  if (!figure || !plot) return;
  const label = measureLabel(s);
  const desc = s.from === s.to
    ? q(lang, 'compareDescOne', { measure: label[lang], year: s.from })
    : q(lang, 'compareDesc', { measure: label[lang], from: s.from, to: s.to });
  figure.dataset.exportSubtitle = `${desc} ${q(lang, 'sumNote')}`;
  figure.dataset.exportHref = pageHref(lang, 'compare/') + query;
  const url = (l: Lang) => new URL(pageHref(l, 'compare/') + query, location.href).href;
  const both = (key: Parameters<typeof t>[1]) => ({ zh: t('zh', key), en: t('en', key) });
  const measure = s.measure === 'applications' ? `${s.row}_${s.applicant}` : s.measure;
  wireDownloads({
    box: figure, plot, lang, id: `compare-${measure}`,
    title: label, url: { zh: url('zh'), en: url('en') },
    columns: [
      { name: 'kind', ...both('colKind') },
      { name: 'series', ...both('colSeries') },
      { name: 'name', ...both('colName') },
      { name: 'year', ...both('year') },
      { name: 'value', ...label },
      { name: 'reports', ...both('colReportIds') },
    ],
    rows: points.map((p) => [p.kind, p.series, nameOf(p), p.year, p.value, p.reports]),
  });
}
