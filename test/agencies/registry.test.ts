import { describe, expect, it } from 'vitest';
import { agencyRows, type SeenAgency } from '../../src/agencies/table.ts';
import { loadRegistry, parseRegistry, resolveAgency } from '../../src/agencies/registry.ts';
import { slug } from '../../src/agencies/slug.ts';
import { table } from '../../src/schema/tables.ts';

const registry = loadRegistry();
const minimal = (agencies: unknown[], lineages: unknown[] = [{ id: 'l', label: 'L' }]) => ({ lineages, agencies });

describe('the registry file', () => {
  it('registers the five seed agencies', () => {
    const ids = Object.fromEntries(['长治市中小企业局', '长治市中小企业服务中心', '长子县中小企业服务中心', '夏县小企业发展促进中心', '稷山县工业信息化和科技局']
      .map((n) => [n, resolveAgency(n, registry)]));
    for (const r of Object.values(ids)) expect(r).toMatchObject({ known: true, warnings: [] });
    expect(new Set(Object.values(ids).map((r) => r.agencyId)).size).toBe(5);
    expect(new Set(Object.values(ids).map((r) => r.lineageId)).size).toBe(4);
  });

  it('puts the Changzhi bureau and its successor in one lineage, as two agencies', () => {
    const bureau = resolveAgency('长治市中小企业局', registry);
    const center = resolveAgency('长治市中小企业服务中心', registry);
    expect(bureau.agencyId).toBe('changzhi-sme-bureau');
    expect(center.agencyId).toBe('changzhi-sme-center');
    expect(bureau.lineageId).toBe('changzhi-sme');
    expect(center.lineageId).toBe(bureau.lineageId);
    expect(registry.byId.get('changzhi-sme-center')?.predecessors).toEqual(['changzhi-sme-bureau']);
  });
});

describe('resolveAgency', () => {
  it('matches after normalising whitespace and parentheses', () => {
    const r = parseRegistry(minimal([{ id: 'a', lineage: 'l', names: [{ name: '某县政府办公室（信息公开办）' }] }]));
    expect(resolveAgency(' 某县政府办公室 (信息公开办)\n', r)).toMatchObject({ agencyId: 'a', lineageId: 'l', known: true });
    expect(resolveAgency('长治市　中小企业局', registry).agencyId).toBe('changzhi-sme-bureau');
  });

  it('derives a stable id for an unknown agency, with one warning', () => {
    const r = resolveAgency('临夏县小企业发展促进中心', registry);
    expect(r).toMatchObject({ agencyId: slug('临夏县小企业发展促进中心'), known: false });
    expect(r.lineageId).toBe(r.agencyId);
    expect(r.agencyId).toBe('linxiaxian-xiaoqiye-fazhan-cujin-zhongxin');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ severity: 'warning', code: 'agency_unknown', line: null });
    expect(r.warnings[0]?.message).toContain('not in the agency registry');
    expect(resolveAgency('临夏县小企业发展促进中心', registry)).toEqual(r);
  });
});

describe('parseRegistry', () => {
  const bad: [string, unknown, RegExp][] = [
    ['not an object', [], /top level/],
    ['unknown field', { lineages: [], agencies: [], extra: 1 }, /unknown field "extra"/],
    ['duplicate agency id', minimal([{ id: 'a', lineage: 'l', names: [{ name: 'X' }] }, { id: 'a', lineage: 'l', names: [{ name: 'Y' }] }]), /"a".*used twice/],
    ['duplicate lineage id', minimal([{ id: 'a', lineage: 'l', names: [{ name: 'X' }] }], [{ id: 'l', label: 'L' }, { id: 'l', label: 'M' }]), /lineage "l".*used twice/],
    ['name used twice', minimal([{ id: 'a', lineage: 'l', names: [{ name: '某局（一）' }] }, { id: 'b', lineage: 'l', names: [{ name: '某局(一)' }] }]), /also a name of "a"/],
    ['unknown lineage', minimal([{ id: 'a', lineage: 'm', names: [{ name: 'X' }] }]), /lineage "m" is not listed/],
    ['empty lineage', minimal([{ id: 'a', lineage: 'l', names: [{ name: 'X' }] }], [{ id: 'l', label: 'L' }, { id: 'm', label: 'M' }]), /"m".*no agencies/],
    ['bad id', minimal([{ id: 'A_1', lineage: 'l', names: [{ name: 'X' }] }]), /lower-case/],
    ['no names', minimal([{ id: 'a', lineage: 'l', names: [] }]), /at least one name/],
    ['bad year', minimal([{ id: 'a', lineage: 'l', names: [{ name: 'X', from: '2019' }] }]), /report year/],
    ['years reversed', minimal([{ id: 'a', lineage: 'l', names: [{ name: 'X', from: 2023, to: 2019 }] }]), /after/],
    ['unknown predecessor', minimal([{ id: 'a', lineage: 'l', names: [{ name: 'X' }], predecessors: ['z'] }]), /predecessor "z"/],
    ['predecessor in another lineage', minimal([{ id: 'a', lineage: 'l', names: [{ name: 'X' }] }, { id: 'b', lineage: 'm', names: [{ name: 'Y' }], predecessors: ['a'] }],
      [{ id: 'l', label: 'L' }, { id: 'm', label: 'M' }]), /lineage "l", not "m"/],
    ['bad region code', minimal([{ id: 'a', lineage: 'l', names: [{ name: 'X' }], region: { admin_code: '1404' } }]), /6 digits/],
  ];
  it.each(bad)('rejects %s', (_, json, message) => {
    expect(() => parseRegistry(json)).toThrow(message);
  });
});

