/**
 * The site search's terms, shared by the index builder (build time, src/site/search.ts) and the
 * search box (browser, src/client/search.ts). MiniSearch indexes fields whose text is already a
 * space-separated list of terms, made at build time:
 *
 * - `zh`: every Chinese character and every pair of neighbouring characters of the names
 *   (投资促进 is found as 投资 + 资促 + 促进 in 平潭综合实验区投资促进局);
 * - `py`: the toneless pinyin run together from each character on (touzicujinju, zicujinju…), so
 *   that "touzi", "touzi cujin" and "touzicujin" are prefixes of a term;
 * - `ini`: the same for initials (tzcjj: "tzcj" is a prefix);
 * - `en`: the words of the English name.
 *
 * The browser never needs pinyin-pro: a query is cut into the same kind of terms here.
 */
import MiniSearch from 'minisearch';

/**
 * A result: an agency lineage, a region or a report. The index holds lineages and regions; a
 * lineage carries its reports, which a query naming a year (投资促进局 2024) returns.
 */
export type SearchKind = 'agency' | 'region' | 'report';

/** A report of a lineage: year, report id, and the name it was printed under where that is not the lineage's (zh, en). */
export type SearchReport = [year: number, reportId: string, zh?: string, en?: string];

/** What a result shows and where it goes (stored in the index beside the terms). */
export interface SearchStored {
  kind: SearchKind;
  /** Title in Chinese (as printed) and in English. */
  zh: string;
  en: string;
  /** A second line: the region of an agency, the agency of a report… */
  sub_zh: string;
  sub_en: string;
  /** The language-less page slug (agency/x/, report/y/, regions/350000/). */
  href: string;
  /** The reports of a lineage (none for a region). */
  reports: SearchReport[];
}

/** Fields indexed, as terms; stored fields are kept to show a result. */
export const SEARCH_FIELDS = ['zh', 'py', 'ini', 'en'] as const;
export const STORE_FIELDS: (keyof SearchStored)[] = ['kind', 'zh', 'en', 'sub_zh', 'sub_en', 'href', 'reports'];

/**
 * The MiniSearch options both sides use. Indexed text is already terms; stored display fields
 * are named apart (title_zh…) from the indexed ones so that a title is never cut into terms.
 */
export const SEARCH_OPTIONS = {
  idField: 'id',
  fields: [...SEARCH_FIELDS] as string[],
  storeFields: STORE_FIELDS.map((f) => `s_${f}`),
  tokenize: (text: string): string[] => text.split(' ').filter(Boolean),
  processTerm: (term: string): string => term.toLowerCase(),
};

/** Chinese characters and neighbouring pairs of a text (other characters end a run). */
export function hanTerms(text: string): string[] {
  const out = new Set<string>();
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const cs = [...run];
    cs.forEach((c, i) => {
      out.add(c);
      if (i + 1 < cs.length) out.add(c + cs[i + 1]);
    });
  }
  return [...out];
}

/** How many syllables a run-together pinyin term carries at most (6: "zonghe shiyanqu touzi"). */
export const MAX_SYLLABLES = 6;

/**
 * Run-together terms from each syllable on: [tou, zi, cu, jin] → touzicujin, zicujin, cujin, jin;
 * and the same with initials: tzcj, zcj, cj, j.
 */
export function runTerms(syllables: readonly string[]): { py: string[]; ini: string[] } {
  const s = syllables.map((x) => x.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  const py = new Set<string>(), ini = new Set<string>();
  for (let i = 0; i < s.length; i++) {
    const part = s.slice(i, i + MAX_SYLLABLES);
    py.add(part.join(''));
    ini.add(part.map((x) => x[0]).join(''));
  }
  return { py: [...py], ini: [...ini] };
}

/** The words of an English (or other Latin-script) name, lower case. */
export const wordTerms = (text: string): string[] => [...new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? [])];

/** A query cut the way the index is: Chinese terms, Latin words, years. */
export interface ParsedQuery {
  /** Chinese runs, each as the terms that must all match (pairs; a lone character as itself). */
  han: string[][];
  /** Latin words as typed ("touzi", "cujin"). */
  latin: string[];
  /** Years named (2019…2099). */
  years: number[];
}

