/** The site search's index (src/site/search.ts), written at build time; the search box loads it when the reader starts typing. */
import type { APIRoute } from 'astro';
import { buildSearchIndex } from '../site/search.ts';

export const GET: APIRoute = () => new Response(buildSearchIndex(), { headers: { 'content-type': 'application/json; charset=utf-8' } });
