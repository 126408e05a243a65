/**
 * The compare tool's catalog of lineages as a file (data/v/<version>/catalog.json, written by
 * src/site/compare-catalog.ts) and the agency picker's search over it. The page itself names no
 * lineage: it fetches this file after its first chart, or when the reader first focuses the
 * picker. Pure: the page, the build and the tests share it.
 *
 * A name is found as typed: Chinese characters anywhere in any of its names (长治, 中小企业), pinyin
 * run together from any syllable on or word by word ("changzhi", "zhongxiao qiye", initials
 * "czs"), English words ("investment promotion"), the region ("长治" also finds the agencies in
 * 长治市, after those named so), the id, and a year it reported on ("长治 2023").
 */
import { runTerms } from '../shared/search.ts';
import type { CatalogLineage } from './compare-model.ts';

export interface CatalogFile {
  /** The data version the file belongs to. */
  version: string;
  /** The English of every place name in the lineages' regions (福建省 → Fujian). */
  places: Record<string, string>;
  lineages: CatalogLineage[];
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrs = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);

/** A fetched catalog file, checked: the file, or null when it is not one. */
export function readCatalog(json: unknown): CatalogFile | null {
  if (!json || typeof json !== 'object') return null;
  const f = json as Record<string, unknown>;
  if (!isStr(f.version) || !f.places || typeof f.places !== 'object' || !Array.isArray(f.lineages)) return null;
  for (const l of f.lineages as Record<string, unknown>[]) {
    if (!l || !isStr(l.id) || !isStr(l.name) || !isStrs(l.names) || !isStrs(l.region)) return null;
    if (!Array.isArray(l.years) || !l.years.every((y) => Number.isInteger(y))) return null;
    if (!Array.isArray(l.agencies) || !l.agencies.every((a: Record<string, unknown>) => a && isStr(a.id) && isStr(a.name))) return null;
    if ((l.en !== undefined && !isStr(l.en)) || (l.py !== undefined && !isStr(l.py))) return null;
  }
  return json as CatalogFile;
}

interface Entry {
  lineage: CatalogLineage;
  /** Every Chinese name, joined. */
  zh: string;
  /** Its region's names, joined. */
  place: string;
  /** Run-together pinyin and initials from each syllable on, of every name. */
  py: string[];
  ini: string[];
  /** Words of its English names and ids; of its region's English names. */
  words: string[];
  placeWords: string[];
}

export interface PickerIndex {
  entries: Entry[];
}

const wordsOf = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** The catalog made ready to search (once, when the file arrives). */
export function pickerIndex(file: Pick<CatalogFile, 'lineages' | 'places'>): PickerIndex {
  return {
    entries: file.lineages.map((l) => {
      const py = new Set<string>(), ini = new Set<string>();
      for (const name of (l.py ?? '').split('|')) {
        const run = runTerms(name.split(' ').filter(Boolean));
        run.py.forEach((t) => py.add(t));
        run.ini.forEach((t) => ini.add(t));
      }
      const english = [l.en ?? '', ...l.agencies.map((a) => `${a.en ?? ''} ${a.id}`), l.id].join(' ');
      return {
        lineage: l,
        zh: [l.name, ...l.names, ...l.agencies.map((a) => a.name)].join('\u0001'),
        place: l.region.join('\u0001'),
        py: [...py], ini: [...ini],
        words: [...new Set(wordsOf(english))],
        placeWords: [...new Set(l.region.flatMap((r) => wordsOf(file.places[r] ?? '')))],
      };
    }),
  };
}

/** A query cut into Chinese runs, Latin words and years. */
export function pickerQuery(text: string): { han: string[]; latin: string[]; years: number[] } {
  const t = text.normalize('NFKC').toLowerCase();
  const han = t.match(/\p{Script=Han}+/gu) ?? [];
  const latin: string[] = [], years: number[] = [];
  for (const w of t.replace(/\p{Script=Han}+/gu, ' ').match(/[a-z0-9]+/g) ?? []) {
    if (/^(?:19|20)\d\d$/.test(w)) years.push(Number(w));
    else latin.push(w);
  }
  return { han, latin, years };
}

const prefixOf = (terms: readonly string[], w: string) => terms.some((t) => t.startsWith(w));

/** How well an entry matches (0: not at all). Its names count more than its region. */
function score(e: Entry, q: ReturnType<typeof pickerQuery>): number {
  let n = 0;
  for (const run of q.han) {
    if (e.zh.includes(run)) n += e.lineage.name.startsWith(run) ? 6 : 4;
    else if (e.place.includes(run)) n += 1;
    else return 0;
  }
  if (q.latin.length) {
    const joined = q.latin.join('');
    if (prefixOf(e.py, joined) || (joined.length > 1 && prefixOf(e.ini, joined))) n += e.py[0]?.startsWith(joined) ? 5 : 3;
    else {
      let inPlace = false;
      for (const w of q.latin) {
        if (prefixOf(e.py, w) || prefixOf(e.words, w)) continue;
        if (prefixOf(e.placeWords, w)) inPlace = true;
        else return 0;
      }
      n += inPlace ? 1 : 2;
    }
  }
  for (const y of q.years) {
    if (!e.lineage.years.includes(y)) return 0;
  }
  return n || (q.years.length ? 1 : 0);
}

/**
 * The lineages a query finds, best first (then by name and id), at most `limit`, and how many
 * there are in all. An empty query lists the catalog in its order (the reader browses with ↓).
 */
export function pick(index: PickerIndex, text: string, limit = 20): { hits: CatalogLineage[]; total: number } {
  const q = pickerQuery(text);
  if (!q.han.length && !q.latin.length && !q.years.length) {
    return { hits: index.entries.slice(0, limit).map((e) => e.lineage), total: index.entries.length };
  }
  const found: { e: Entry; n: number }[] = [];
  for (const e of index.entries) {
    const n = score(e, q);
    if (n > 0) found.push({ e, n });
  }
  found.sort((a, b) => b.n - a.n || a.e.lineage.name.length - b.e.lineage.name.length
    || (a.e.lineage.name < b.e.lineage.name ? -1 : a.e.lineage.name > b.e.lineage.name ? 1 : 0)
    || (a.e.lineage.id < b.e.lineage.id ? -1 : 1));
  return { hits: found.slice(0, limit).map((x) => x.e.lineage), total: found.length };
}
