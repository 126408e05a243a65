/**
 * Citations of one report or of the whole dataset, in four forms: plain text in Chinese
 * (GB/T 7714-2015 style) and English (APA-like), BibTeX and CSL-JSON. Pure: the pages render
 * them at build time and the browser renders them again with its own origin and today's date.
 */

/** The texts the citation needs in both languages (site and dataset names). */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One report, as its reports row and its page give it. */
export interface ReportCite {
  kind: 'report';
  /** report_id: the BibTeX key and the CSL id. */
  id: string;
  /** The publishing agency as printed. */
  agency: string;
  /** Its English name (registry or pinyin), when it has one. */
  agencyEn?: string | null;
  /** The report's title as printed. */
  title: string;
  /** The year the report is on. */
  year: number | null;
  /** YYYY-MM-DD: published_at, else published_on; null when neither is known. */
  published: string | null;
  /** reports.source_url: the original page. */
  sourceUrl: string | null;
  /** This site's page of the report, per language: absolute, or a path from the site root. */
  page: Bilingual;
  site: Bilingual;
  /** The data version, e.g. 2026-04-17.be74630. */
  version: string;
}

/** The whole dataset. */
export interface DatasetCite {
  kind: 'dataset';
  id: string;
  title: Bilingual;
  /** The publisher: this site. */
  site: Bilingual;
  version: string;
  /** The data version's date, YYYY-MM-DD. */
  date: string;
  /** The data page, per language: absolute, or a path from the site root. */
  page: Bilingual;
  licence: string;
}

export type CiteInput = ReportCite | DatasetCite;

export interface Citation {
  zh: string;
  en: string;
  bibtex: string;
  /** CSL-JSON: an array of one item, as reference managers import it. */
  csl: string;
}

