/** One zip with every table (CSV and Parquet), the workbook, datapackage.json and the README. */
import type { APIRoute } from 'astro';
import { downloads } from '../../site/downloads.ts';

export const GET: APIRoute = () => new Response(downloads().zip as Uint8Array<ArrayBuffer>, { headers: { 'content-type': 'application/zip' } });
