import type { Label, Template } from './template.ts';

/** Table 二: items published under Article 20 of the Regulations, per template version. */
export const CLAUSES = ['20.1', '20.5', '20.6', '20.8', '20.9'] as const;
export type Clause = (typeof CLAUSES)[number];

export interface Measure extends Label {
  key: string;
  /** Unit implied by the column header, if any. */
  unit?: string;
  /** Whether the printed value may carry a sign (本年增/减). */
  signed?: boolean;
}

export interface Article20Item extends Label {
  key: string;
  clause: Clause;
  /** Matches the printed row label by meaning. */
  match: RegExp;
}

export interface Article20Clause {
  clause: Clause;
  zh: string;
  items: Article20Item[];
  measures: Measure[];
}

const m = (key: string, zh: string, en: string, extra: Partial<Measure> = {}): Measure => ({ key, zh, en, ...extra });

const rules = (clause: Clause): Article20Item => ({ key: 'rules', clause, zh: '规章', en: 'Rules', match: /规章/ });
const normative = (clause: Clause, zh: string): Article20Item =>
  ({ key: 'normative_documents', clause, zh, en: 'Normative documents', match: /规范性文件/ });
const licensing: Article20Item = { key: 'licensing', clause: '20.5', zh: '行政许可', en: 'Administrative licensing', match: /行政许可/ };
const otherServices: Article20Item =
  { key: 'other_services', clause: '20.5', zh: '其他对外管理服务事项', en: 'Other external management services', match: /其他.{0,4}管理服务|对外管理服务/ };
const penalty: Article20Item = { key: 'penalty', clause: '20.6', zh: '行政处罚', en: 'Administrative penalties', match: /行政处罚/ };
const enforcement: Article20Item = { key: 'enforcement', clause: '20.6', zh: '行政强制', en: 'Administrative enforcement', match: /行政强制/ };
// Row patterns never span with .*: a label can carry wrapped fragments of other rows.
const fees: Article20Item = { key: 'fees', clause: '20.8', zh: '行政事业性收费', en: 'Administrative fees', match: /事业性收费|行政收费/ };
const procurement: Article20Item = { key: 'procurement', clause: '20.9', zh: '政府集中采购', en: 'Centralised government procurement', match: /集中采购|政府采购/ };

const projectMeasures = [
  m('previous_year_count', '上一年项目数量', 'Items in the previous year'),
  m('change', '本年增/减', 'Change this year', { signed: true }),
  m('decisions', '处理决定数量', 'Decisions made'),
];

export const ARTICLE20: Record<Template, Article20Clause[]> = {
  '2019': [
    { clause: '20.1', zh: '第二十条第（一）项', items: [rules('20.1'), normative('20.1', '规范性文件')], measures: [
      m('made', '本年新制作数量', 'Newly made this year'),
      m('published', '本年新公开数量', 'Newly published this year'),
      m('public_total', '对外公开总数量', 'Total published'),
    ] },
    { clause: '20.5', zh: '第二十条第（五）项', items: [licensing, otherServices], measures: projectMeasures },
    { clause: '20.6', zh: '第二十条第（六）项', items: [penalty, enforcement], measures: projectMeasures },
    { clause: '20.8', zh: '第二十条第（八）项', items: [fees], measures: projectMeasures.slice(0, 2) },
    { clause: '20.9', zh: '第二十条第（九）项', items: [procurement], measures: [
      m('projects', '采购项目数量', 'Procurement projects'),
      // No unit is prescribed for the amount: reports print 元 or 万元, or nothing.
      m('amount', '采购总金额', 'Total procurement amount'),
    ] },
  ],
  '2021': [
    { clause: '20.1', zh: '第二十条第（一）项', items: [rules('20.1'), normative('20.1', '行政规范性文件')], measures: [
      m('issued', '本年制发件数', 'Issued this year'),
      m('repealed', '本年废止件数', 'Repealed this year'),
      m('in_force', '现行有效件数', 'In force'),
    ] },
    { clause: '20.5', zh: '第二十条第（五）项', items: [licensing], measures: [m('decisions', '本年处理决定数量', 'Decisions this year')] },
    { clause: '20.6', zh: '第二十条第（六）项', items: [penalty, enforcement], measures: [m('decisions', '本年处理决定数量', 'Decisions this year')] },
    { clause: '20.8', zh: '第二十条第（八）项', items: [fees], measures: [m('amount', '本年收费金额（单位：万元）', 'Fees collected this year', { unit: '万元' })] },
  ],
};

/** The heading of table 二's first column. */
export const ARTICLE20_ITEM_HEADING: Label = { zh: '信息内容', en: 'Item' };

