/**
 * The embed codes of a build-time chart: one that follows the latest data (embed/<chart>/) and one
 * pinned to this build's data version (embed/v/<version>/<chart>/), each with the fallback height
 * that shows the whole embed page where the host runs no script (src/shared/embed.ts).
 */
import { AGENCY_CHART_HEIGHT, AGENCY_CHART_NARROW, AGENCY_CHART_WIDTH, agencyChartDescription, agencyChartTitle, type AgencyData, type AgencyMeasure } from '../shared/agency-chart.ts';
import { embedSnippet, EMBED_PAD, fallbackHeight, scaledChartHeight, type EmbedLayout } from '../shared/embed.ts';
import { NARROW, type ChartSpec } from './charts.ts';
import { t, type Lang } from './i18n.ts';
import { pageHref, slugs } from './url.ts';
import { dataVersion } from './version.ts';

/** The text under an embedded chart: what it shows, its source and date, the data version, the credit. */
export function embedCaption(lang: Lang, c: ChartSpec, version = dataVersion().version): string {
  return `${c.description[lang]} ${t(lang, 'chartSource', { date: dataVersion().date })} ${t(lang, 'dataVersionLine', { version })} ${t(lang, 'credit')} · ${t(lang, 'openChart')}`;
}

/** What the fallback height is estimated from (the embed page's layout: src/components/EmbedChart.astro). */
export function embedLayout(lang: Lang, c: ChartSpec): EmbedLayout {
  return {
    title: c.title[lang],
    legend: (c.legend?.(lang) ?? []).map((l) => l.label),
    caption: embedCaption(lang, c),
    maxWidth: c.width + 2 * EMBED_PAD,
    chartHeight: scaledChartHeight(c.width, c.height, NARROW),
    extra: 32, // the data table's toggle
  };
}

/** Both embed codes; `site` ('' at build time without ATLAS_SITE: the browser adds its origin). */
export function chartSnippets(lang: Lang, c: ChartSpec, site: string): { latest: string; pinned: string; version: string } {
  const { version } = dataVersion();
  const layout = embedLayout(lang, c);
  const common = { title: c.title[lang], height: fallbackHeight(layout), maxWidth: layout.maxWidth };
  return {
    version,
    latest: embedSnippet({ ...common, src: site + pageHref(lang, slugs.embed(c.id)) }),
    pinned: embedSnippet({ ...common, src: site + pageHref(lang, slugs.embedPinned(version, c.id)), version }),
  };
}

/**
 * What an agency chart's embed codes need from the build: its title and the frame's fallback
 * height, from the same layout as a build-time chart's (title, caption, a 640×240 chart, the data
 * table's toggle). The codes themselves — the embed page drawn in the browser from the agency's
 * data file, latest (embed/agency/?id=…&m=…) or pinned (embed/v/<version>/agency/?…) — are written
 * by the agency page's script when a reader opens the dialog (src/client/agency-exports.ts), so
 * each agency page does not carry eight copies of the listener.
 */
export function agencyEmbedFrame(lang: Lang, d: Pick<AgencyData, 'name' | 'name_en'>, measure: AgencyMeasure): { title: string; height: number; maxWidth: number } {
  const { version, date } = dataVersion();
  const title = agencyChartTitle(d, measure, lang);
  const caption = `${agencyChartDescription(measure, lang)} ${t(lang, 'chartSource', { date })} ${t(lang, 'dataVersionLine', { version })} ${t(lang, 'credit')} · ${t(lang, 'openChart')}`;
  const maxWidth = AGENCY_CHART_WIDTH + 2 * EMBED_PAD;
  const height = fallbackHeight({ title, legend: [], caption, maxWidth, chartHeight: scaledChartHeight(AGENCY_CHART_WIDTH, AGENCY_CHART_HEIGHT, AGENCY_CHART_NARROW), extra: 32 });
  return { title, height, maxWidth };
}
