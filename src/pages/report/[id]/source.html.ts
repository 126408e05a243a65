/// <reference types="vite/client" />
/**
 * A report's source page: one file for both languages beside the Chinese report page
 * (report/<id>/source.html; src/site/source-page.ts says why a file and not a page).
 */
import type { APIRoute } from 'astro';
import stylesheet from '../../../layouts/site.css?url';
import { loadData, sourceView, type ReportRow } from '../../../site/data.ts';
import { sourcePageHtml } from '../../../site/source-page.ts';
import { perItemPages } from '../../../site/url.ts';

export function getStaticPaths() {
  if (!perItemPages()) return [];
  return loadData().reports.map((r) => ({ params: { id: r.report_id }, props: { report: r } }));
}

export const GET: APIRoute = ({ props }) => {
  const r = (props as { report: ReportRow }).report;
  return new Response(sourcePageHtml(r, sourceView(r.source_file), stylesheet), { headers: { 'content-type': 'text/html; charset=utf-8' } });
};
