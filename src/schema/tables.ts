import type { Label } from './template.ts';
import { RESULT_GROUPS } from './applications.ts';

/** Column types as published: INT64, DOUBLE, DATE (ISO in CSV), UTF-8 text. */
export type ColumnType = 'string' | 'integer' | 'number' | 'date';

export interface Column extends Label {
  name: string;
  type: ColumnType;
  /** Allowed values, for enumerations. */
  values?: readonly string[];
}

export interface TableDef extends Label {
  name: string;
  /** Columns whose values sort the rows (and, together, identify one). */
  key: readonly string[];
  columns: readonly Column[];
}

const c = (name: string, type: ColumnType, zh: string, en: string, values?: readonly string[]): Column =>
  ({ name, type, zh, en, ...(values ? { values } : {}) });

const reportId = c('report_id', 'string', '报告编号（机构编号-年度）', 'Report id (<agency_id>-<year>)');
const line = c('line', 'integer', '来源行号（源文件中读取该值的行，从1起；推算值为空）', '1-based line in the source file the value was read from; NULL when derived');
const sourceCell = c('source_cell', 'string', '来源单元格（源文件中的表格-行-列，从1起，合并单元格展开后计；源文件无表格时为空）',
  "Table-row-column (1-based, merged cells expanded) of the source's own table the value was read from; NULL where the source has no tables");

const sourcePage = c('source_page', 'integer', '来源页码（PDF 原件中该值所在的页，从1起；其他来源为空）',
  'Page of the original PDF the value was read from (1-based); NULL for other sources');

// Columns that several tables share.
const year = c('year', 'integer', '报告年度（所报告的年份）', 'Year reported on');
const county = c('county', 'string', '县（区）', 'County (NULL above county level)');
const agencyId = c('agency_id', 'string', '机构编号', 'Agency id');
const agencyName = c('agency_name', 'string', '机构名称（按原文）', 'Agency name as printed');
const template = c('template', 'string', '格式版本', 'Template version', ['2019', '2021']);
const status = c('status', 'string', '解析状态', 'Parse status', ['ok', 'warnings', 'failed']);
const checksFailed = c('checks_failed', 'integer', '未通过的核对数', 'Number of failed checks');
const lineageId = c('lineage_id', 'string', '沿革编号', 'Lineage id');
const province = c('province', 'string', '省', 'Province');
// Coverage (src/check/coverage.ts): the cells of the form for the report's template, and how many hold a value.
const cellsExpected = c('cells_expected', 'integer', '规定单元格数（表二、表三、表四各格及第一部分合计，按格式版本）',
  'Prescribed cells for the template: tables 二, 三 and 四 and the section 一 total');
const cellsRead = c('cells_read', 'integer', '已读取的规定单元格数（有数值的；原文空白或未能读取的不计）',
  'Prescribed cells read with a value (blank in the source or not read: not counted)');
const city = c('city', 'string', '市', 'City');

