/**
 * Each agency's small data file under the data version (data/v/<version>/agency/<lineage>.json,
 * src/site/agency-data.ts): the agency page's downloads and the agency embed pages, latest and
 * pinned, draw its charts from it in the browser. A deploy that keeps old version folders keeps
 * what a pinned embed reads.
 */
import type { APIRoute } from 'astro';
import { agencyDataJson } from '../../../../../site/agency-data.ts';
import { lineages, type Lineage } from '../../../../../site/model.ts';
import { perItemPages } from '../../../../../site/url.ts';
import { dataVersion } from '../../../../../site/version.ts';

export function getStaticPaths() {
  if (!perItemPages()) return [];
  const { version } = dataVersion();
  return lineages().map((l) => ({ params: { version, file: `${l.id}.json` }, props: { lineage: l } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(agencyDataJson((props as { lineage: Lineage }).lineage), { headers: { 'content-type': 'application/json; charset=utf-8' } });