export function parseQuery(q: string): ParsedQuery {
  const text = q.normalize('NFKC').toLowerCase();
  const han = (text.match(/\p{Script=Han}+/gu) ?? []).map((run) => {
    const cs = [...run];
    return cs.length === 1 ? cs : cs.slice(0, -1).map((c, i) => c + cs[i + 1]);
  });
  const years: number[] = [];
  const latin: string[] = [];
  for (const w of text.replace(/\p{Script=Han}+/gu, ' ').match(/[a-z0-9]+/g) ?? []) {
    const m = /^(?:19|20)\d\d$/.test(w) ? Number(w) : null;
    if (m !== null) years.push(m);
    else latin.push(w);
  }
  return { han, latin, years };
}

/** Whether a query has anything to look for. */
export const hasTerms = (p: ParsedQuery): boolean => p.han.length > 0 || p.latin.length > 0 || p.years.length > 0;

/** A result: what it shows, where it goes, how well it matched. */
export interface Hit extends Omit<SearchStored, 'reports'> {
  id: string;
  /** The year of a report (0 for agencies and regions). */
  year: number;
  score: number;
}

const KIND_ORDER: Record<SearchKind, number> = { region: 0, agency: 1, report: 2 };

/** A search document as MiniSearch holds it: terms to index, s_-prefixed fields to show. */
export type SearchDoc = { id: string } & Record<(typeof SEARCH_FIELDS)[number], string> & { [K in keyof SearchStored as `s_${K}`]: SearchStored[K] };

type Found = Map<string, { score: number; stored: Record<string, unknown> }>;

/**
 * Runs a query: every Chinese run must match (all its pairs), and Latin words must match as run
 * together pinyin or initials, or as words of the English name. A query that names a year
 * (投资促进局 2024, or 2024 alone) returns the reports on that year of the lineages it matches.
 */
export function runSearch(ms: MiniSearch, q: string, limit = 10): { hits: Hit[]; total: number } {
  const p = parseQuery(q);
  if (!hasTerms(p)) return { hits: [], total: 0 };
  const parts: Found[] = [];
  const collect = (results: ReturnType<MiniSearch['search']>, into: Found = new Map()) => {
    for (const r of results) {
      const had = into.get(String(r.id));
      if (!had || had.score < r.score) into.set(String(r.id), { score: r.score, stored: r });
    }
    return into;
  };
  for (const terms of p.han) parts.push(collect(ms.search(terms.join(' '), { fields: ['zh'], combineWith: 'AND', prefix: false, fuzzy: false })));
  if (p.latin.length) {
    const m = collect(ms.search(p.latin.join(''), { fields: ['py', 'ini'], prefix: true, fuzzy: false }));
    collect(ms.search(p.latin.join(' '), { fields: ['en'], combineWith: 'AND', prefix: true, fuzzy: false }), m);
    parts.push(m);
  }
  if (!parts.length) parts.push(collect(ms.search(MiniSearch.wildcard, { filter: (r) => r.s_kind === 'agency' })));
  const [found, ...rest] = parts;
  const hits: Hit[] = [];
  for (const [id, { score: first, stored }] of found!) {
    if (rest.some((m) => !m.has(id))) continue;
    const score = first + rest.reduce((a, m) => a + m.get(id)!.score, 0);
    const kind = stored.s_kind as SearchKind;
    const shown = { zh: String(stored.s_zh), en: String(stored.s_en), sub_zh: String(stored.s_sub_zh), sub_en: String(stored.s_sub_en) };
    if (!p.years.length) {
      hits.push({ id, kind, ...shown, href: String(stored.s_href), year: 0, score });
      continue;
    }
    for (const [year, reportId, zh, en] of (stored.s_reports as SearchReport[] | undefined) ?? []) {
      if (!p.years.includes(year)) continue;
      hits.push({
        id: `p:${reportId}`, kind: 'report', year, score, href: `report/${reportId}/`,
        zh: `${zh ?? shown.zh} ${year} 年度报告`, en: `${en ?? shown.en}: report on ${year}`,
        sub_zh: zh && zh !== shown.zh ? shown.zh : '', sub_en: en && en !== shown.en ? shown.en : '',
      });
    }
  }
  hits.sort((a, b) => b.score - a.score || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.year - a.year || (a.zh < b.zh ? -1 : a.zh > b.zh ? 1 : 0));
  return { hits: hits.slice(0, limit), total: hits.length };
}
