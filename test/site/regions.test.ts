/**
 * The regions map builder (src/site/map.ts) and the region index (src/site/regions.ts): shapes
 * from the china-geojson package, classes and legend, the SVG's links and names, and lineages
 * grouped by province and city code. No data build needed: lineages are made by hand.
 */
import { describe, expect, test } from 'vitest';
import { chinaShapes, classLimits, classOf, legendRanges, mapSvg, provinceCode, provinceName } from '../../src/site/map.ts';
import { regionCodes, regionIndex, totalsOf } from '../../src/site/regions.ts';
import type { Lineage } from '../../src/site/model.ts';
import type { SummaryRow } from '../../src/site/data.ts';

describe('China shapes', () => {
  const shapes = chinaShapes();

  test('every province-level unit, by its GB/T 2260 code, as path data', () => {
    const codes = shapes.provinces.map((p) => p.code);
    expect(codes).toHaveLength(34);
    expect(new Set(codes).size).toBe(34);
    for (const c of ['11', '14', '15', '35', '46', '65', '71', '81', '82']) expect(codes).toContain(c);
    for (const p of shapes.provinces) {
      expect(p.d, p.code).toMatch(/^M[\d.-]+,[\d.-]+L/);
      expect(p.name, p.code).toMatch(/[省市区]$/);
    }
    expect(shapes.provinces.find((p) => p.code === '35')!.name).toBe('福建省');
    expect(shapes.inset).toMatch(/^M/);
  });

  test('simplified and rounded: small, and inside the drawing', () => {
    const bytes = shapes.provinces.reduce((a, p) => a + p.d.length, 0) + shapes.inset.length;
    expect(bytes).toBeLessThan(60_000);
    expect(bytes).toBeGreaterThan(10_000);
    expect(shapes.width).toBe(800);
    expect(shapes.height).toBeGreaterThan(400);
    expect(shapes.height).toBeLessThan(700);
    for (const p of shapes.provinces) {
      for (const [x, y] of [...p.d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])])) {
        expect(x).toBeGreaterThanOrEqual(-1);
        expect(x).toBeLessThanOrEqual(shapes.width + 1);
        expect(y).toBeGreaterThanOrEqual(-1);
        expect(y).toBeLessThanOrEqual(shapes.height + 1);
      }
    }
    // Fujian is east of Shanxi and south of it (SVG y grows downwards).
    const first = (code: string) => shapes.provinces.find((p) => p.code === code)!.d.match(/^M([\d.]+),([\d.]+)/)!.slice(1).map(Number);
    const [fx, fy] = first('35'), [sx, sy] = first('14');
    expect(fx!).toBeGreaterThan(sx!);
    expect(fy!).toBeGreaterThan(sy!);
  });

  test('province names and codes both ways', () => {
    expect(provinceCode('福建省')).toBe('35');
    expect(provinceCode('福建')).toBe('35');
    expect(provinceCode('内蒙古自治区')).toBe('15');
    expect(provinceCode('香港')).toBe('81');
    expect(provinceCode('长治市')).toBeUndefined();
    expect(provinceCode(null)).toBeUndefined();
    expect(provinceName('14')).toBe('山西省');
    expect(provinceName('82')).toBe('澳门特别行政区');
  });
});

describe('classes and legend', () => {
  test('nice whole-number limits, at most five classes, the last reaching the maximum', () => {
    expect(classLimits([])).toEqual([]);
    expect(classLimits([0, null])).toEqual([]);
    expect(classLimits([1])).toEqual([1]);
    expect(classLimits([3, 1])).toEqual([1, 2, 3]);
    expect(classLimits([17, 4])).toEqual([5, 10, 15, 20]);
    expect(classLimits([116])).toEqual([50, 100, 150]);
    for (const max of [1, 2, 7, 13, 99, 571, 12_345, 999_999]) {
      const l = classLimits([max]);
      expect(l.length, String(max)).toBeLessThanOrEqual(5);
      expect(l.at(-1)!, String(max)).toBeGreaterThanOrEqual(max);
      expect(l.every((x) => Number.isInteger(x) && x > 0)).toBe(true);
    }
  });

  test('zero and null are class 0; a value falls in the first class it does not exceed', () => {
    const l = [5, 10, 15, 20];
    expect(classOf(null, l)).toBe(0);
    expect(classOf(0, l)).toBe(0);
    expect(classOf(1, l)).toBe(1);
    expect(classOf(5, l)).toBe(1);
    expect(classOf(6, l)).toBe(2);
    expect(classOf(17, l)).toBe(4);
    expect(classOf(3, [])).toBe(0);
    expect(legendRanges(l)).toEqual([{ cls: 1, from: 1, to: 5 }, { cls: 2, from: 6, to: 10 }, { cls: 3, from: 11, to: 15 }, { cls: 4, from: 16, to: 20 }]);
  });
});

