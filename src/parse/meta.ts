import { squash, type Line } from './text.ts';

/**
 * What the page around a report says about it: a web archiver's header (标题:, 发布时间:,
 * 发布机构:, 原文链接:) or a manifest row beside the reports. Every field may be missing.
 */
export interface PageMeta {
  title: string | null;
  publisher: string | null;
  /** The report year as the manifest states it. */
  year: number | null;
  /** ISO date (YYYY-MM-DD) the page was published. */
  publishedAt: string | null;
  url: string | null;
}

export const NO_META: PageMeta = { title: null, publisher: null, year: null, publishedAt: null, url: null };

const FIELDS: Record<string, keyof PageMeta> = {
  标题: 'title', 题目: 'title', 文章标题: 'title', title: 'title',
  发布机构: 'publisher', 发文机关: 'publisher', 来源: 'publisher', 信息来源: 'publisher', 发布单位: 'publisher',
  发布时间: 'publishedAt', 发布日期: 'publishedAt', 成文日期: 'publishedAt', 日期: 'publishedAt',
  原文链接: 'url', 原文地址: 'url', 链接: 'url', url: 'url', 来源链接: 'url',
};
const FIELD = /^\s*(标题|题目|文章标题|title|发布机构|发文机关|来源|信息来源|发布单位|发布时间|发布日期|成文日期|日期|原文链接|原文地址|链接|url|来源链接)\s*[:：]\s*(.*?)\s*$/i;

/** Metadata lines at the top of a file; returns them and the indexes of the lines they took. */
export function readPageMeta(lines: Line[]): { meta: PageMeta; used: Set<number>; titleLine: number | null } {
  const meta: PageMeta = { ...NO_META };
  const used = new Set<number>();
  let titleLine: number | null = null;
  const head = Math.min(lines.length, 20);
  for (let i = 0; i < head; i++) {
    const m = FIELD.exec(lines[i]!.raw);
    if (!m) continue;
    const key = FIELDS[m[1]!] ?? FIELDS[m[1]!.toLowerCase()];
    const value = m[2]!.trim();
    used.add(i);
    if (!key || !value || meta[key] !== null) continue;
    if (key === 'publishedAt') meta.publishedAt = isoDate(value);
    else if (key === 'url') meta.url = /^https?:\/\/\S+$/.test(value) ? value : null;
    else if (key === 'publisher') meta.publisher = plausiblePublisher(value);
    else if (key === 'title') (meta.title = squash(value) ? value : null), (titleLine = lines[i]!.n);
  }
  return { meta, used, titleLine };
}

/** A publisher field often holds noise ("1", a site's name): kept only when it names an organ. */
export function plausiblePublisher(v: string): string | null {
  const s = squash(v);
  return s.length >= 3 && /[\u4e00-\u9fa5]/.test(s) ? s : null;
}

export function isoDate(v: string): string | null {
  const m = /((?:19|20)\d{2})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})/.exec(v);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date.toISOString().slice(0, 10) : null;
}
