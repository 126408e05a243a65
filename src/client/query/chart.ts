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

/**
 * A notebook chart cell: `mark` over the rows of a result, with x, y, colour and facet taken from
 * its columns. Returns the SVG and, when a colour is used, its legend; null if x or y is missing.
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
  const numeric = (name?: string) => kind(name) === 'number';
  const colorNumeric = numeric(color);
  const channels: Record<string, unknown> = { x, y, ...(facet ? { fx: facet } : {}), tip: true };
  const marks: Plot.Markish[] = [];
  const options: Plot.PlotOptions = {
    width, height: facet ? 320 : 300, marginLeft: 60, marginBottom: 40, marginTop: facet ? 32 : 20,
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
      if (numeric(x)) options.x = { label: x, tickFormat: (d: unknown) => String(d) };
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
  const plot = Plot.plot({ ...options, marks }) as unknown as (SVGSVGElement | HTMLElement) & Plot.Plot;
  const svg = finish(plot, ariaLabel);
  let items: LegendItem[] = [];
  let ramp: Element | null = null;
  const scale = color ? plot.scale('color') : undefined;
  if (scale && !colorNumeric && scale.domain && scale.range) {
    const range = scale.range as string[];
    items = (scale.domain as unknown[]).slice(0, 40).map((d, i) => ({ label: d === null ? '—' : String(d instanceof Date ? d.toISOString().slice(0, 10) : d), color: range[i % range.length]! }));
  } else if (scale && colorNumeric) {
    ramp = Plot.legend({ color: scale, label: color }) as unknown as Element;
  }
  return { svg, legend: items, ramp };
}
