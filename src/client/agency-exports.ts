/**
 * An agency page's chart downloads, made when a reader asks: the agency's data file (the one its
 * embed pages read) is fetched once, the measure's chart drawn with the shared module
 * (src/shared/agency-chart.ts) and saved as the SVG or PNG with title, source line and credit
 * (src/client/export.ts), or its data as CSV, CSV for Excel and a workbook
 * (src/client/chart-downloads.ts), under the names the home charts' files have. Also the embed
 * dialog, filled with a panel's codes when its button is pressed.
 */
import { agencyChart, isAgencyMeasure, type AgencyData } from '../shared/agency-chart.ts';
import { loadAgencyData } from './agency-data.ts';
import { embedSnippet } from '../shared/embed.ts';
import { composeSvg, exportName } from '../shared/export.ts';
import { columnLabel } from '../site/export-text.ts';
import { chartWords, type Lang } from '../site/i18n.ts';
import { pageHref, slugs } from '../site/url.ts';
import { dataFile, versionOf } from './chart-downloads.ts';
import { pngBlob, sourceOf, svgBlob } from './export.ts';
import { saveBlob } from './save.ts';

const files = new Map<string, Promise<AgencyData>>();

/** The panel's agency's data file, fetched once a page (src/client/agency-data.ts); why not, as an error. */
function load(url: string, id: string): Promise<AgencyData> {
  let p = files.get(url);
  if (!p) {
    p = loadAgencyData(url, id).then((d) => {
      if ('key' in d) throw new Error(`${url}: ${d.key}`);
      return d;
    });
    files.set(url, p);
    p.catch(() => files.delete(url));
  }
  return p;
}

export type AgencyExport = 'svg' | 'png' | 'csv' | 'csv-excel' | 'xlsx';

/** A panel's button → its figure, measure, and what its panels share (lineage, data file, language) from the box around them. */
function panelOf(button: HTMLElement) {
  const figure = button.closest<HTMLElement>('[data-agency-chart]');
  const box = figure?.closest<HTMLElement>('[data-lineage]');
  const lang: Lang = box?.dataset.lang === 'en' ? 'en' : 'zh';
  return { figure, measure: figure?.dataset.measure, lineage: box?.dataset.lineage, json: box?.dataset.json, lang };
}

/** The file a panel's button asks for, made and saved. */
export async function agencyExport(button: HTMLElement): Promise<void> {
  const { figure, measure, lineage, json, lang } = panelOf(button);
  const kind = button.dataset.agencyExport as AgencyExport;
  if (!figure || !json || !lineage || !isAgencyMeasure(measure)) return;
  button.setAttribute('aria-busy', 'true');
  try {
    const data = await load(json, lineage);
    const chart = agencyChart(data, measure, lang, chartWords(lang), document);
    const { version } = versionOf(figure);
    if (kind === 'svg' || kind === 'png') {
      const composed = composeSvg(chart.svg(), { title: chart.title, legend: [], ...sourceOf(figure) });
      saveBlob(kind === 'svg' ? svgBlob(composed) : await pngBlob(composed), exportName(chart.id, version, kind, lang));
      return;
    }
    const other: Lang = lang === 'zh' ? 'en' : 'zh';
    const titles = { [lang]: chart.title, [other]: agencyChart(data, measure, other, chartWords(other)).title } as Record<Lang, string>;
    const url = (l: Lang) => new URL(`${pageHref(l, slugs.agency(data.lineage_id))}#${chart.id}`, location.href).href;
    const file = dataFile({
      box: figure, plot: figure, id: chart.id, lang, title: titles, url: { zh: url('zh'), en: url('en') },
      columns: chart.csv.columns.map((name) => ({ name, ...columnLabel(name) })), rows: chart.csv.rows,
    }, kind);
    saveBlob(file.blob, file.name);
  } finally {
    button.removeAttribute('aria-busy');
  }
}

/**
 * The page's embed dialog filled with a panel's codes, latest and pinned, and opened: the frame's
 * title, fallback height and width were computed at build time (src/site/embed.ts
 * agencyEmbedFrame) and sit on the panel's button; the site's origin is the build's (ATLAS_SITE)
 * or this page's.
 */
export function agencyEmbedDialog(button: HTMLElement): void {
  const { figure, measure, lineage, lang } = panelOf(button);
  const dialog = document.querySelector<HTMLDialogElement>('dialog#agency-embed-dialog');
  if (!figure || !dialog || !lineage || !isAgencyMeasure(measure)) return;
  const { embedTitle = '', embedHeight, embedWidth } = button.dataset;
  const { version } = versionOf(figure);
  const origin = dialog.dataset.embedSite || location.origin;
  const common = { title: embedTitle, height: Number(embedHeight) || 600, maxWidth: Number(embedWidth) || 660 };
  dialog.querySelector('h2')!.textContent = embedTitle;
  dialog.querySelector<HTMLTextAreaElement>('textarea.embed-latest')!.value = embedSnippet({ ...common, src: origin + pageHref(lang, slugs.embedAgency(lineage, measure)) });
  dialog.querySelector<HTMLTextAreaElement>('textarea.embed-pinned')!.value = embedSnippet({ ...common, src: origin + pageHref(lang, slugs.embedAgencyPinned(version, lineage, measure)), version });
  dialog.showModal();
}
