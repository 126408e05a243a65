/**
 * The site search's index, built at build time (src/pages/search-index.json.ts) and loaded by the
 * search box only when the reader starts typing. One document per agency lineage (every name it
 * had, carrying its reports), per region (province, city, county); terms as src/shared/search.ts cuts
 * them, with the pinyin of every name made here by pinyin-pro (the browser never needs it).
 */
import MiniSearch from 'minisearch';
import { pinyin } from 'pinyin-pro';
import { hanTerms, runTerms, SEARCH_OPTIONS, wordTerms, type SearchDoc, type SearchKind, type SearchReport, type SearchStored } from '../shared/search.ts';
import { lineages, type Lineage } from './model.ts';
import { agencyLabel, lineageLabel, placeName, regionName } from './names.ts';
import { regionIndex } from './regions.ts';
import { slugs } from './url.ts';

/** The syllables of a name: pinyin for Chinese characters (in context: 银行 yin hang), other runs kept. */
export function syllables(name: string): string[] {
  return pinyin(name.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => s.trim().toLowerCase())
    .filter((s) => /[a-z0-9]/.test(s));
}

/** The terms of a set of names (Chinese as printed) and English names, for the indexed fields. */
export function termsOf(names: readonly string[], english: readonly string[]): Pick<SearchDoc, 'zh' | 'py' | 'ini' | 'en'> {
  const zh = new Set<string>(), py = new Set<string>(), ini = new Set<string>(), en = new Set<string>();
  for (const n of names) {
    hanTerms(n).forEach((t) => zh.add(t));
    const run = runTerms(syllables(n));
    run.py.forEach((t) => py.add(t));
    run.ini.forEach((t) => ini.add(t));
  }
  for (const e of english) wordTerms(e).forEach((t) => en.add(t));
  const join = (s: Set<string>) => [...s].join(' ');
  return { zh: join(zh), py: join(py), ini: join(ini), en: join(en) };
}

interface Place {
  province: string | null;
  city: string | null;
  county: string | null;
}

/**
 * Where a region's results go: its section of the regions page (a county to its city's). The
 * regions page names its sections by province and province-city.
 */
export function regionHref(level: 'province' | 'city' | 'county', r: Place, code?: string | null): string {
  // A province or city has its own page (regions/<code>/); a county lands on its city's.
  if (code && /^\d{6}$/.test(code)) {
    const page = level === 'province' ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`;
    if (regionIndex().byCode.has(page)) return slugs.region(page);
  }
  const anchor = level === 'province' || !r.city || r.city === r.province ? r.province! : `${r.province}-${r.city}`;
  return `${slugs.regions}#${encodeURIComponent(anchor)}`;
}

const doc = (id: string, kind: SearchKind, terms: Pick<SearchDoc, 'zh' | 'py' | 'ini' | 'en'>, shown: Omit<SearchStored, 'kind'>): SearchDoc => ({
  id, ...terms, s_kind: kind, s_zh: shown.zh, s_en: shown.en, s_sub_zh: shown.sub_zh, s_sub_en: shown.sub_en, s_href: shown.href, s_reports: shown.reports,
});

/**
 * Every document of the search: a lineage under every name it had (Chinese, English, pinyin,
 * initials), with its reports; a region (province, city, county) where a lineage is.
 */
export function searchDocs(all: readonly Lineage[] = lineages()): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const regions = new Map<string, SearchDoc>();
  for (const l of all) {
    const names = [...new Set([l.name, ...l.names.map((n) => n.name)])];
    const current = lineageLabel('en', l);
    const english = [...new Set([current, ...l.names.map((n) => agencyLabel('en', n))])];
    const years = l.years.length ? (l.years.length > 1 ? `${l.years[0]}–${l.years.at(-1)}` : String(l.years[0])) : '';
    const reports: SearchReport[] = l.reports.filter((s) => s.year !== null).map((s) => {
      const printed = s.agency_name ?? l.name;
      return printed === l.name ? [s.year!, s.report_id] : [s.year!, s.report_id, printed, agencyLabel('en', { name: printed, agency_id: s.agency_id })];
    });
    const sub = (lang: 'zh' | 'en') => [regionName(lang, l), years].filter((s) => s && s !== '—').join(' · ');
    docs.push(doc(`a:${l.id}`, 'agency', termsOf(names, english), { zh: l.name, en: current, sub_zh: sub('zh'), sub_en: sub('en'), href: slugs.agency(l.id), reports }));
    const levels = [['province', l.province], ['city', l.city !== l.province ? l.city : null], ['county', l.county]] as const;
    for (const [level, name] of levels) {
      if (!name) continue;
      const place: Place = { province: l.province, city: level === 'province' ? null : l.city, county: level === 'county' ? l.county : null };
      const key = `r:${regionName('zh', place)}`;
      if (regions.has(key)) continue;
      const upper: Place = { province: level === 'province' ? null : l.province, city: level === 'county' ? l.city : null, county: null };
      const within = (lang: 'zh' | 'en') => (regionName(lang, upper) === '—' ? '' : regionName(lang, upper));
      regions.set(key, doc(key, 'region', termsOf([name], [placeName('en', name)]), {
        zh: name, en: placeName('en', name), sub_zh: within('zh'), sub_en: within('en'), href: regionHref(level, place, l.admin_code), reports: [],
      }));
    }
  }
  return [...docs, ...regions.values()];
}

/** The MiniSearch index of the documents, as the JSON the search box loads. */
export function buildSearchIndex(docs: readonly SearchDoc[] = searchDocs()): string {
  const ms = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  ms.addAll(docs as SearchDoc[]);
  return JSON.stringify(ms);
}

/** The index read back, as the browser does. */
export const loadSearchIndex = (json: string): MiniSearch<SearchDoc> => MiniSearch.loadJSON<SearchDoc>(json, SEARCH_OPTIONS);
