/**
 * An agency page's small multiples: one small build-time SVG per key measure (src/site/changes.ts),
 * all on the same years, each on its own scale. Observable Plot renders them with linkedom's
 * document, finished like the site's other charts (src/site/charts.ts: rounded coordinates, the
 * same palette, <title>s the client turns into tooltips). A year whose report does not give the
 * number is marked on the axis, never drawn as 0.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { PALETTE, shortLabel } from '../shared/chart-style.ts';
import { finishSvg } from '../shared/plot-svg.ts';
import { escapeAttr } from '../shared/html.ts';
import { table, type Label } from '../schema/index.ts';
import { emptiness, roundCoordinates, type Empty } from './charts.ts';
import { KEY_MEASURES, series, type KeyMeasure, type YearValue } from './changes.ts';
import { fmt } from './i18n.ts';
import type { Lineage } from './model.ts';
import type { Lang } from './url.ts';

const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');

/** A measure's label from the one schema (summary columns), shortened as the charts do. */
export function measureLabel(measure: KeyMeasure): Label {
  const c = table('summary').columns.find((c) => c.name === measure);
  if (!c) throw new Error(`no summary column ${measure}`);
  // Without the form's numbering: （一）予以公开 → 予以公开, (1) Granted → Granted.
  const bare = (x: string) => shortLabel(x).replace(/^\s*[（(][一二三四五六七八九十\d]+[）)]\s*/, '');
  return { zh: bare(c.zh), en: bare(c.en) };
}

/** The id of a measure's panel: the id its chart has (src/site/charts.ts agencyCharts) where it has one. */
export const panelId = (lineageId: string, measure: KeyMeasure): string => `${lineageId}-${measure.replaceAll('_', '-')}`;

export interface Panel {
  id: string;
  measure: KeyMeasure;
  label: Label;
  points: YearValue[];
  /** Set when nothing is known ('none') or everything known is 0 ('zero'). */
  empty?: Empty;
}

export const PANEL_WIDTH = 300;
export const PANEL_HEIGHT = 170;

export function panels(l: Pick<Lineage, 'id' | 'reports'>): Panel[] {
  return KEY_MEASURES.map((m) => {
    const points = series(l.reports, m);
    const empty = emptiness(points.map((p) => p.value));
    return { id: panelId(l.id, m), measure: m, label: measureLabel(m), points, ...(empty ? { empty } : {}) };
  });
}

/** One panel as SVG: a line through the years with numbers, a dot and label on each; "—" on the axis where the report is silent. */
export function panelSvg(lang: Lang, p: Panel, years: readonly number[], color = PALETTE[KEY_MEASURES.indexOf(p.measure) % PALETTE.length]!): string {
  // Drawn once for both languages (only the tooltips and the label differ, never the geometry):
  // the agency pages are built Chinese then English for each lineage (agency/[id].astro).
  const key = `${p.id}|${years.join(',')}|${color}|${p.points.map((d) => `${d.year}:${d.value}`).join(',')}`;
  let svg = drawn.get(key);
  if (svg === undefined) {
    if (drawn.size > 64) drawn.clear();
    drawn.set(key, (svg = drawPanel(p, years, color)));
  }
  const notGiven = lang === 'zh' ? '报告未给出' : 'not reported';
  const label = p.label[lang];
  const aria = `${label}: ${p.points.map((d) => `${d.year} ${d.value === null ? notGiven : fmt(d.value)}`).join('; ')}`;
  return svg.replaceAll(LABEL, escapeAttr(label)).replaceAll(NOT_GIVEN, escapeAttr(notGiven)).replace(ARIA, escapeAttr(aria));
}
const drawn = new Map<string, string>();
// Stand-ins for the words of a language, put in after the drawing (plain ASCII: markup keeps them as they are).
const LABEL = '@@label@@', NOT_GIVEN = '@@not-given@@', ARIA = '@@aria@@';

function drawPanel(p: Panel, years: readonly number[], color: string): string {
  const label = LABEL, notGiven = NOT_GIVEN;
  const known = p.points.filter((d): d is YearValue & { value: number } => d.value !== null);
  const missing = p.points.filter((d) => d.value === null);
  const lo = years.length ? Math.min(...years) : 2019, hi = years.length ? Math.max(...years) : 2023;
  const max = Math.max(4, ...known.map((d) => d.value));
  // Only consecutive years both given are joined: a silent report, or a year with no report, breaks the line.
  const byYear = new Map(p.points.map((d) => [d.year, d.value]));
  const line = Array.from({ length: hi - lo + 1 }, (_, i) => ({ year: lo + i, value: byYear.get(lo + i) ?? NaN }));
  const el = Plot.plot({
    document: document as unknown as Document,
    width: PANEL_WIDTH, height: PANEL_HEIGHT, marginLeft: 36, marginRight: 14, marginTop: 20, marginBottom: 26,
    x: { domain: [lo - 0.5, hi + 0.5], ticks: years.length > 6 ? years.filter((y) => y % 2 === hi % 2) : [...years], tickFormat: 'd', label: null },
    y: { domain: [0, max * 1.2], nice: true, ticks: 3, tickFormat: 'd', grid: true, label: null },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(line, { x: 'year', y: 'value', stroke: color, strokeWidth: 2 }),
      Plot.dot(known, { x: 'year', y: 'value', fill: color, r: 3.5, title: (d: YearValue) => `${d.year} ${label}: ${fmt(d.value)}` }),
      Plot.text(known, { x: 'year', y: 'value', text: (d: YearValue) => fmt(d.value), dy: -9, fill: 'currentColor', fontSize: 10 }),
      Plot.text(missing, { x: 'year', y: 0, text: () => '—', dy: -8, fill: 'currentColor', fontSize: 11, title: (d: YearValue) => `${d.year} ${label}: ${notGiven}` }),
    ],
  }) as unknown as Element;
  // Six panels a page, two pages a lineage: Plot's own <style> and font list are left to the page's
  // stylesheet (agency/[id].astro .multiple svg; the body's font), not repeated in every panel.
  const svg = finishSvg(el, ARIA);
  svg.querySelector('style')?.remove();
  svg.removeAttribute('font-family');
  return roundCoordinates(svg.outerHTML);
}