export interface CiteOptions {
  /** The language of the page: the BibTeX and CSL-JSON name its page. */
  lang: 'zh' | 'en';
  /** YYYY-MM-DD: the day the reader accessed the page. */
  accessed: string;
  /** `https://host`: put before every path that is not yet absolute; without it paths stay as they are. */
  origin?: string;
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** A URL made absolute with `origin` (no trailing slash needed); already absolute ones are kept. */
export function absoluteUrl(url: string, origin?: string): string {
  if (ABSOLUTE.test(url) || !origin) return url;
  return origin.replace(/\/+$/, '') + (url.startsWith('/') ? url : `/${url}`);
}

/** Characters special to (La)TeX in a BibTeX text field, escaped so the field prints as given. */
export function bibtexText(s: string): string {
  return s.replace(/[\\{}$&%#_^~]/g, (c) => {
    switch (c) {
      case '\\': return '\\textbackslash{}';
      case '^': return '\\^{}';
      case '~': return '\\~{}';
      default: return `\\${c}`;
    }
  });
}

/**
 * A URL for a BibTeX `url` field, which biblatex and the url package read verbatim: only the
 * characters that would unbalance or end the field (braces, backslash, whitespace) are
 * percent-encoded; `%`, `#`, `_` and `~` stay as they are.
 */
export function bibtexUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A BibTeX key: letters, digits and `-_:.` only. */
export const bibtexKey = (s: string) => s.replace(/[^A-Za-z0-9_:.-]+/g, '-').replace(/^-+|-+$/g, '') || 'ref';

function bibtex(type: string, key: string, fields: [string, string | null | undefined][]): string {
  const kept = fields.filter((f): f is [string, string] => f[1] !== null && f[1] !== undefined && f[1] !== '');
  const width = Math.max(...kept.map(([k]) => k.length));
  return `@${type}{${bibtexKey(key)},\n${kept.map(([k, v]) => `  ${k.padEnd(width)} = {${v}},`).join('\n')}\n}`;
}

/** CSL date-parts of YYYY-MM-DD, or of a year alone. */
function dateParts(day: string | null, year?: number | null): { 'date-parts': number[][] } | undefined {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  if (m) return { 'date-parts': [[Number(m[1]), Number(m[2]), Number(m[3])]] };
  return year ? { 'date-parts': [[year]] } : undefined;
}

const yearOf = (day: string | null) => (day ? day.slice(0, 4) : null);
/** A sentence ends in one full stop, whatever the URL or title before it ends with. */
const stop = (s: string) => (/[.。]$/.test(s) ? s : `${s}.`);

function reportCitation(r: ReportCite, o: CiteOptions): Citation {
  const page = { zh: absoluteUrl(r.page.zh, o.origin), en: absoluteUrl(r.page.en, o.origin) };
  const source = r.sourceUrl ? absoluteUrl(r.sourceUrl, o.origin) : null;
  const year = yearOf(r.published);
  const agencyEn = r.agencyEn && r.agencyEn !== r.agency ? `${r.agency} (${r.agencyEn})` : r.agency;
  const titleEn = r.year ? `Annual report on government information disclosure, ${r.year}` : 'Annual report on government information disclosure';
  // GB/T 7714-2015, electronic resource: 责任者. 题名[EB/OL]. (发布日期)[引用日期]. 获取和访问路径.
  // Each text ends with the site's page, so no punctuation follows a URL at the end.
  // Without the original's URL, this site's page is where the report is found.
  const zhSite = `${r.site.zh}（数据版本 ${r.version}）：${page.zh}`;
  const enSite = `${r.site.en} (data version ${r.version}): ${page.en}`;
  const zh = `${r.agency}. ${r.title}[EB/OL]. ${r.published ? `(${r.published})` : ''}[${o.accessed}]. ${source ? `${stop(source)} 另见：${zhSite}` : zhSite}`;
  const en = `${agencyEn}. (${year ?? 'n.d.'}). ${r.title} [${titleEn}]. Retrieved ${o.accessed}, from ${source ? `${stop(source)} Also in ${enSite}` : enSite}`;
  const here = page[o.lang];
  const note = `${r.site.en} (${r.site.zh}): ${here}, data version ${r.version}`;
  const bib = bibtex('misc', `${r.id}`, [
    ['author', `{${bibtexText(r.agency)}}`],
    ['title', `{${bibtexText(r.title)}}`],
    ['year', year],
    ['date', r.published],
    ['url', bibtexUrl(source ?? here)],
    ['urldate', o.accessed],
    ['language', 'chinese'],
    ['note', bibtexText(source ? `${note}. Accessed ${o.accessed}` : `Data version ${r.version}. Accessed ${o.accessed}`)],
  ]);
  const item = {
    id: r.id,
    type: 'report',
    title: r.title,
    author: [{ literal: r.agency }],
    publisher: r.agency,
    genre: '政府信息公开工作年度报告',
    ...(dateParts(r.published) ? { issued: dateParts(r.published) } : {}),
    accessed: dateParts(o.accessed),
    URL: source ?? here,
    language: 'zh-CN',
    note: source ? note : `Data version ${r.version}`,
  };
  return { zh, en, bibtex: bib, csl: cslJson(item) };
}

/** CSL-JSON as reference managers import it (an array of items), 2-space indented, dates and authors on one line. */
function cslJson(item: object): string {
  return JSON.stringify([item], null, 2)
    .replace(/\[\s*\[\s*([\d\s,]+?)\s*\]\s*\]/g, (_, xs: string) => `[[${xs.split(/\s*,\s*/).join(', ')}]]`)
    .replace(/\[\s*\{\s*("literal": "(?:[^"\\]|\\.)*")\s*\}\s*\]/g, '[{ $1 }]');
}

function datasetCitation(d: DatasetCite, o: CiteOptions): Citation {
  const page = { zh: absoluteUrl(d.page.zh, o.origin), en: absoluteUrl(d.page.en, o.origin) };
  const year = yearOf(d.date);
  const here = page[o.lang];
  // GB/T 7714-2015 marks a dataset [DS/OL].
  // The plain texts end with the URL (no punctuation after it); the licence is in BibTeX and CSL-JSON.
  const zh = `${d.site.zh}. ${d.title.zh}：数据版本 ${d.version}[DS/OL]. (${d.date})[${o.accessed}]. ${page.zh}`;
  // APA leaves out the publisher when it is the author.
  const en = `${d.site.en}. (${year}). ${d.title.en} (Version ${d.version}) [Data set]. Retrieved ${o.accessed}, from ${page.en}`;
  const bib = bibtex('misc', `${d.id}-${d.version}`, [
    ['author', `{${bibtexText(d.site.en)}}`],
    ['title', `{${bibtexText(`${d.title.en} (${d.title.zh})`)}}`],
    ['year', year],
    ['date', d.date],
    ['version', bibtexText(d.version)],
    ['publisher', bibtexText(d.site.en)],
    ['howpublished', bibtexText('Data set')],
    ['url', bibtexUrl(here)],
    ['urldate', o.accessed],
    ['note', bibtexText(`Data version ${d.version}. Licence: ${d.licence}. Accessed ${o.accessed}`)],
  ]);
  const item = {
    id: `${d.id}-${d.version}`,
    type: 'dataset',
    title: `${d.title.en} (${d.title.zh})`,
    author: [{ literal: d.site.en }],
    publisher: d.site.en,
    version: d.version,
    issued: dateParts(d.date),
    accessed: dateParts(o.accessed),
    URL: here,
    license: d.licence,
  };
  return { zh, en, bibtex: bib, csl: cslJson(item) };
}

export function cite(input: CiteInput, options: CiteOptions): Citation {
  return input.kind === 'report' ? reportCitation(input, options) : datasetCitation(input, options);
}

/** The reader's today as YYYY-MM-DD, in their own time zone (the day on their calendar). */
export function localDay(d: Date): string {
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
