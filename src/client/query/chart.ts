/**
 * Observable Plot in the browser for the query pages: the compare tool's chart (styled like the
 * site's build-time charts, tooltips from <title> via the site's tooltip script) and the
 * notebook's chart cells. Every label reaches the SVG as a text node, never as markup.
 */
import * as Plot from '@observablehq/plot';
import { finishSvg } from '../../shared/plot-svg.ts';
import { PALETTE } from '../../shared/chart-style.ts';
import { tooltips } from '../tooltip.ts';
import type { Kind, ResultColumn, Value } from './values.ts';
import { display } from './values.ts';
import type { ChartSpec } from '../../query/spec.ts';
import { bandLabelsX, bandLabelsY, isYearColumn, truncate, yearTicks } from '../../query/chart-axes.ts';
export { MARKS, type ChartSpec, type Mark } from '../../query/spec.ts';

/** Same finishing as the site's build-time charts. */
function finish(el: Element, ariaLabel: string): SVGSVGElement {
  return finishSvg((el.tagName.toLowerCase() === 'svg' ? el : el.querySelector('svg')) as SVGSVGElement, ariaLabel);
}

/** Puts a chart into a `.plot` box (replacing what was there) and wires the site's tooltips. */
export function place(box: HTMLElement, svg: SVGSVGElement): void {
  box.replaceChildren(svg);
  delete box.dataset.tips;
  tooltips(box.parentElement ?? box);
}

export interface LegendItem { label: string; color: string }

/** The site's legend markup (ul.legend with swatches), built as DOM with text nodes. */
export function legend(ul: HTMLElement, items: LegendItem[]): void {
  ul.replaceChildren(...items.map((it) => {
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = 'sw';
    sw.style.background = it.color;
    li.append(sw, document.createTextNode(it.label));
    return li;
  }));
  ul.hidden = items.length === 0;
}

export interface ComparePoint { series: string; name: string; year: number; value: number | null }

/**
 * The compare chart: one line per series over the years (the site's agency charts, several at
 * once); a single year gives horizontal bars, one per series.
 */
export function compareChart(points: ComparePoint[], opts: {
  series: { key: string; name: string; color: string }[]; years: number[]; yLabel: string; xLabel: string; ariaLabel: string; empty: string;
  /** Width in px (the box it goes in, at most 640): text stays legible on a phone. */
  width?: number;
}): SVGSVGElement {
  const width = Math.round(Math.max(300, Math.min(640, opts.width ?? 640)));
  const known = points.filter((p): p is ComparePoint & { value: number } => p.value !== null);
  const color = { domain: opts.series.map((s) => s.key), range: opts.series.map((s) => s.color) };
  const fmt = (v: number) => display(v);
  const title = (d: ComparePoint & { value: number }) => `${d.name} ${d.year}: ${fmt(d.value)}`;
  const max = Math.max(4, ...known.map((p) => p.value));
  const emptyMark = known.length ? [] : [Plot.text([opts.empty], { frameAnchor: 'middle', fill: 'currentColor', fontSize: 14 })];
  if (opts.years.length === 1) {
    const height = Math.max(120, 40 + 28 * opts.series.length);
    const names = opts.series.map((s) => s.name);
    return finish(Plot.plot({
      width, height: height + 16, marginLeft: Math.min(width * 0.45, 14 + 13 * Math.max(4, ...names.map((n) => n.length))), marginRight: 50, marginBottom: 42,
      x: { grid: true, label: opts.yLabel, domain: [0, max * 1.1], nice: true, labelAnchor: 'center', labelArrow: 'none', labelOffset: 36 },
      y: { label: null, domain: names },
      color,
      marks: [
        Plot.barX(known, { y: 'name', x: 'value', fill: 'series', title }),
        Plot.ruleX([0]),
        Plot.text(known, { y: 'name', x: 'value', text: (d: { value: number }) => fmt(d.value), dx: 6, textAnchor: 'start', fill: 'currentColor' }),
        ...emptyMark,
      ],
    }), opts.ariaLabel);
  }
  const lo = Math.min(...opts.years), hi = Math.max(...opts.years);
  return finish(Plot.plot({
    width, height: width < 500 ? 260 : 300, marginLeft: 52, marginTop: 28, marginRight: 20,
    x: { domain: [lo - 0.5, hi + 0.5], ticks: opts.years, tickFormat: 'd', label: opts.xLabel },
    y: { grid: true, label: opts.yLabel, domain: [0, max * 1.2], nice: true },
    color,
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(known, { x: 'year', y: 'value', stroke: 'series', z: 'series', strokeWidth: 2 }),
      Plot.dot(known, { x: 'year', y: 'value', fill: 'series', r: 4, title }),
      Plot.text(known, { x: 'year', y: 'value', text: (d: { value: number }) => fmt(d.value), dy: -11, fill: 'currentColor' }),
      ...emptyMark,
    ],
  }), opts.ariaLabel);
}


/** The site's palette (src/shared/chart-style.ts); a page may hand over another. */
let palette: string[] = [...PALETTE];
export function setPalette(colors: string[]): void {
  if (colors.length) palette = colors;
}
export const colorAt = (i: number) => palette[i % palette.length]!;

