/**
 * An agency's data file (data/v/<version>/agency/<lineage>.json, src/site/agency-data.ts) fetched
 * and checked, for the agency embed page and the agency page's downloads alike: the file, or why
 * not. A 404, or a file for another agency, is an unknown id.
 */
import { isLineageId, readAgencyData, type AgencyData } from '../shared/agency-chart.ts';

/** Why there is no chart: the id names no agency, the measure is not charted, or the file did not load. */
export type Problem = { key: 'agencyEmbedNotFound'; id: string } | { key: 'agencyEmbedBadMeasure'; measure: string } | { key: 'agencyEmbedFailed' };

export async function loadAgencyData(url: string, id: string): Promise<AgencyData | Problem> {
  if (!isLineageId(id)) return { key: 'agencyEmbedNotFound', id };
  let res: Response;
  try {
    res = await fetch(url);
  } catch {
    return { key: 'agencyEmbedFailed' };
  }
  if (res.status === 404) return { key: 'agencyEmbedNotFound', id };
  if (!res.ok) return { key: 'agencyEmbedFailed' };
  const data = readAgencyData(await res.json().catch(() => null));
  if (!data) return { key: 'agencyEmbedFailed' };
  return data.lineage_id === id ? data : { key: 'agencyEmbedNotFound', id };
}
