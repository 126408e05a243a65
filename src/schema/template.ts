/** The two prescribed layouts of the annual report (国办公开办函〔2019〕60号 and 〔2021〕30号). */
export const TEMPLATES = ['2019', '2021'] as const;
export type Template = (typeof TEMPLATES)[number];

/** A label in both languages. */
export interface Label {
  zh: string;
  en: string;
}

/**
 * The six sections, in order. `match` finds a section heading by meaning, not exact text;
 * `narrative` marks the sections published as text (the `narrative` table).
 */
export const SECTIONS = [
  { key: 'overview', numeral: '一', zh: '总体情况', en: 'Overview', match: /总体情况|概述|概况|基本情况/ },
  { key: 'proactive', numeral: '二', zh: '主动公开政府信息情况', en: 'Proactive disclosure (table 二)', match: /主动公开.*情况/ },
  { key: 'applications', numeral: '三', zh: '收到和处理政府信息公开申请情况', en: 'Applications received and handled (table 三)', match: /收到.*处理.*申请|依申请公开.*情况/ },
  { key: 'reviews', numeral: '四', zh: '政府信息公开行政复议、行政诉讼情况', en: 'Administrative review and litigation (table 四)', match: /行政复议.*行政诉讼|复议.*诉讼/ },
  { key: 'problems', numeral: '五', zh: '存在的主要问题及改进情况', en: 'Main problems and improvements', match: /存在.*问题|问题.*改进/, narrative: true },
  { key: 'other', numeral: '六', zh: '其他需要报告的事项', en: 'Other matters to report', match: /其他需要报告|其他.*事项/, narrative: true },
] as const;
export type SectionKey = (typeof SECTIONS)[number]['key'];
type NarrativeSectionDef = Extract<(typeof SECTIONS)[number], { narrative: true }>;
/** The sections published as text: 五 and 六. */
export const NARRATIVE_SECTIONS: readonly NarrativeSectionDef['key'][] = SECTIONS
  .filter((s): s is NarrativeSectionDef => 'narrative' in s).map((s) => s.key);
export type NarrativeSectionKey = NarrativeSectionDef['key'];

/** The report year decides the template: reports on 2019 and 2020 use the 2019 version. */
export function templateForYear(year: number): Template {
  return year >= 2021 ? '2021' : '2019';
}
