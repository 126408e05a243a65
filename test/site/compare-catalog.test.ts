/**
 * The compare tool's catalog file (src/site/compare-catalog.ts writes it, src/query/catalog.ts
 * reads and searches it) on the real data (src/data/reports): every lineage is in it with its
 * names in both languages and their pinyin; the picker finds an agency by Chinese name, pinyin,
 * initials, English, region, id and year; the names the chart takes from the data before the
 * file arrives are the file's; a link's ids are checked against them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import { pick, pickerIndex, pickerQuery, readCatalog, type CatalogFile } from '../../src/query/catalog.ts';
import { checkIds, namesOfCatalog, namesOfSummary, readState } from '../../src/query/compare-model.ts';
import { dataBuild } from '../pipeline/helpers.ts';

let file: CatalogFile;
let summary: Record<string, string | number | null>[];
let lineageIds: string[];

beforeAll(async () => {
  const data = await dataBuild();
  expect(data.run.code, data.run.stderr).toBe(0);
  process.env.ATLAS_DATA_DIR = data.out;
  const { compareCatalogJson } = await import('../../src/site/compare-catalog.ts');
  const json = compareCatalogJson();
  expect(json.endsWith('}\n')).toBe(true);
  file = readCatalog(JSON.parse(json))!;
  expect(file).not.toBeNull();
  summary = Papa.parse<Record<string, string>>(readFileSync(join(data.out, 'summary.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data
    .map((r) => ({ ...r, year: r.year === '' ? null : Number(r.year) }));
  lineageIds = [...new Set(summary.map((r) => String(r.lineage_id)))].sort();
}, 120_000);

const ids = (q: string, limit = 20) => pick(pickerIndex(file), q, limit).hits.map((l) => l.id);

describe('the catalog file', () => {
  test('holds every lineage of the data, with English names and pinyin', () => {
    expect(file.lineages.map((l) => l.id).sort()).toEqual(lineageIds);
    const pt = file.lineages.find((l) => l.id === 'pingtan-investment')!;
    expect(pt.name).toBe('平潭综合实验区投资促进局');
    expect(pt.names).toEqual(['平潭综合实验区国有资产管理局', '平潭综合实验区投资促进局']);
    expect(pt.en).toBe('Pingtan Comprehensive Experimental Zone Investment Promotion Bureau');
    expect(pt.py!.split('|')[0]).toBe('ping tan zong he shi yan qu tou zi cu jin ju');
    expect(pt.agencies.map((a) => a.en)).toContain('Pingtan Comprehensive Experimental Zone State-owned Assets Administration Bureau');
    expect(file.places['福建省']).toBe('Fujian');
  });

  test('a file that is not a catalog is refused', () => {
    expect(readCatalog(null)).toBeNull();
    expect(readCatalog({ version: 'x', places: {}, lineages: [{ id: 'a' }] })).toBeNull();
    expect(readCatalog({ version: 'x', places: {}, lineages: [{ id: 'a', name: 'A', names: ['A'], region: [], years: ['2020'], agencies: [] }] })).toBeNull();
    expect(readCatalog({ version: 'x', places: {}, lineages: [] })).not.toBeNull();
  });
});

describe('the picker finds an agency as a reader types it', () => {
  test('by its Chinese name, any part, and by an earlier name', () => {
    expect(ids('长治')[0]).toBe('changzhi-sme');
    expect(ids('投资促进')).toEqual(['pingtan-investment']);
    expect(ids('国有资产')).toEqual(['pingtan-investment']);
    expect(ids('中小企业局')).toContain('changzhi-sme');
  });

  test('by pinyin, run together or word by word, and by initials', () => {
    expect(ids('changzhi')[0]).toBe('changzhi-sme');
    expect(ids('touzi cujin')).toEqual(['pingtan-investment']);
    expect(ids('touzicujin')).toEqual(['pingtan-investment']);
    expect(ids('pingtan touzi')).toEqual(['pingtan-investment']);
    expect(ids('tzcj')).toEqual(['pingtan-investment']);
  });

  test('by English name, id, region and year', () => {
    expect(ids('investment promotion')).toEqual(['pingtan-investment']);
    expect(ids('Investment')).toContain('pingtan-investment');
    expect(ids('changzhi-sme')[0]).toBe('changzhi-sme');
    // A region finds its agencies, after those named by the query.
    const pingtan = ids('平潭', 100);
    expect(pingtan.length).toBe(file.lineages.filter((l) => l.region.includes('平潭县')).length);
    expect(ids('Fujian', 100).length).toBe(file.lineages.filter((l) => l.region[0] === '福建省').length);
    // 长治: the lineage named so before 长子县's, which is only in 长治市.
    const changzhi = ids('长治');
    expect(changzhi.indexOf('changzhi-sme')).toBeLessThan(changzhi.findIndex((id) => id.startsWith('zhangzi')));
    // A year: only lineages that reported on it.
    for (const id of ids('平潭 2019', 100)) expect(file.lineages.find((l) => l.id === id)!.years).toContain(2019);
    expect(ids('投资促进 2031')).toEqual([]);
  });

  test('no match is none; an empty query browses the catalog in order; the total counts past the limit', () => {
    expect(ids('不存在的机关')).toEqual([]);
    expect(ids('zzzzqq')).toEqual([]);
    expect(ids('', 5)).toEqual(file.lineages.slice(0, 5).map((l) => l.id));
    const all = pick(pickerIndex(file), '平潭', 3);
    expect(all.hits).toHaveLength(3);
    expect(all.total).toBeGreaterThan(3);
    expect(pickerQuery('投资 Touzi 2024')).toEqual({ han: ['投资'], latin: ['touzi'], years: [2024] });
  });
});

describe('names and links without the catalog', () => {
  test("the names the chart takes from the data are the catalog's", () => {
    const fromData = namesOfSummary(summary);
    const fromFile = namesOfCatalog(file.lineages);
    expect([...fromData.lineages].sort()).toEqual([...fromFile.lineages].sort());
    expect([...fromData.agencies].sort()).toEqual([...fromFile.agencies].sort());
    expect(fromData.lineages.get('changzhi-sme')).toEqual({ name: '长治市中小企业服务中心', several: true });
  });

  test("a link read before the names keeps its ids' form only; checked once they arrive", () => {
    const scope = { regions: [], years: [2019, 2025] };
    const early = readState('?lineage=changzhi-sme,no-such,DROP%20TABLE&agency=pingtan-state-assets,gone', scope, null);
    expect(early.state.lineages).toEqual(['changzhi-sme', 'no-such']);
    expect(early.unread).toEqual(['lineage']);
    const checked = checkIds(early.state, namesOfSummary(summary));
    expect(checked.state.lineages).toEqual(['changzhi-sme']);
    expect(checked.state.agencies).toEqual(['pingtan-state-assets']);
    expect(checked.unread).toEqual(['lineage', 'agency']);
    expect(checkIds(checked.state, namesOfSummary(summary)).unread).toEqual([]);
  });
});
