/**
 * Regions for the regions pages: lineages grouped by province and by city (prefecture), each with
 * its totals, keyed by GB/T 2260 code (350000 福建省, 350100 福州市). A lineage's region is its
 * latest agency's: its admin_code where known, else its province name looked up in the gazetteer.
 */
import type { SummaryRow } from './data.ts';
import { lineages, yearTotals, type Lineage, type YearTotal } from './model.ts';
import { provinceCode } from './map.ts';

/** The measures a region is shaded and totalled by: lineage and report counts, then summary sums. */
export const REGION_MEASURES = ['agencies', 'reports', 'applications', 'reviews', 'litigation'] as const;
export type RegionMeasure = (typeof REGION_MEASURES)[number];
/** The summary column each summed measure adds up (over every report and year). */
export const SUMMED: Record<Exclude<RegionMeasure, 'agencies' | 'reports'>, 'applications_new' | 'reviews_total' | 'litigation_total'> = {
  applications: 'applications_new', reviews: 'reviews_total', litigation: 'litigation_total',
};

export interface RegionTotals {
  /** Value per measure; a sum is null when no report gives it (a blank is not a zero). */
  values: Record<RegionMeasure, number | null>;
  /** How many reports give each summed measure. */
  known: Record<RegionMeasure, number>;
}

export interface Region {
  /** Six-digit GB/T 2260 code: 350000 for a province, 350100 for a city. */
  code: string;
  level: 'province' | 'city';
  /** As printed in the registry (福建省, 福州市). */
  name: string;
  /** The province's two-digit code and name (itself for a province). */
  province: { code: string; name: string };
  lineages: Lineage[];
  reports: SummaryRow[];
  totals: RegionTotals;
  years: YearTotal[];
  /** For a province: its cities with agencies (a municipality has none of its own). */
  cities: Region[];
}

export function totalsOf(ls: readonly Lineage[]): RegionTotals {
  const reports = ls.flatMap((l) => l.reports);
  const values = { agencies: ls.length, reports: reports.length } as Record<RegionMeasure, number | null>;
  const known = { agencies: ls.length, reports: reports.length } as Record<RegionMeasure, number>;
  for (const [m, col] of Object.entries(SUMMED) as [keyof typeof SUMMED, (typeof SUMMED)[keyof typeof SUMMED]][]) {
    const vals = reports.map((r) => r[col]).filter((v): v is number => v !== null);
    known[m] = vals.length;
    values[m] = vals.length ? vals.reduce((a, b) => a + b, 0) : null;
  }
  return { values, known };
}

/** The six-digit province and city codes of a lineage, or null where its region is unknown. */
export function regionCodes(l: Pick<Lineage, 'admin_code' | 'province' | 'city'>): { province: string; city: string | null } | null {
  const code = l.admin_code && /^\d{6}$/.test(l.admin_code) ? l.admin_code : null;
  const p2 = code?.slice(0, 2) ?? provinceCode(l.province);
  if (!p2) return null;
  // A city of its own only where the registry names one apart from the province (not 北京市 › 北京市).
  const hasCity = !!l.city && l.city !== l.province;
  const city = hasCity && code && code.slice(2, 4) !== '00' ? `${code.slice(0, 4)}00` : null;
  return { province: `${p2}0000`, city };
}

export interface RegionIndex {
  provinces: Region[];
  /** Every province and city by code. */
  byCode: Map<string, Region>;
  /** Lineages with no known province. */
  unknown: Lineage[];
}

let cache: RegionIndex | undefined;

/** Provinces with agencies (code order), each with its cities (code order). */
export function regionIndex(given?: readonly Lineage[]): RegionIndex {
  if (!given && cache) return cache;
  const all = given ?? lineages();
  const byCode = new Map<string, Region>();
  const unknown: Lineage[] = [];
  const region = (code: string, level: Region['level'], name: string, province: Region['province']): Region => {
    let r = byCode.get(code);
    if (!r) byCode.set(code, (r = { code, level, name, province, lineages: [], reports: [], totals: totalsOf([]), years: [], cities: [] }));
    return r;
  };
  for (const l of all) {
    const codes = regionCodes(l);
    if (!codes) {
      unknown.push(l);
      continue;
    }
    const p2 = codes.province.slice(0, 2);
    const province = { code: p2, name: l.province ?? p2 };
    const p = region(codes.province, 'province', province.name, province);
    p.lineages.push(l);
    if (codes.city) {
      const c = region(codes.city, 'city', l.city!, province);
      c.lineages.push(l);
      if (!p.cities.includes(c)) p.cities.push(c);
    }
  }
  for (const r of byCode.values()) {
    r.reports = r.lineages.flatMap((l) => l.reports);
    r.totals = totalsOf(r.lineages);
    r.years = yearTotals(r.reports);
    r.cities.sort((a, b) => (a.code < b.code ? -1 : 1));
  }
  const provinces = [...byCode.values()].filter((r) => r.level === 'province').sort((a, b) => (a.code < b.code ? -1 : 1));
  const out = { provinces, byCode, unknown };
  if (!given) cache = out;
  return out;
}
