/**
 * A copy of every published Parquet file under its data version (data/v/<version>/), which an
 * embed of the compare tool pinned to that version queries. A deploy that keeps old folders keeps
 * the data of every version an embed was pinned to; the latest stays at data/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute } from 'astro';
import { TABLES } from '../../../../schema/tables.ts';
import { DATA_DIR } from '../../../../site/data.ts';
import { dataVersion } from '../../../../site/version.ts';

export function getStaticPaths() {
  const { version } = dataVersion();
  return TABLES.map((t) => ({ params: { version, file: `${t.name}.parquet` } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(join(DATA_DIR, params.file!)), { headers: { 'content-type': 'application/vnd.apache.parquet' } });
