import Papa from 'papaparse';
import { isoDate, plausiblePublisher, type PageMeta } from './meta.ts';

/** File names a manifest beside the reports may have; it is read as the manifest, not as a report. */
export const MANIFEST_NAMES = ['SOURCES.tsv', 'sources.tsv', 'SOURCES.csv', 'sources.csv', 'manifest.tsv', 'manifest.csv', 'MANIFEST.tsv', 'MANIFEST.csv'];

const COLUMNS: Record<keyof PageMeta | 'file', string[]> = {
  file: ['file', 'filename', 'file_name', 'name', '文件', '文件名'],
  title: ['title', '标题'],
  publisher: ['publisher', 'agency', '发布机构'],
  year: ['report_year', 'year', '年度'],
  publishedAt: ['published', 'published_at', 'date', '发布时间', '发布日期'],
  url: ['original_url', 'url', 'source_url', '原文链接'],
};

/**
 * A manifest (CSV or TSV with a header row: file, title, publisher, report_year, published,
 * original_url — the corpus's SOURCES.tsv) to what it says of each file, keyed by file name
 * without extension, so one row serves a report's .txt and .html alike.
 */
export function readManifest(text: string): Map<string, PageMeta> {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true, delimiter: text.split('\n', 1)[0]!.includes('\t') ? '\t' : ',' });
  const header = parsed.meta.fields ?? [];
  const col = (k: keyof typeof COLUMNS) => header.find((h) => COLUMNS[k].includes(h.trim().toLowerCase()) || COLUMNS[k].includes(h.trim()));
  const out = new Map<string, PageMeta>();
  const fileCol = col('file');
  if (!fileCol) return out;
  const get = (r: Record<string, string>, k: keyof typeof COLUMNS) => {
    const c = col(k);
    const v = c ? r[c]?.trim() : '';
    return v ? v : null;
  };
  for (const r of parsed.data) {
    const file = get(r, 'file');
    if (!file) continue;
    const year = Number(get(r, 'year'));
    const published = get(r, 'publishedAt');
    const url = get(r, 'url');
    const publisher = get(r, 'publisher');
    out.set(stemOf(file), {
      title: get(r, 'title'),
      publisher: publisher ? plausiblePublisher(publisher) : null,
      year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : null,
      publishedAt: published ? isoDate(published) : null,
      url: url && /^https?:\/\/\S+$/.test(url) ? url : null,
    });
  }
  return out;
}

/** A file's name without folder and extension: the key a manifest row matches. */
export const stemOf = (file: string): string => file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
