/** Build time: the compare tool's catalog (lineages, agencies, regions, years) from the published data. */
import { lineages } from '../../site/model.ts';
import type { Catalog } from '../../query/compare-model.ts';

export function catalog(): Catalog {
  const all = lineages();
  const path = (l: { province: string | null; city: string | null; county: string | null }) => {
    if (!l.province) return [];
    const p = [l.province];
    if (l.city) p.push(l.city);
    if (l.city && l.county) p.push(l.county);
    return p;
  };
  const regions = new Set<string>();
  for (const l of all) {
    const p = path(l);
    for (let i = 1; i <= p.length; i++) regions.add(p.slice(0, i).join('/'));
  }
  return {
    lineages: all.map((l) => ({
      id: l.id,
      name: l.name,
      names: [...new Set(l.names.map((n) => n.name))],
      region: path(l),
      years: l.years,
      agencies: l.agencies.map((a) => ({ id: a.agency_id, name: a.name })),
    })),
    regions: [...regions].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    years: [...new Set(all.flatMap((l) => l.years))].sort((a, b) => a - b),
  };
}

/** JSON safe inside a <script type="application/json">. */
export const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
