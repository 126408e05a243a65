import data from '../data/agencies.json' with { type: 'json' };
import { bi, type Warning } from '../shared/said.ts';
import type { Region, RegionLevel } from './region.ts';
import { REGION_LEVELS } from '../schema/tables.ts';
import { slug } from './slug.ts';

/** A name an agency used; years are report years (the year reported on) it is known under it, inclusive. */
export interface AgencyName {
  name: string;
  from: number | null;
  to: number | null;
}

export interface Agency {
  id: string;
  lineage: string;
  /** Oldest first. */
  names: AgencyName[];
  /** Agencies this one replaced (merged, reformed or renamed), in the same lineage. */
  predecessors: string[];
  /** Overrides the region read from the name. */
  region: Region | null;
  /** The agency's English name, where it has one (English pages show pinyin otherwise). */
  en: string | null;
  note: string | null;
}

/** A chain of agencies that succeed one another; reports compare across it (e.g. carry-over continuity). */
export interface Lineage {
  id: string;
  label: string;
  note: string | null;
}

export interface Registry {
  lineages: Lineage[];
  agencies: Agency[];
  byId: ReadonlyMap<string, Agency>;
  /** By normalised name. */
  byName: ReadonlyMap<string, Agency>;
}

/** How printed names are compared: width variants (（ vs (, full-width digits) and whitespace do not count. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u200b\ufeff]+/g, '');
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LEVELS: readonly RegionLevel[] = REGION_LEVELS;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(where: string, what: string): never {
  throw new Error(`agency registry: ${where}: ${what}`);
}
function keys(o: Obj, where: string, allowed: string[]) {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) fail(where, `unknown field "${k}" (allowed: ${allowed.join(', ')})`);
}
function str(o: Obj, k: string, where: string, optional = false): string | null {
  const v = o[k];
  if (v === undefined || v === null) return optional ? null : fail(where, `"${k}" is required`);
  if (typeof v !== 'string' || !v.trim()) fail(where, `"${k}" must be a non-empty string`);
  return v;
}
function id(o: Obj, k: string, where: string): string {
  const v = str(o, k, where) ?? '';
  if (!ID.test(v)) fail(where, `"${k}" must be lower-case a-z, 0-9 and single hyphens, got "${v}"`);
  return v;
}
function year(o: Obj, k: string, where: string): number | null {
  const v = o[k];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 2007 || v > 2100) fail(where, `"${k}" must be a report year, got ${JSON.stringify(v)}`);
  return v;
}
function list(o: Obj, k: string, where: string, optional = false): unknown[] {
  const v = o[k];
  if (v === undefined && optional) return [];
  if (!Array.isArray(v)) return fail(where, `"${k}" must be an array`);
  return v;
}

function region(v: unknown, where: string): Region | null {
  if (v === undefined || v === null) return null;
  if (!isObj(v)) fail(where, '"region" must be an object');
  keys(v, where, ['province', 'city', 'county', 'admin_code', 'level']);
  const code = str(v, 'admin_code', where, true);
  if (code !== null && !/^\d{6}$/.test(code)) fail(where, `"admin_code" must be 6 digits, got "${code}"`);
  const level = str(v, 'level', where, true);
  if (level !== null && !LEVELS.includes(level as RegionLevel)) fail(where, `"level" must be one of ${LEVELS.join(', ')}`);
  return { province: str(v, 'province', where, true), city: str(v, 'city', where, true), county: str(v, 'county', where, true),
    admin_code: code, level: level as RegionLevel | null };
}

/** Validates the registry file (ours, so any fault is an error to fix, not a warning). Pure. */
export function parseRegistry(json: unknown): Registry {
  if (!isObj(json)) fail('top level', 'must be an object');
  keys(json, 'top level', ['$comment', 'lineages', 'agencies']);
  const lineages = list(json, 'lineages', 'top level').map((v, i): Lineage => {
    const where = `lineages[${i}]`;
    if (!isObj(v)) fail(where, 'must be an object');
    keys(v, where, ['id', 'label', 'note']);
    return { id: id(v, 'id', where), label: str(v, 'label', where) ?? '', note: str(v, 'note', where, true) };
  });
  const agencies = list(json, 'agencies', 'top level').map((v, i): Agency => {
    let where = `agencies[${i}]`;
    if (!isObj(v)) fail(where, 'must be an object');
    keys(v, where, ['id', 'lineage', 'names', 'predecessors', 'region', 'en', 'note']);
    where = `agency "${id(v, 'id', where)}"`;
    const names = list(v, 'names', where).map((n, j): AgencyName => {
      const at = `${where} names[${j}]`;
      if (!isObj(n)) fail(at, 'must be an object');
      keys(n, at, ['name', 'from', 'to']);
      const span = { name: str(n, 'name', at) ?? '', from: year(n, 'from', at), to: year(n, 'to', at) };
      if (span.from !== null && span.to !== null && span.from > span.to) fail(at, `"from" ${span.from} is after "to" ${span.to}`);
      return span;
    });
    if (names.length === 0) fail(where, '"names" must list at least one name');
    const predecessors = list(v, 'predecessors', where, true).map((p) => {
      if (typeof p !== 'string') return fail(where, '"predecessors" must be agency ids');
      return p;
    });
    return { id: id(v, 'id', where), lineage: id(v, 'lineage', where), names, predecessors,
      region: region(v.region, where), en: str(v, 'en', where, true), note: str(v, 'note', where, true) };
  });

  const lineageIds = new Set<string>();
  for (const l of lineages) {
    if (lineageIds.has(l.id)) fail(`lineage "${l.id}"`, 'id is used twice');
    lineageIds.add(l.id);
  }
  const byId = new Map<string, Agency>();
  const byName = new Map<string, Agency>();
  for (const a of agencies) {
    if (byId.has(a.id)) fail(`agency "${a.id}"`, 'id is used twice');
    byId.set(a.id, a);
    if (!lineageIds.has(a.lineage)) fail(`agency "${a.id}"`, `lineage "${a.lineage}" is not listed under "lineages"`);
    for (const n of a.names) {
      const key = normaliseName(n.name);
      const other = byName.get(key);
      if (other) fail(`agency "${a.id}"`, `name "${n.name}" is also a name of "${other.id}" (names must identify one agency)`);
      byName.set(key, a);
    }
  }
  for (const a of agencies) {
    for (const p of a.predecessors) {
      const pred = byId.get(p);
      if (!pred) fail(`agency "${a.id}"`, `predecessor "${p}" is not a registered agency`);
      if (pred.lineage !== a.lineage) fail(`agency "${a.id}"`, `predecessor "${p}" is in lineage "${pred.lineage}", not "${a.lineage}"`);
      if (p === a.id) fail(`agency "${a.id}"`, 'cannot be its own predecessor');
    }
  }
  for (const l of lineages) if (!agencies.some((a) => a.lineage === l.id)) fail(`lineage "${l.id}"`, 'has no agencies');
  return { lineages, agencies, byId, byName };
}

let loaded: Registry | undefined;
/** The project's registry, src/data/agencies.json. */
export function loadRegistry(): Registry {
  return (loaded ??= parseRegistry(data));
}

export interface ResolvedAgency {
  agencyId: string;
  lineageId: string;
  known: boolean;
  warnings: Warning[];
}

/** The agency a report was printed under. An unknown name is not an error: it gets an id derived from the name. */
export function resolveAgency(printedName: string, registry: Registry): ResolvedAgency {
  const name = normaliseName(printedName);
  const agency = registry.byName.get(name);
  if (agency) return { agencyId: agency.id, lineageId: agency.lineage, known: true, warnings: [] };
  const derived = slug(name);
  return { agencyId: derived, lineageId: derived, known: false, warnings: [{ severity: 'warning', code: 'agency_unknown', line: null,
    ...bi(`机构“${name}”不在机构名录（src/data/agencies.json）中：按名称生成编号“${derived}”，与其前后名称没有沿革关联。`,
      `Agency “${name}” is not in the agency registry (src/data/agencies.json): derived id “${derived}” from its name, with no lineage to earlier or later names.`) }] };
}
