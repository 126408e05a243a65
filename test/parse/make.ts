/** Synthetic report texts for variant tests: a real layout with numbers we choose. */
import { APPLICANT_KEYS, applicationRows, type Template } from '../../src/schema/index.ts';

export type Grid = Record<string, number[]>;

/** A consistent table 三: row sums hold, results sum to （七）, and the balance holds. */
export function grid(template: Template = '2021'): Grid {
  const rows = applicationRows(template);
  const g: Grid = {};
  const seven = (parts: number[]) => [...parts, parts.reduce((a, b) => a + b, 0)];
  for (const r of rows) g[r.key] = seven([0, 0, 0, 0, 0, 0]);
  g.granted = seven([5, 2, 0, 0, 1, 0]);
  g.partially_granted = seven([1, 0, 0, 0, 0, 0]);
  g.unable_not_held = seven([3, 1, 0, 0, 0, 0]);
  g[template === '2021' ? 'other_other' : 'other'] = seven([2, 0, 0, 0, 0, 0]);
  const results = rows.filter((r) => r.role === 'result');
  g.handled_total = APPLICANT_KEYS.map((_, i) => results.reduce((a, r) => a + g[r.key]![i]!, 0));
  g.carried_forward = seven([1, 0, 0, 0, 0, 0]);
  g.carried_over = seven([2, 0, 0, 0, 0, 0]);
  g.new_received = APPLICANT_KEYS.map((_, i) => g.handled_total![i]! + g.carried_forward![i]! - g.carried_over![i]!);
  return g;
}

export interface Shape {
  /** How one row prints: label and its seven cells. */
  row: (label: string, cells: string[]) => string;
  cell?: (n: number) => string;
}

export const spaced: Shape = { row: (l, c) => `${l} ${c.join(' ')}` };
export const tabbed: Shape = { row: (l, c) => `${l}\t${c.join('\t')}` };
export const markdown: Shape = { row: (l, c) => `| ${l} | ${c.join(' | ')} |` };

export function reportText(opts: { template?: Template; shape?: Shape; grid?: Grid; table3?: string; before?: string } = {}): string {
  const template = opts.template ?? '2021';
  const shape = opts.shape ?? spaced;
  const g = opts.grid ?? grid(template);
  const cell = shape.cell ?? String;
  const t3 = opts.table3 ?? applicationRows(template).map((r) => shape.row(r.zh, g[r.key]!.map(cell))).join('\n');
  const year = template === '2021' ? 2023 : 2020;
  const t2 = template === '2021'
    ? '信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 0 0 0\n行政规范性文件 1 0 5\n第二十条第（五）项\n行政许可 12\n第二十条第（六）项\n行政处罚 3\n行政强制 0\n第二十条第（八）项\n信息内容 本年收费金额（单位：万元）\n行政事业性收费 0.012345'
    : '信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n规章 0 0 0\n规范性文件 2 2 10\n第二十条第（五）项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n行政许可 40 −185 7\n其他对外管理服务事项 0 ＋1 0\n第二十条第（六）项\n行政处罚 0 0 0\n行政强制 0 0 0\n第二十条第（八）项\n行政事业性收费 3 0\n第二十条第（九）项\n信息内容 采购项目数量 采购总金额\n政府集中采购 2 5394432.52元';
  return [
    '测试县交通运输局', `${year}年政府信息公开工作年度报告`, opts.before ?? '',
    '一、总体情况', `${year}年，我局主动公开政府信息合计 10 条，其中：政策法规类 4 条，占比 40%；其他 6 条，占比 60%。`,
    '二、主动公开政府信息情况', '第二十条第（一）项', t2,
    '三、收到和处理政府信息公开申请情况', '申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计', t3,
    '四、政府信息公开行政复议、行政诉讼情况', '行政复议 行政诉讼', '1 0 0 1 2 0 1 0 0 1 0 0 0 0 0',
    '五、存在的主要问题及改进情况', '公开内容不够全面。',
    '六、其他需要报告的事项', '本年度共收取信息处理费 120 元。', '测试县交通运输局', `${year + 1}年1月15日`,
  ].join('\n');
}