describe('the map SVG', () => {
  const values = new Map([['35', { agencies: 17, reports: 116 }], ['14', { agencies: 4, reports: 0 }]]);
  const { svg, limits } = mapSvg({
    id: 'm', title: 'Agencies & reports', highlight: '35',
    measures: [{ id: 'agencies', label: 'Agencies' }, { id: 'reports', label: 'Reports' }],
    values,
    name: (c) => provinceName(c)!,
    describe: (c) => `${provinceName(c)}: ${values.get(c)!.agencies} agencies, ${values.get(c)!.reports} reports`,
    noData: (c) => `${provinceName(c)}: no reports`,
    href: (c) => `/regions/${c}0000/`,
  });

  test('a named group of 34 provinces, small', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 800 \d+" role="group" aria-labelledby="m-title"/);
    expect(svg).toContain('<title id="m-title">Agencies &amp; reports</title>');
    expect(svg.match(/<path class="p/g)).toHaveLength(34);
    expect(svg.length).toBeLessThan(150_000);
  });

  test('provinces with data are links named with their values, shaded per measure', () => {
    expect(limits).toEqual({ agencies: [5, 10, 15, 20], reports: [50, 100, 150] });
    expect(svg).toContain('<a href="/regions/350000/" aria-label="福建省: 17 agencies, 116 reports" data-code="35"><path class="p here" style="--f-agencies:var(--q4);--f-reports:var(--q3)"');
    expect(svg).toContain('<a href="/regions/140000/" aria-label="山西省: 4 agencies, 0 reports" data-code="14"><path class="p" style="--f-agencies:var(--q1);--f-reports:var(--q0)"');
    expect(svg.match(/<a /g)).toHaveLength(2);
  });

  test('the others are unshaded, with a title that says so', () => {
    expect(svg).toMatch(/<path class="p none" data-code="65" d="M[^"]+"><title>新疆维吾尔自治区: no reports<\/title><\/path>/);
    expect(svg.match(/class="p none"/g)).toHaveLength(32);
    expect(svg).toContain('<path class="inset" aria-hidden="true"');
  });
});

describe('regions of lineages', () => {
  const summary = (id: string, year: number, applications: number | null, reviews: number | null = 0): SummaryRow =>
    ({ report_id: `${id}-${year}`, lineage_id: id, year, applications_new: applications, reviews_total: reviews, litigation_total: null } as unknown as SummaryRow);
  const lineage = (id: string, admin_code: string | null, province: string | null, city: string | null, reports: SummaryRow[]): Lineage =>
    ({ id, name: id, agencies: [], names: [], admin_code, province, city, county: null, level: 'county', reports, years: reports.map((r) => r.year!) } as unknown as Lineage);

  test('codes from admin_code, else the province name; a municipality has no city of its own', () => {
    expect(regionCodes({ admin_code: '350128', province: '福建省', city: '福州市' })).toEqual({ province: '350000', city: '350100' });
    expect(regionCodes({ admin_code: '140400', province: '山西省', city: '长治市' })).toEqual({ province: '140000', city: '140400' });
    expect(regionCodes({ admin_code: '110105', province: '北京市', city: '北京市' })).toEqual({ province: '110000', city: null });
    expect(regionCodes({ admin_code: null, province: '福建省', city: null })).toEqual({ province: '350000', city: null });
    expect(regionCodes({ admin_code: null, province: null, city: null })).toBeNull();
  });

  test('lineages grouped by province and city with their totals; a blank is not a zero', () => {
    const all = [
      lineage('pt-a', '350128', '福建省', '福州市', [summary('pt-a', 2023, 10), summary('pt-a', 2024, null)]),
      lineage('pt-b', '350128', '福建省', '福州市', [summary('pt-b', 2024, 5, null)]),
      lineage('fj', '350000', '福建省', null, [summary('fj', 2024, null, null)]),
      lineage('cz', '140400', '山西省', '长治市', [summary('cz', 2023, 0)]),
      lineage('nowhere', null, null, null, []),
    ];
    const idx = regionIndex(all);
    expect(idx.provinces.map((p) => p.code)).toEqual(['140000', '350000']);
    expect(idx.unknown.map((l) => l.id)).toEqual(['nowhere']);
    const fj = idx.byCode.get('350000')!;
    expect(fj.name).toBe('福建省');
    expect(fj.lineages.map((l) => l.id)).toEqual(['pt-a', 'pt-b', 'fj']);
    expect(fj.cities.map((c) => [c.code, c.name, c.lineages.length])).toEqual([['350100', '福州市', 2]]);
    expect(fj.totals.values).toEqual({ agencies: 3, reports: 4, applications: 15, reviews: 0, litigation: null });
    expect(fj.totals.known).toEqual({ agencies: 3, reports: 4, applications: 2, reviews: 2, litigation: 0 });
    expect(fj.years.map((y) => [y.year, y.reports, y.sums.applications_new])).toEqual([[2023, 1, 10], [2024, 3, 5]]);
    expect(idx.byCode.get('140400')!.totals.values.applications).toBe(0);
    expect(totalsOf([]).values).toEqual({ agencies: 0, reports: 0, applications: null, reviews: null, litigation: null });
  });
});