/** A value as an axis or legend label: dates as ISO days, years and other numbers as printed, blank as a dash. */
const labelOf = (d: unknown): string => (d === null || d === undefined ? '—' : d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

type Axis = 'x' | 'y' | 'fx';

/**
 * A notebook chart cell: `mark` over the rows of a result, with x, y, colour and facet taken from
 * its columns. Returns the SVG and, when a colour is used, its legend; null if x or y is missing.
 *
 * Scales follow the columns (src/query/chart-axes.ts): a year is a year — whole-number ticks
 * without a thousands separator on a continuous axis, a category on a band axis, a categorical
 * colour with a legend, never a ramp; category labels that do not fit their band are turned,
 * thinned or cut with "…" (the full text in a tooltip), and the margins grow to hold them.
 */
export function notebookChart(rows: Record<string, Value>[], columns: ResultColumn[], spec: ChartSpec, ariaLabel: string, width = 640):
  { svg: SVGSVGElement; legend: LegendItem[]; ramp: Element | null } | null {
  const kind = (name?: string): Kind | undefined => columns.find((c) => c.name === name)?.kind;
  const { mark, x, y, color, facet } = spec;
  if (!x || !y || (mark === 'cell' && !color)) return null;
  const asDate = (name?: string) => kind(name) === 'date';
  const data = rows.map((r) => {
    const o: Record<string, unknown> = { ...r };
    for (const k of [x, y, color, facet]) if (k && asDate(k) && typeof r[k] === 'string') o[k] = new Date(r[k] as string);
    return o;
  });
  const years = new Set([x, y, color, facet].filter((k): k is string => !!k && kind(k) === 'number' && isYearColumn(k, rows.map((r) => r[k]))));
  const isYear = (name?: string) => !!name && years.has(name);
  // A year is not a measure: it never sets a bar's direction or a colour ramp.
  const numeric = (name?: string) => kind(name) === 'number' && !isYear(name);
  const colorNumeric = numeric(color);
  // Tooltips print years as years too (Plot's default would say "2,019").
  const tipFormat: Record<string, (d: unknown) => string> = {};
  if (isYear(x)) tipFormat.x = labelOf;
  if (isYear(y)) tipFormat.y = labelOf;
  if (isYear(color)) tipFormat.fill = tipFormat.stroke = labelOf;
  if (isYear(facet)) tipFormat.fx = labelOf;
  const channels: Record<string, unknown> = { x, y, ...(facet ? { fx: facet } : {}), tip: { format: tipFormat } };
  const marks: Plot.Markish[] = [];
  const options: Plot.PlotOptions = {
    width, height: facet ? 320 : 300, marginLeft: 60, marginRight: 20, marginBottom: 40, marginTop: facet ? 44 : 20,
    x: { label: x }, y: { label: y, grid: true },
    style: { overflow: 'visible' },
  };
  const horizontal = mark === 'bar' && numeric(x) && !numeric(y);
  if (mark === 'bar') {
    if (horizontal) {
      marks.push(Plot.barX(data, { ...channels, ...(color ? { fill: color } : { fill: colorAt(0) }) }), Plot.ruleX([0]));
      options.marginLeft = 120;
      options.x = { label: x, grid: true };
      options.y = { label: y };
    } else {
      marks.push(Plot.barY(data, { ...channels, ...(color ? { fill: color } : { fill: colorAt(0) }) }), Plot.ruleY([0]));
    }
  } else if (mark === 'line') {
    marks.push(Plot.line(data, { ...channels, ...(color ? { stroke: color, z: color } : { stroke: colorAt(0) }), marker: 'circle', sort: x }));
  } else if (mark === 'dot') {
    marks.push(Plot.dot(data, { ...channels, ...(color ? { fill: color } : { fill: colorAt(0) }), r: 4 }));
  } else {
    marks.push(Plot.cell(data, { ...channels, fill: color, inset: 0.5 }));
    options.x = { label: x };
    options.y = { label: y };
    options.marginLeft = 100;
  }
  // A year on a continuous axis (dots and lines over time): whole-year ticks, printed as years.
  for (const axis of ['x', 'y'] as const) {
    const col = axis === 'x' ? x : y;
    if (!isYear(col) || mark === 'cell' || (mark === 'bar' && (axis === 'x') !== horizontal)) continue;
    const ys = [...new Set(rows.map((r) => r[col]).filter((v): v is number => typeof v === 'number'))];
    const lo = Math.min(...ys), hi = Math.max(...ys);
    options[axis] = { ...(options[axis] as object), ticks: yearTicks(ys), tickFormat: labelOf, ...(lo === hi ? { domain: [lo - 1, hi + 1] } : {}) };
  }
  // A constant measure (all zeros, say) would give Plot an empty scale: give it room.
  const valueAxis = horizontal ? 'x' : 'y';
  const valueCol = horizontal ? x : y;
  if (mark !== 'cell' && numeric(valueCol)) {
    const vals = rows.map((r) => r[valueCol]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    const lo = Math.min(...vals), hi = Math.max(...vals);
    if (vals.length && lo === hi) {
      const domain = mark === 'bar' ? (lo === 0 ? [0, 1] : [Math.min(0, lo), Math.max(0, hi)]) : [lo - 1, hi + 1];
      options[valueAxis] = { ...(options[valueAxis] as object), domain };
    }
  }
  if (facet) options.fx = { label: facet };
  if (color) {
    options.color = colorNumeric ? { type: 'linear', scheme: 'blues' } : { type: 'ordinal', range: palette };
  }

  // Category axes: a first drawing gives their domains (in Plot's order); labels that do not fit
  // are turned, thinned or cut, the margins grow to hold them, and the chart is drawn again.
  const first = Plot.plot({ ...options, marks }) as unknown as Plot.Plot;
  const shown: Partial<Record<Axis, { ticks: unknown[]; full: string[] }>> = {};
  const categorical = (axis: Axis) => {
    const sc = first.scale(axis);
    return sc && (sc.type === 'band' || sc.type === 'point') && sc.domain ? [...sc.domain] : null;
  };
  const fxDomain = facet ? categorical('fx') : null;
  const panels = fxDomain?.length ?? 1;
  const yDomain = categorical('y');
  if (yDomain) {
    // Horizontal bars and cells grow with their rows (up to a point), then thin their labels.
    const top = Number(options.marginTop), bottom = Number(options.marginBottom);
    options.height = Math.min(1200, Math.max(Number(options.height), yDomain.length * 20 + top + bottom));
    const lay = bandLabelsY(yDomain.map(labelOf), Number(options.height) - top - bottom);
    // Room for the labels and, left of them, the axis name turned upright.
    options.marginLeft = Math.min(Math.round(width * 0.4), Math.max(40, lay.margin + 18));
    const ticks = yDomain.filter((_, i) => i % lay.every === 0);
    options.y = { ...(options.y as object), ticks, tickFormat: (d: unknown) => truncate(labelOf(d), lay.maxPx) };
    shown.y = { ticks, full: ticks.map(labelOf) };
  }
  const xDomain = categorical('x');
  if (xDomain) {
    const inner = (width - Number(options.marginLeft) - Number(options.marginRight)) / panels * (panels > 1 ? 0.9 : 1);
    const lay = bandLabelsX(xDomain.map(labelOf), inner);
    const ticks = xDomain.filter((_, i) => i % lay.every === 0);
    options.x = { ...(options.x as object), ticks, tickRotate: lay.rotate, tickFormat: (d: unknown) => truncate(labelOf(d), lay.maxPx) };
    options.marginBottom = Math.max(Number(options.marginBottom), lay.margin + 16);
    // The first label, turned 45°, reaches left of the axis: the left margin holds it.
    if (lay.rotate === -45) options.marginLeft = Math.max(Number(options.marginLeft), Math.ceil(lay.maxPx * 0.71) + 4);
    if (lay.rotate) options.height = Number(options.height) + lay.margin - 24;
    shown.x = { ticks, full: ticks.map(labelOf) };
  }
  if (fxDomain) {
    // Facet names sit above their panels: cut to the panel's width.
    const room = Math.max(24, (width - Number(options.marginLeft) - Number(options.marginRight)) / panels - 6);
    options.fx = { ...(options.fx as object), tickFormat: (d: unknown) => truncate(labelOf(d), room) };
    shown.fx = { ticks: fxDomain, full: fxDomain.map(labelOf) };
  }
  const plot = (Object.keys(shown).length ? Plot.plot({ ...options, marks }) : first) as unknown as (SVGSVGElement | HTMLElement) & Plot.Plot;
  const root = plot.tagName.toLowerCase() === 'svg' ? plot : plot.querySelector('svg')!;
  // Tick labels name their axis (finishSvg drops Plot's aria-labels); a cut label keeps its full
  // text as a <title>, which the site's tooltips show on hover.
  for (const axis of ['x', 'y', 'fx', 'fy'] as const) {
    const groups = [...root.querySelectorAll(`g[aria-label="${axis}-axis tick label"]`)];
    for (const g of groups) g.setAttribute('data-axis', axis);
    const s = axis === 'fy' ? undefined : shown[axis];
    if (!s) continue;
    groups.flatMap((g) => [...g.querySelectorAll('text')]).forEach((text, i) => {
      const full = s.full[i % s.full.length]!;
      if (text.textContent !== full) {
        const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
        title.textContent = full;
        text.append(title);
      }
    });
  }
  const svg = finish(plot, ariaLabel);
  let items: LegendItem[] = [];
  let ramp: Element | null = null;
  const scale = color ? plot.scale('color') : undefined;
  if (scale && !colorNumeric && scale.domain && scale.range) {
    const range = scale.range as string[];
    items = (scale.domain as unknown[]).slice(0, 40).map((d, i) => ({ label: labelOf(d), color: range[i % range.length]! }));
  } else if (scale && colorNumeric) {
    ramp = Plot.legend({ color: scale, label: color }) as unknown as Element;
  }
  return { svg, legend: items, ramp };
}
