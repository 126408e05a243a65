export { slug } from './slug.ts';
export { resolveRegion, NO_REGION, type Region, type RegionLevel } from './region.ts';
export {
  parseRegistry, loadRegistry, resolveAgency, normaliseName,
  type Registry, type Agency, type AgencyName, type Lineage, type ResolvedAgency,
} from './registry.ts';
export { agencyRows, type SeenAgency } from './table.ts';
