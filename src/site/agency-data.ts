/**
 * An agency's small data file (src/shared/agency-chart.ts `AgencyData`), written by the site build
 * under the data version's folder: data/v/<version>/agency/<lineage>.json. The agency page's
 * downloads and the agency embed pages draw the charts from it in the browser; the build draws
 * none of them per agency. Also the same charts drawn here, with linkedom (tests, checks).
 */
import { parseHTML } from 'linkedom';
import { AGENCY_MEASURES, agencyChart, type AgencyChart, type AgencyData, type AgencyMeasure } from '../shared/agency-chart.ts';
import { chartWords, type Lang } from './i18n.ts';
import type { Lineage } from './model.ts';
import { agencyLabel, lineageLabel } from './names.ts';

/** The data file's content: the lineage's names and years, and per report its agency, year and measures. */
export function agencyData(l: Lineage): AgencyData {
  return {
    lineage_id: l.id,
    name: l.name,
    name_en: lineageLabel('en', l),
    years: [...l.years],
    reports: l.reports.map((r) => ({
      report_id: r.report_id,
      agency_name: r.agency_name,
      agency_id: r.agency_id,
      agency_en: agencyLabel('en', { name: r.agency_name ?? l.name, agency_id: r.agency_id }),
      year: r.year,
      ...Object.fromEntries(AGENCY_MEASURES.map((m) => [m, r[m]])) as Record<AgencyMeasure, number | null>,
    })),
  };
}

/** The file's bytes: keys in a fixed order, one line, a final newline. */
export const agencyDataJson = (l: Lineage): string => `${JSON.stringify(agencyData(l))}\n`;

let doc: Document | undefined;
/** An agency's chart drawn at build time (linkedom's document), as the browser draws it. */
export function agencyChartAt(l: Lineage, measure: AgencyMeasure, lang: Lang): AgencyChart {
  doc ??= parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document;
  return agencyChart(agencyData(l), measure, lang, chartWords(lang), doc);
}