describe('agencyRows', () => {
  const seen: SeenAgency[] = [
    { ...pick('长治市中小企业服务中心'), name: '长治市中小企业服务中心', year: 2023 },
    { ...pick('长治市中小企业局'), name: '长治市中小企业局', year: 2019 },
    { ...pick('夏县小企业发展促进中心'), name: '夏县小企业发展促进中心', year: 2023 },
    { ...pick('临夏县工信局'), name: '临夏县工信局', year: null },
  ];
  function pick(name: string) {
    const { agencyId, lineageId } = resolveAgency(name, registry);
    return { agencyId, lineageId };
  }

  it('has the contract columns in order, one row per agency, sorted by id', () => {
    const rows = agencyRows(seen, registry);
    for (const r of rows) expect(Object.keys(r)).toEqual(table('agencies').columns.map((c) => c.name));
    expect(rows.map((r) => r.agency_id)).toEqual(['changzhi-sme-bureau', 'changzhi-sme-center', 'linxiaxian-gongxinju', 'xiaxian-sme-center']);
    expect(rows.find((r) => r.agency_id === 'changzhi-sme-center')).toEqual({
      agency_id: 'changzhi-sme-center', name: '长治市中小企业服务中心', names: '长治市中小企业服务中心', lineage_id: 'changzhi-sme',
      province: '山西省', city: '长治市', county: null, admin_code: '140400', level: 'city',
    });
    expect(rows.find((r) => r.agency_id === 'changzhi-sme-bureau')?.lineage_id).toBe('changzhi-sme');
    expect(rows.find((r) => r.agency_id === 'linxiaxian-gongxinju')).toMatchObject({
      lineage_id: 'linxiaxian-gongxinju', province: '甘肃省', county: '临夏县', admin_code: '622921', level: 'county',
    });
  });

  it('names the latest name and lists every name in first-seen order', () => {
    const r = parseRegistry(minimal([{ id: 'a', lineage: 'l', names: [{ name: '长治市甲局', from: 2019, to: 2020 }, { name: '长治市乙局', from: 2021 }] }]));
    const rows = agencyRows([
      { agencyId: 'a', lineageId: 'l', name: '长治市丙局', year: 2023 },
      { agencyId: 'a', lineageId: 'l', name: '长治市乙局 ', year: 2022 },
    ], r);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: '长治市丙局', names: '长治市甲局；长治市乙局；长治市丙局' });
  });

  it('takes the region from the registry when it overrides one', () => {
    const region = { province: '山西省', city: '运城市', county: '夏县', admin_code: '140828', level: 'county' };
    const r = parseRegistry(minimal([{ id: 'a', lineage: 'l', names: [{ name: '某中心' }], region }]));
    expect(agencyRows([{ agencyId: 'a', lineageId: 'l', name: '某中心', year: 2023 }], r)[0]).toMatchObject(region);
  });

  it('is deterministic whatever the order reports arrive in', () => {
    expect(agencyRows([...seen].reverse(), registry)).toEqual(agencyRows(seen, registry));
    expect(JSON.stringify(agencyRows(seen, registry))).toBe(JSON.stringify(agencyRows([...seen].reverse(), registry)));
  });

  it('rejects one agency given two lineages', () => {
    expect(() => agencyRows([{ agencyId: 'changzhi-sme-bureau', lineageId: 'other', name: '长治市中小企业局', year: 2019 }], registry)).toThrow(/lineages/);
  });
});
