import { describe, expect, it } from 'vitest';
import { slug } from '../../src/agencies/slug.ts';

describe('slug', () => {
  // Pinned: these ids are published for agencies missing from the registry; a change here changes ids.
  it.each([
    ['夏县小企业发展促进中心', 'xiaxian-xiaoqiye-fazhan-cujin-zhongxin'],
    ['长治市中小企业服务中心', 'changzhishi-zhongxiaoqiye-fuwu-zhongxin'],
    ['长治市中小企业局', 'changzhishi-zhongxiaoqiye-ju'],
    ['长子县中小企业服务中心', 'zhangzixian-zhongxiaoqiye-fuwu-zhongxin'], // 长 read in context: zhang
    ['稷山县工业信息化和科技局', 'jishanxian-gongye-xinxihua-he-keji-ju'],
    ['国家统计局', 'guojia-tongji-ju'],
    ['北京市朝阳区市场监督管理局', 'beijingshi-chaoyangqu-shichang-jiandu-guanli-ju'],
    ['规范性文件', 'guifanxing-wenjian'],
  ])('%s → %s', (name, id) => expect(slug(name)).toBe(id));

  it('is ASCII a-z, 0-9 and single hyphens', () => {
    for (const n of ['临夏县人民政府（办公室）', '某某局2号楼ABC', '绿化局', '   ', '𠀋局', 'Δ局']) {
      expect(slug(n)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
    expect(slug('绿化局')).toBe('lvhua-ju');
  });

  it('ignores whitespace and full-/half-width variants', () => {
    expect(slug(' 长治市 中小企业局 ')).toBe(slug('长治市中小企业局'));
    expect(slug('某局（２号）')).toBe(slug('某局(2号)'));
  });

  it('tags names it cannot spell in full or that run long with a hash, so they stay distinct', () => {
    expect(slug('𠀋局')).not.toBe(slug('局'));
    expect(slug('𠀋局')).not.toBe(slug('𠀐局'));
    const long = '临夏回族自治州人民政府办公室关于进一步加强和改进政府信息公开工作的若干意见';
    expect(slug(long).length).toBeLessThanOrEqual(60);
    expect(slug(long)).not.toBe(slug(`${long}的补充说明`));
  });

  it('gives different names different ids', () => {
    const names = ['长治市中小企业局', '长治市中小企业服务中心', '长子县中小企业服务中心', '夏县小企业发展促进中心', '临夏县小企业发展促进中心'];
    expect(new Set(names.map(slug)).size).toBe(names.length);
  });

  it('is deterministic', () => {
    expect(slug('夏县小企业发展促进中心')).toBe(slug('夏县小企业发展促进中心'));
  });
});
