import type { RowOf } from '../schema/tables.ts';
import { resolveRegion } from './region.ts';
import { normaliseName, type Registry } from './registry.ts';

/** One report's agency, as resolved by resolveAgency. */
export interface SeenAgency {
  agencyId: string;
  lineageId: string;
  /** As printed. */
  name: string;
  year: number | null;
}

interface NameYears { name: string; first: number | null; last: number | null }

// Code-point order, not locale order: the files must be byte-identical on every machine.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const minN = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
const maxN = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/** Rows of the `agencies` table: one per agency seen in a report, sorted by agency_id. */
export function agencyRows(seen: readonly SeenAgency[], registry: Registry): RowOf<'agencies'>[] {
  const byAgency = new Map<string, SeenAgency[]>();
  for (const s of seen) byAgency.set(s.agencyId, [...(byAgency.get(s.agencyId) ?? []), s]);

  return [...byAgency.keys()].sort(cmp).map((agencyId) => {
    const reports = byAgency.get(agencyId) ?? [];
    const entry = registry.byId.get(agencyId);
    const lineages = new Set(reports.map((r) => r.lineageId));
    if (entry) lineages.add(entry.lineage);
    if (lineages.size > 1) throw new Error(`agency ${agencyId} is given lineages ${[...lineages].sort(cmp).join(', ')}`);

    // Names keyed by normalised form: printed variants of one name are one name, spelled as registered if it is.
    const names = new Map<string, NameYears>();
    const note = (name: string, first: number | null, last: number | null) => {
      const key = normaliseName(name);
      const had = names.get(key);
      const shown = name.replace(/[\s\u200b\ufeff]+/g, '');
      names.set(key, had ? { name: had.name, first: minN(had.first, first), last: maxN(had.last, last) } : { name: shown, first, last });
    };
    for (const n of entry?.names ?? []) note(n.name, n.from ?? n.to, n.to ?? n.from);
    for (const r of reports) note(r.name, r.year, r.year);
    // First-seen order; names with no year at all go last.
    const ordered = [...names.values()].sort((a, b) => (a.first ?? Infinity) - (b.first ?? Infinity) || cmp(a.name, b.name));
    const latest = ordered.reduce((best, n) => ((n.last ?? -Infinity) >= (best.last ?? -Infinity) ? n : best));

    const region = entry?.region ?? resolveRegion(latest.name).region;
    return {
      agency_id: agencyId,
      name: latest.name,
      names: ordered.map((n) => n.name).join('；'),
      lineage_id: [...lineages][0] ?? agencyId,
      province: region.province, city: region.city, county: region.county, admin_code: region.admin_code, level: region.level,
    };
  });
}
