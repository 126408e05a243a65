/** Each chart's standalone SVG (Chinese and English) and its data as CSV, written at build time. */
import type { APIRoute } from 'astro';
import { chartCsv, charts, HOME_CHARTS } from '../../site/charts.ts';
import { perItemPages } from '../../site/url.ts';

export function getStaticPaths() {
  return charts().filter((c) => perItemPages() || HOME_CHARTS.includes(c.id)).flatMap((c) => [
    { params: { file: `${c.id}.svg` } },
    { params: { file: `${c.id}.en.svg` } },
    { params: { file: `${c.id}.csv` } },
  ]);
}

export const GET: APIRoute = ({ params }) => {
  const file = params.file!;
  const c = charts().find((c) => file === `${c.id}.svg` || file === `${c.id}.en.svg` || file === `${c.id}.csv`)!;
  if (file.endsWith('.csv')) return new Response(chartCsv(c), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
  // A file on its own: dark text on white whatever the reader's colour scheme.
  const svg = c.svg(file.endsWith('.en.svg') ? 'en' : 'zh').replace(/^<svg /, '<svg style="color:#1a1a1a;background:#fff" ');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, { headers: { 'content-type': 'image/svg+xml' } });
};
