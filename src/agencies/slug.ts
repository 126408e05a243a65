import { pinyin } from 'pinyin-pro';

// Words are cut with a small fixed vocabulary of agency names plus place-level suffixes, not with a
// segmentation dictionary: ids must not change when a dependency or the ICU data of the Node runtime does.
// Changing this list changes ids of agencies not in the registry; test/agencies/slug.test.ts pins examples.
const WORDS = [
  '中小企业', '小企业', '企业', '中心', '服务', '发展', '促进', '工业', '信息化', '信息', '科学技术', '科技', '技术',
  '人民政府', '政府', '人民', '办公室', '办事处', '委员会', '管理', '监督', '市场', '统计', '国家', '改革',
  '财政', '税务', '公安', '司法', '民政', '教育', '体育', '文化', '旅游', '广播', '电视', '卫生', '健康', '生态',
  '环境', '保护', '自然资源', '资源', '规划', '住房', '城乡', '建设', '交通', '运输', '水利', '水务', '农业',
  '农村', '林业', '草原', '畜牧', '商务', '审计', '应急', '退役军人', '事务', '人力资源', '社会保障', '社会',
  '保障', '医疗', '保险', '行政审批', '审批', '行政', '政务', '公开', '数据', '能源', '粮食', '物资', '储备',
  '金融', '国有资产', '外事', '侨务', '民族', '宗教', '机关', '档案', '地震', '气象', '消防', '救援', '综合',
  '执法', '城市', '园林', '绿化', '经济', '开发区', '高新', '产业', '园区', '新区', '乡村振兴', '扶贫', '开发',
  '工作', '部门', '规范性', '文件', '政策', '解读', '通知', '公告', '动态', '人事', '其他',
];
const LONGEST = Math.max(...WORDS.map((w) => w.length));
const WORD_SET = new Set(WORDS);
/** A place-level suffix closes a word: 长治市 | 中小企业, 夏县 | 小企业. */
const LEVEL_CHAR = /^[省市县区州旗盟镇乡]$/;
const MAX = 60;

/** FNV-1a, 32 bit: a short deterministic tag for names a slug cannot spell in full. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (const ch of s) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0').slice(0, 6);
}

const isAscii = (ch: string | undefined) => ch !== undefined && /^[a-z0-9]$/.test(ch);

/** The longest vocabulary word starting at chars[i], if any. */
function wordAt(chars: string[], i: number): number {
  for (let n = Math.min(LONGEST, chars.length - i); n >= 2; n--) if (WORD_SET.has(chars.slice(i, i + n).join(''))) return n;
  return 0;
}

/** Cut normalised text into words (as character indexes): vocabulary words, runs closed by a place-level suffix, ASCII runs. */
function words(chars: string[]): { words: number[][]; lossy: boolean } {
  const out: number[][] = [];
  let run: number[] = [];
  let lossy = false;
  const flush = () => { if (run.length) out.push(run); run = []; };
  for (let i = 0; i < chars.length;) {
    const ch = chars[i] ?? '';
    const han = /^\p{Script=Han}$/u.test(ch);
    if (!han && !isAscii(ch)) { // punctuation separates words; anything else (other scripts) would be lost
      flush();
      if (!/^[\p{P}\p{S}\p{Z}]$/u.test(ch)) lossy = true;
      i++;
      continue;
    }
    if (run.length && isAscii(chars[run[0] ?? 0]) !== isAscii(ch)) flush(); // 2号 → 2 | hao
    const n = han ? wordAt(chars, i) : 0;
    if (n) {
      flush();
      out.push(Array.from({ length: n }, (_, k) => i + k));
      i += n;
      continue;
    }
    run.push(i++);
    if (LEVEL_CHAR.test(ch) && run.length >= 2) flush();
  }
  flush();
  return { words: out, lossy };
}

/**
 * A stable, readable ASCII id for a Chinese name: toneless pinyin, one word per word,
 * e.g. 夏县小企业发展促进中心 → xiaxian-xiaoqiye-fazhan-cujin-zhongxin. Same name, same id.
 * Names it cannot spell in full (rare characters, other scripts) or that run long get a hash of the name,
 * so different names still get different ids.
 */
export function slug(name: string): string {
  const text = name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  const chars = Array.from(text);
  // Pinyin of the whole text, so polyphones read in context (长子 zhangzi, 长治 changzhi).
  const py = pinyin(text, { type: 'all', toneType: 'none', v: true }).map((p) => (p.isZh ? p.pinyin : p.origin));
  const cut = words(chars);
  let lossy = cut.lossy;
  const parts = cut.words.map((w) => w.map((i) => {
    const s = (py[i] ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
    if (!s) lossy = true; // a character without a reading (e.g. CJK extension B)
    return s;
  }).join('')).filter(Boolean);
  let id = parts.join('-');
  if (id.length > MAX) {
    const kept: string[] = [];
    for (const p of parts) {
      if ([...kept, p].join('-').length > MAX - 7) break;
      kept.push(p);
    }
    id = kept.join('-') || id.slice(0, MAX - 7);
    lossy = true;
  }
  if (!id) return `x-${hash(text)}`;
  return lossy ? `${id}-${hash(text)}` : id;
}
