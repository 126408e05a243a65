/**
 * Names of agencies and places in the page's language. Chinese pages print the name as the report
 * did; English pages print the registry's English name where it has one, else the name in pinyin
 * (toneless, one word per word, as the ids are cut: 长治市中小企业局 → Changzhishi Zhongxiaoqiye Ju).
 * Pages that show an English name may put the Chinese beside it in a lang="zh-CN" span.
 */
import { pinyin } from 'pinyin-pro';
import { loadRegistry, normaliseName } from '../agencies/registry.ts';
import { slug } from '../agencies/slug.ts';
import type { Lang } from './url.ts';

const cap = (w: string) => (w ? w[0]!.toUpperCase() + w.slice(1) : w);

// Names recur on every page of an agency and its reports: spelled once each.
const spelled = new Map<string, string>();
const memo = (name: string, spell: (name: string) => string): string => {
  let s = spelled.get(name);
  if (s === undefined) spelled.set(name, (s = spell(name)));
  return s;
};

/** A Chinese name in readable pinyin, each word capitalised; text that is not Chinese is kept. */
export const pinyinName = (name: string): string => memo(`n:${name}`, spellName);
function spellName(key: string): string {
  const name = key.slice(2);
  const text = name.normalize('NFKC').trim();
  if (!/\p{Script=Han}/u.test(text)) return text;
  // The id's words (cut by the agency vocabulary and place suffixes), without the hash tag an id
  // gets when it could not spell the name in full or ran long.
  const parts = slug(text).split('-');
  if (parts.length > 1 && /^[0-9a-f]{6}$/.test(parts.at(-1)!) && /\d/.test(parts.at(-1)!)) parts.pop();
  if (parts[0] === 'x') return pinyin(text, { toneType: 'none', type: 'array' }).map(cap).join(' ');
  return parts.map(cap).join(' ');
}

/** The registry's English name of an agency, by id or else by its printed name. */
export function registryEnglish(agencyId: string | null | undefined, name: string | null | undefined): string | null {
  const reg = loadRegistry();
  const byId = agencyId ? reg.byId.get(agencyId) : undefined;
  if (byId?.en) return byId.en;
  const byName = name ? reg.byName.get(normaliseName(name)) : undefined;
  return byName?.en ?? null;
}

export interface Named {
  /** The name as printed (Chinese). */
  name: string;
  agency_id?: string | null;
}

/** An agency's name in a language: Chinese as printed; English from the registry, else pinyin. */
export function agencyLabel(lang: Lang, a: Named): string {
  if (lang === 'zh') return a.name;
  return registryEnglish(a.agency_id, a.name) ?? pinyinName(a.name);
}

/** An agency lineage's current name (its latest agency) in a language. */
export function lineageLabel(lang: Lang, l: { name: string; agencies: readonly { agency_id: string }[] }): string {
  return agencyLabel(lang, { name: l.name, agency_id: l.agencies.at(-1)?.agency_id ?? null });
}

/** Official English names of the provinces (the ones pinyin gets wrong or that have a form of their own). */
const PROVINCES: Record<string, string> = {
  北京市: 'Beijing', 天津市: 'Tianjin', 上海市: 'Shanghai', 重庆市: 'Chongqing', 河北省: 'Hebei', 山西省: 'Shanxi',
  辽宁省: 'Liaoning', 吉林省: 'Jilin', 黑龙江省: 'Heilongjiang', 江苏省: 'Jiangsu', 浙江省: 'Zhejiang', 安徽省: 'Anhui',
  福建省: 'Fujian', 江西省: 'Jiangxi', 山东省: 'Shandong', 河南省: 'Henan', 湖北省: 'Hubei', 湖南省: 'Hunan',
  广东省: 'Guangdong', 海南省: 'Hainan', 四川省: 'Sichuan', 贵州省: 'Guizhou', 云南省: 'Yunnan', 陕西省: 'Shaanxi',
  甘肃省: 'Gansu', 青海省: 'Qinghai', 台湾省: 'Taiwan', 内蒙古自治区: 'Inner Mongolia', 广西壮族自治区: 'Guangxi',
  西藏自治区: 'Tibet', 宁夏回族自治区: 'Ningxia', 新疆维吾尔自治区: 'Xinjiang', 香港特别行政区: 'Hong Kong', 澳门特别行政区: 'Macao',
};
/** Suffixes of place names and their English, longest first. A city is named without "City". */
const SUFFIXES: [string, string][] = [
  ['自治州', ' Autonomous Prefecture'], ['自治县', ' Autonomous County'], ['自治旗', ' Autonomous Banner'], ['地区', ' Prefecture'],
  ['新区', ' New Area'], ['林区', ' Forest District'], ['特区', ' Special District'], ['省', ' Province'], ['市', ''], ['县', ' County'], ['区', ' District'], ['旗', ' Banner'],
  ['盟', ' League'], ['州', ' Prefecture'], ['镇', ' Town'], ['乡', ' Township'], ['街道', ' Subdistrict'],
];

/** A place name (province, city, county) in a language: 福建省 → Fujian, 福州市 → Fuzhou, 平潭县 → Pingtan County. */
export function placeName(lang: Lang, name: string): string {
  return lang === 'zh' ? name : memo(`p:${name}`, (key) => spellPlace(key.slice(2)));
}
function spellPlace(name: string): string {
  const p = PROVINCES[name];
  if (p) return p;
  for (const [zh, en] of SUFFIXES) {
    if (name.length > zh.length + 1 && name.endsWith(zh)) {
      const stem = name.slice(0, -zh.length);
      return pinyin(stem, { toneType: 'none', type: 'array' }).join('').replace(/^./, (c) => c.toUpperCase()) + en;
    }
  }
  return pinyin(name, { toneType: 'none', type: 'array' }).join('').replace(/^./, (c) => c.toUpperCase());
}

/** "福建省 福州市 平潭县" in Chinese, "Pingtan County, Fuzhou, Fujian" in English: the parts that are known. */
export function regionName(lang: Lang, r: { province: string | null; city: string | null; county: string | null }): string {
  const parts = [r.province, r.city !== r.province ? r.city : null, r.county].filter((x): x is string => !!x);
  if (!parts.length) return '—';
  return lang === 'zh' ? parts.join(' ') : parts.reverse().map((p) => placeName(lang, p)).join(', ');
}

/** Whether a string has Chinese characters (an English page must not show them outside a lang="zh-CN" span). */
export const hasHan = (s: string): boolean => /\p{Script=Han}/u.test(s);
