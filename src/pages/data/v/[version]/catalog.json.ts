/**
 * The compare tool's catalog of lineages under the data version (data/v/<version>/catalog.json,
 * src/site/compare-catalog.ts): the agency picker fetches it after the first chart, so the page
 * itself names no lineage. Written whatever ATLAS_PAGES says: the compare page needs it.
 */
import type { APIRoute } from 'astro';
import { compareCatalogJson } from '../../../../site/compare-catalog.ts';
import { dataVersion } from '../../../../site/version.ts';

export function getStaticPaths() {
  return [{ params: { version: dataVersion().version } }];
}

export const GET: APIRoute = () => new Response(compareCatalogJson(), { headers: { 'content-type': 'application/json; charset=utf-8' } });
