/**
 * A report's source page, as markup: its source as read, every line numbered and anchored (#L22),
 * tables laid out with their cells anchored (#C…), up to SOURCE_SHOWN characters. One page for both
 * languages, written as a file beside the Chinese report page (`report/<id>/source.html`, by the
 * endpoint src/pages/report/[id]/source.html.ts): the report pages in both languages take it as
 * their `<base href>`, so a number links to its line with its anchor alone, and load its `.source`
 * in place when JavaScript runs (src/client/source.ts). A file, not a page of its own folder:
 * a folder a report is 4 KB on disk, 40 MB of a 10,000-report site.
 *
 * Written as a string, not a component: an endpoint writes it, and a page of its own would need
 * its own folder (Astro writes every page as `<path>/index.html`).
 */
import { escapeAttr } from '../shared/html.ts';
import { boundedSource, isOriginal, sourceBlocks, type ReportRow, type SourceLine } from './data.ts';
import { t } from './i18n.ts';
import { agencyLabel } from './names.ts';
import { pageHref, slugs } from './url.ts';
import { dataVersion } from './version.ts';

const esc = escapeAttr;

/** The source lines as the page shows them (the part the report pages load in place). */
export function sourceHtml(lines: SourceLine[]): string {
  if (lines.length === 0) return `<p data-source-missing>${esc(t('zh', 'sourceMissing'))} <span lang="en">${esc(t('en', 'sourceMissing'))}</span></p>`;
  const { shown, omitted } = boundedSource(lines);
  // One page for both languages: a cell's page is said in both.
  const pageOf = (n: number) => `${t('zh', 'sourcePage', { n })} · ${t('en', 'sourcePage', { n })}`;
  const n = (l: SourceLine) => (l.first ? ` data-n="${l.n}"` : ' data-n');
  const id = (l: SourceLine) => (l.first ? ` id="L${l.n}"` : '');
  const blocks = sourceBlocks(shown).map((b) => {
    if ('line' in b) return `<div class="l"${id(b.line)}${n(b.line)}>${esc(b.line.cells ? b.line.cells.map((c) => c.text).join('\t') : b.line.text)}</div>`;
    const rows = b.rows.map((r) => `<tr${id(r)}>${r.cells!.map((c) => `<td${c.id ? ` id="${esc(c.id)}"` : ''}${c.page ? ` title="${esc(pageOf(c.page))}" data-page="${c.page}"` : ''}>${esc(c.text)}</td>`).join('')}</tr>`);
    return `<div class="l tab"${n(b.rows[0]!)}><table class="src">${rows.join('')}</table></div>`;
  });
  const more = omitted > 0 ? `<p class="notice warnings" data-source-omitted>${esc(t('zh', 'sourceOmitted', { n: omitted }))} <span lang="en">${esc(t('en', 'sourceOmitted', { n: omitted }))}</span></p>` : '';
  return `<div class="source" lang="zh-CN" data-lines="${lines.length}">${blocks.join('')}</div>${more}`;
}

/** The whole page; `stylesheet` is the site's stylesheet as built (its URL). */
export function sourcePageHtml(r: ReportRow, lines: SourceLine[], stylesheet: string): string {
  const zhName = r.agency_name ? `${r.agency_name}${r.year ?? ''}${r.year ? '年' : ''}` : r.source_file;
  const enName = r.agency_name ? `${agencyLabel('en', { name: r.agency_name, agency_id: r.agency_id })}${r.year ? `, ${r.year}` : ''}` : r.source_file;
  const zhPage = pageHref('zh', slugs.report(r.report_id));
  const enPage = pageHref('en', slugs.report(r.report_id));
  const original = isOriginal(r.source_file);
  return '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
    + '<meta name="viewport" content="width=device-width, initial-scale=1">'
    + `<title>${esc(`${t('zh', 'sourceText')} · ${zhName} · ${t('zh', 'siteName')}`)}</title>`
    + '<meta name="color-scheme" content="light dark"><link rel="icon" href="data:,">'
    + `<meta name="data-version" content="${esc(dataVersion().version)}">`
    + `<meta name="robots" content="noindex"><link rel="canonical" href="${esc(zhPage)}">`
    + '<script>document.documentElement.classList.add(\'js\')</script>'
    + `<link rel="stylesheet" href="${esc(stylesheet)}"></head>`
    + '<body class="source-page"><main id="main" class="inner">'
    + `<p class="crumbs"><a href="${esc(zhPage)}">${esc(t('zh', 'sourceBack'))}</a> · <a href="${esc(enPage)}" lang="en">${esc(t('en', 'sourceBack'))}</a></p>`
    + `<h1>${esc(t('zh', 'sourceText'))}：${esc(zhName)} <span class="zh-sub" lang="en">${esc(t('en', 'sourceText'))}: ${esc(enName)}</span></h1>`
    + `<p class="muted"><span class="mono">${esc(r.source_file)}</span> · ${esc(t('zh', 'sourceTextNote'))}${original ? ` ${esc(t('zh', 'originalNote'))}` : ''}`
    + ` <span lang="en">${esc(t('en', 'sourceTextNote'))}${original ? ` ${esc(t('en', 'originalNote'))}` : ''}</span></p>`
    + sourceHtml(lines)
    + '</main></body></html>';
}
