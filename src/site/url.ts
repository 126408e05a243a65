/** URLs under the site's base path (ATLAS_BASE at build time, e.g. /atlas/). */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/** The base path, always with one trailing slash. */
export function base(): string {
  const b = import.meta.env.BASE_URL ?? '/';
  return b.endsWith('/') ? b : `${b}/`;
}

/** A path under the base: withBase('data/summary.csv') → /atlas/data/summary.csv. */
export function withBase(path: string): string {
  return base() + path.replace(/^\/+/, '');
}

/** The page `slug` ('' for home, 'agency/x/') in a language: Chinese at the root, English under en/. */
export function pageHref(lang: Lang, slug: string): string {
  return withBase((lang === 'en' ? 'en/' : '') + slug.replace(/^\/+/, ''));
}

/** The language-less slug of a URL path under the base: /atlas/en/agency/x/ → agency/x/. */
export function slugOf(pathname: string): string {
  let p = pathname.startsWith(base()) ? pathname.slice(base().length) : pathname.replace(/^\/+/, '');
  if (p === 'en' || p.startsWith('en/')) p = p.slice(3);
  return p;
}

/** getStaticPaths helper for the [...lang] routes: undefined is Chinese (the root). */
export const langParam = (lang: Lang): string | undefined => (lang === 'en' ? 'en' : undefined);
export const langOf = (param: string | undefined): Lang => (param === 'en' ? 'en' : 'zh');

export const slugs = {
  home: '',
  agency: (lineageId: string) => `agency/${lineageId}/`,
  report: (reportId: string) => `report/${reportId}/`,
  /**
   * A report's source text: one file for both languages beside the Chinese report page (report
   * pages take it as their base and load it on demand; src/site/source-page.ts).
   */
  source: (reportId: string) => `report/${reportId}/source.html`,
  regions: 'regions/',
  /** A province's or city's page by its six-digit GB/T 2260 code (regions/350000/). */
  region: (code: string) => `regions/${code}/`,
  agencies: 'agencies/',
  reports: 'reports/',
  /** The reports on a year (null: the year is unknown), in pages (src/site/lists.ts). */
  reportsYear: (year: number | null) => `reports/${year ?? 'unknown'}/`,
  /** The reports to look at (not read, mostly blank, checks that fail), in pages. */
  reportsAttention: 'reports/attention/',
  data: 'data/',
  about: 'about/',
  compare: 'compare/',
  notebook: 'notebook/',
  explore: 'explore/',
  embed: (chartId: string) => `embed/${chartId}/`,
  /** The same embed pinned to a data version: a deploy that keeps old folders keeps every version an embed pinned. */
  embedPinned: (version: string, chartId: string) => `embed/v/${version}/${chartId}/`,
  /** The Parquet files of a data version, which pinned compare embeds query. */
  dataPinned: (version: string) => `data/v/${version}/`,
  /** The compare tool's catalog of lineages under a data version: its agency picker fetches it. */
  catalog: (version: string) => `data/v/${version}/catalog.json`,
  /** An agency's small data file under a data version: its charts are drawn from it in the browser. */
  agencyData: (version: string, lineageId: string) => `data/v/${version}/agency/${lineageId}.json`,
  /** An agency chart's embed page, drawn in the browser from the latest data: one page for every agency and measure. */
  embedAgency: (lineageId: string, measure: string) => `embed/agency/?id=${encodeURIComponent(lineageId)}&m=${encodeURIComponent(measure)}`,
  /** The same pinned to a data version (and that version's data file). */
  embedAgencyPinned: (version: string, lineageId: string, measure: string) => `embed/v/${version}/agency/?id=${encodeURIComponent(lineageId)}&m=${encodeURIComponent(measure)}`,
} as const;

/**
 * ATLAS_PAGES=home builds the site without the pages made one per report, agency or region (for
 * measuring the home page at 10,000 reports without building 20,000 report pages); unset, every
 * page is built.
 */
export const perItemPages = (): boolean => (process.env.ATLAS_PAGES ?? 'all') !== 'home';

/**
 * A site path as written on a page whose `<base href>` is `base` (a report page's source file):
 * relative where it lies in the base's folder (`./#checks` on the Chinese report page, whose source
 * file sits beside it), else as it is.
 */
export function fromBase(base: string, href: string): string {
  const dir = base.slice(0, base.lastIndexOf('/') + 1);
  return href.startsWith(dir) ? `./${href.slice(dir.length)}` : href;
}