/** The published tables: the data contract (../shared/reference/data-contract.md), as data. */
export const TABLES: readonly TableDef[] = [
  { name: 'reports', zh: '报告', en: 'Reports: one row per input report file', key: ['report_id'], columns: [
    reportId,
    agencyId,
    agencyName,
    year,
    template,
    c('published_on', 'date', '落款日期', 'Date signed'),
    c('source_file', 'string', '源文件名', 'Source file name'),
    c('source_sha256', 'string', '源文件 SHA-256', 'SHA-256 of the source file'),
    c('source_encoding', 'string', '源文件编码', 'Encoding the source file was read in'),
    c('title', 'string', '标题（按原文，或取自页面信息）', 'Title as printed (or from the page metadata)'),
    c('source_url', 'string', '原文链接（页面信息或清单）', 'Original URL (page metadata or manifest)'),
    c('published_at', 'date', '发布日期（页面信息或清单）', 'Date published (page metadata or manifest)'),
    status,
    c('warnings', 'integer', '警告数', 'Number of warnings'),
    checksFailed,
    cellsExpected,
    cellsRead,
  ] },
  { name: 'agencies', zh: '机构', en: 'Agencies: one row per agency', key: ['agency_id'], columns: [
    agencyId,
    c('name', 'string', '最新名称', 'Latest name'),
    c('names', 'string', '曾用及现用名称（以“；”分隔）', 'Every name seen, joined with ；'),
    c('lineage_id', 'string', '沿革编号（改革、更名前后为同一沿革）', 'Lineage id: shared by an agency and its predecessors or successors'),
    province,
    city,
    county,
    c('admin_code', 'string', '行政区划代码（GB/T 2260，6位）', '6-digit GB/T 2260 code of the region'),
    c('level', 'string', '层级', 'Level', ['province', 'city', 'county', 'township']),
  ] },
  { name: 'proactive', zh: '主动公开', en: 'Proactively disclosed items stated in section 一', key: ['report_id', 'category'], columns: [
    reportId,
    c('category', 'string', '类别（total 为合计）', "Category key ('total' for the stated total)"),
    c('category_label', 'string', '类别（按原文）', 'Category as printed'),
    c('items', 'integer', '条数', 'Items'),
    c('share_pct', 'number', '占比（%，按原文）', 'Share in percent, as printed'),
    line,
  ] },
  { name: 'article20', zh: '表二 第二十条主动公开', en: 'Table 二: items under Article 20', key: ['report_id', 'clause', 'item', 'measure'], columns: [
    reportId,
    c('clause', 'string', '条款', 'Clause of Article 20', ['20.1', '20.5', '20.6', '20.8', '20.9']),
    c('item', 'string', '信息内容（键）', 'Item key'),
    c('item_label', 'string', '信息内容（按原文）', 'Item as printed'),
    c('measure', 'string', '指标（键，随格式版本）', 'Measure key (per template version)'),
    c('value', 'number', '数值（空白为空）', 'Value (NULL if blank)'),
    c('unit', 'string', '单位', 'Unit'),
    c('raw', 'string', '原文', 'Text as printed'),
    line,
    sourceCell,
    sourcePage,
  ] },
  { name: 'applications', zh: '表三 收到和处理申请', en: 'Table 三: applications, one row per cell', key: ['report_id', 'row', 'applicant'], columns: [
    reportId,
    c('row', 'string', '行（键）', 'Row key'),
    c('row_label', 'string', '行（规定标签）', 'Prescribed row label'),
    c('applicant', 'string', '申请人', 'Applicant column',
      ['natural_person', 'commercial', 'research', 'social_welfare', 'legal_service', 'other_org', 'total']),
    c('value', 'integer', '数量（空白为空）', 'Count (NULL if blank)'),
    line,
    sourceCell,
    sourcePage,
  ] },
  { name: 'reviews', zh: '表四 行政复议和行政诉讼', en: 'Table 四: review and litigation, one row per cell', key: ['report_id', 'proceeding', 'outcome'], columns: [
    reportId,
    c('proceeding', 'string', '类别', 'Proceeding', ['review', 'litigation_direct', 'litigation_after_review']),
    c('outcome', 'string', '结果', 'Outcome', ['upheld', 'corrected', 'other', 'pending', 'total']),
    c('value', 'integer', '数量（空白为空）', 'Count (NULL if blank)'),
    line,
    sourceCell,
    sourcePage,
  ] },
  { name: 'checks', zh: '核对', en: 'Consistency checks run on every report', key: ['report_id', 'check', 'subject'], columns: [
    reportId,
    c('check', 'string', '核对规则', 'Rule key'),
    c('subject', 'string', '核对对象（列、行或组）', 'Column, row or group checked'),
    c('status', 'string', '结果', 'Result', ['pass', 'fail', 'skipped']),
    c('detail', 'string', '比较的数字', 'The numbers compared'),
  ] },
  { name: 'warnings', zh: '解析警告', en: 'Parser warnings: why a value is missing or uncertain', key: ['report_id', 'seq'], columns: [
    reportId,
    c('seq', 'integer', '序号', 'Order within the report'),
    c('severity', 'string', '级别', 'Severity', ['note', 'warning', 'error']),
    c('code', 'string', '代码', 'Warning code'),
    c('message', 'string', '说明（中文在前，英文在后）', 'Message, Chinese then English'),
    c('message_zh', 'string', '说明（中文）', 'Message in Chinese'),
    c('message_en', 'string', '说明（英文）', 'Message in English'),
    line,
  ] },
  { name: 'narrative', zh: '文字部分', en: 'Text of sections 五 and 六', key: ['report_id', 'section'], columns: [
    reportId,
    c('section', 'string', '部分', 'Section', ['problems', 'other']),
    c('heading', 'string', '标题（按原文）', 'Heading as printed'),
    c('text', 'string', '正文', 'Text'),
    line,
  ] },
  { name: 'summary', zh: '汇总', en: 'Summary: one row per report', key: ['report_id'], columns: [
    reportId,
    agencyId,
    agencyName,
    lineageId,
    province,
    city,
    county,
    year,
    template,
    c('proactive_total', 'integer', '主动公开合计（条）', 'Proactively disclosed items (section 一 total)'),
    c('applications_new', 'integer', '本年新收申请', 'New applications (总计 column)'),
    c('applications_carried_over', 'integer', '上年结转申请', 'Applications carried over'),
    // One column per result group: the group's sub-rows summed (NULL if any is NULL).
    ...RESULT_GROUPS.map((g) => c(g.key, 'integer', `${g.zh}（各项之和，总计列）`, `${g.en} (sum of its rows, total column)`)),
    c('handled_total', 'integer', '办理结果总计', 'Total handled'),
    c('carried_forward', 'integer', '结转下年度继续办理', 'Carried forward'),
    c('reviews_total', 'integer', '行政复议总计', 'Administrative reviews (total)'),
    c('litigation_total', 'integer', '行政诉讼总计（两类之和）', 'Litigation (sum of both totals)'),
    c('fees_charged', 'number', '收取信息处理费（元）', 'Information processing fees charged, in yuan (section 六)'),
    status,
    checksFailed,
    cellsExpected,
    cellsRead,
  ] },
];

export type TableName = 'reports' | 'agencies' | 'proactive' | 'article20' | 'applications' | 'reviews' | 'checks' | 'warnings' | 'narrative' | 'summary';

/** A published row: column name to value; NULL is null. Dates are ISO strings (YYYY-MM-DD). */
export type Row = Record<string, string | number | null>;

export function table(name: TableName): TableDef {
  const t = TABLES.find((t) => t.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}
