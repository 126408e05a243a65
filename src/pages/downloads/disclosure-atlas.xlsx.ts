/** The workbook: every published table as a sheet, plus the data dictionary. */
import type { APIRoute } from 'astro';
import { downloads } from '../../site/downloads.ts';

export const GET: APIRoute = () =>
  new Response(downloads().workbook as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
