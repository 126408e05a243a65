/**
 * Build time: the compare tool's catalog of lineages, written as one file under the data version
 * (data/v/<version>/catalog.json, src/pages/data/v/[version]/catalog.json.ts) for the agency
 * picker to fetch, and its scope (regions and years), which the page carries. The page names no
 * lineage, so its size does not grow with the agencies (src/query/catalog.ts reads the file).
 */
import type { CatalogFile } from '../query/catalog.ts';
import type { CatalogLineage, Scope } from '../query/compare-model.ts';
import { lineages, type Lineage } from './model.ts';
import { agencyLabel, lineageLabel, placeName } from './names.ts';
import { syllables } from './search.ts';
import { dataVersion } from './version.ts';

/** A lineage's region path [province, city?, county?] as `summary` has it. */
function path(l: Pick<Lineage, 'province' | 'city' | 'county'>): string[] {
  if (!l.province) return [];
  const p = [l.province];
  if (l.city) p.push(l.city);
  if (l.city && l.county) p.push(l.county);
  return p;
}

/** A lineage as the picker and the chart see it: names in both languages, their pinyin, region, years, agencies. */
export function catalogLineage(l: Lineage): CatalogLineage {
  const names = [...new Set(l.names.map((n) => n.name))];
  // The current name first: a query that starts it ranks first (src/query/catalog.ts).
  const spoken = [...new Set([l.name, ...names])];
  return {
    id: l.id,
    name: l.name,
    en: lineageLabel('en', l),
    names,
    py: spoken.map((n) => syllables(n).join(' ')).join('|'),
    region: path(l),
    years: l.years,
    agencies: l.agencies.map((a) => ({ id: a.agency_id, name: a.name, en: agencyLabel('en', { name: a.name, agency_id: a.agency_id }) })),
  };
}

/** Region paths ('山西省', '山西省/长治市', …) and years: bounded by the map and the calendar. */
export function compareScope(all: readonly Lineage[] = lineages()): Scope {
  const regions = new Set<string>();
  for (const l of all) {
    const p = path(l);
    for (let i = 1; i <= p.length; i++) regions.add(p.slice(0, i).join('/'));
  }
  return {
    regions: [...regions].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    years: [...new Set(all.flatMap((l) => l.years))].sort((a, b) => a - b),
  };
}

/** The catalog file's content. */
export function compareCatalog(all: readonly Lineage[] = lineages()): CatalogFile {
  const places: Record<string, string> = {};
  for (const l of all) for (const p of path(l)) places[p] ??= placeName('en', p);
  return { version: dataVersion().version, places, lineages: all.map(catalogLineage) };
}

/** The file's bytes: one line, a final newline. */
export const compareCatalogJson = (all?: readonly Lineage[]): string => `${JSON.stringify(compareCatalog(all))}\n`;

/** JSON safe inside a <script type="application/json">. */
export const scriptJson = (v: unknown): string => JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
