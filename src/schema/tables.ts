import { TEMPLATES, NARRATIVE_SECTIONS, type Label } from './template.ts';
import { APPLICANT_KEYS, RESULT_GROUPS } from './applications.ts';
import { CLAUSES } from './article20.ts';
import { OUTCOME_KEYS, PROCEEDING_KEYS } from './reviews.ts';
import { CHECK_STATUSES } from './rules.ts';

/** Column types as published: INT64, DOUBLE, DATE (ISO in CSV), UTF-8 text. */
export type ColumnType = 'string' | 'integer' | 'number' | 'date';

export interface Column extends Label {
  name: string;
  type: ColumnType;
  /** Allowed values, for enumerations. */
  values?: readonly string[];
  /** Never NULL (a key, a count every report has). Checked when the site reads the CSV back. */
  required?: boolean;
}

export interface TableDef extends Label {
  name: string;
  /** Columns whose values sort the rows (and, together, identify one). */
  key: readonly string[];
  columns: readonly Column[];
}

/** Enumerations published as columns that no table definition elsewhere owns. */
export const REPORT_STATUSES = ['ok', 'warnings', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const SEVERITIES = ['note', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const REGION_LEVELS = ['province', 'city', 'county', 'township'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** A column as declared: its name, type and enumeration kept in its type, so rows can be typed from it. */
type Col<N extends string, T extends ColumnType, V extends string = never, R extends boolean = false> =
  Column & { name: N; type: T; values?: readonly V[]; required?: R } & ([V] extends [never] ? unknown : { values: readonly V[] })
  & (R extends true ? { required: true } : unknown);

const c = <const N extends string, const T extends ColumnType, const V extends string = never>(
  name: N, type: T, zh: string, en: string, values?: readonly V[]): Col<N, T, V> =>
  ({ name, type, zh, en, ...(values ? { values } : {}) }) as Col<N, T, V>;
/** A column that is never NULL. */
const req = <N extends string, T extends ColumnType, V extends string>(col: Col<N, T, V>): Col<N, T, V, true> =>
  ({ ...col, required: true }) as Col<N, T, V, true>;

/** A table as declared: its key names only its own columns. */
const tbl = <const N extends string, const Cs extends readonly Column[]>(
  def: Label & { name: N; key: readonly Cs[number]['name'][]; columns: Cs }) => def;

const reportId = req(c('report_id', 'string', '报告编号（机构编号-年度）', 'Report id (<agency_id>-<year>)'));
const line = c('line', 'integer', '来源行号（源文件中读取该值的行，从1起；推算值为空）', '1-based line in the source file the value was read from; NULL when derived');
const sourceCell = c('source_cell', 'string', '来源单元格（源文件中的表格-行-列，从1起，合并单元格展开后计；源文件无表格时为空）',
  "Table-row-column (1-based, merged cells expanded) of the source's own table the value was read from; NULL where the source has no tables");

const sourcePage = c('source_page', 'integer', '来源页码（PDF 原件中该值所在的页，从1起；其他来源为空）',
  'Page of the original PDF the value was read from (1-based); NULL for other sources');

// Columns that several tables share.
const year = c('year', 'integer', '报告年度（所报告的年份）', 'Year reported on');
const county = c('county', 'string', '县（区）', 'County (NULL above county level)');
const agencyId = req(c('agency_id', 'string', '机构编号', 'Agency id'));
const agencyName = c('agency_name', 'string', '机构名称（按原文）', 'Agency name as printed');
const template = c('template', 'string', '格式版本', 'Template version', TEMPLATES);
const status = req(c('status', 'string', '解析状态', 'Parse status', REPORT_STATUSES));
const checksFailed = req(c('checks_failed', 'integer', '未通过的核对数', 'Number of failed checks'));
const lineageId = req(c('lineage_id', 'string', '沿革编号', 'Lineage id'));
const province = c('province', 'string', '省', 'Province');
// Coverage (src/check/coverage.ts): the cells of the form for the report's template, and how many hold a value.
const cellsExpected = req(c('cells_expected', 'integer', '规定单元格数（表二、表三、表四各格及第一部分合计，按格式版本）',
  'Prescribed cells for the template: tables 二, 三 and 四 and the section 一 total'));
const cellsRead = req(c('cells_read', 'integer', '已读取的规定单元格数（有数值的；原文空白或未能读取的不计）',
  'Prescribed cells read with a value (blank in the source or not read: not counted)'));
const city = c('city', 'string', '市', 'City');

/** The published tables: the data contract (../shared/reference/data-contract.md), as data. */
export const TABLES = [
  tbl({ name: 'reports', zh: '报告', en: 'Reports: one row per input report file', key: ['report_id'], columns: [
    reportId,
    agencyId,
    agencyName,
    year,
    template,
    c('published_on', 'date', '落款日期', 'Date signed'),
    req(c('source_file', 'string', '源文件名', 'Source file name')),
    c('source_sha256', 'string', '源文件 SHA-256', 'SHA-256 of the source file'),
    c('source_encoding', 'string', '源文件编码', 'Encoding the source file was read in'),
    c('title', 'string', '标题（按原文，或取自页面信息）', 'Title as printed (or from the page metadata)'),
    c('source_url', 'string', '原文链接（页面信息或清单）', 'Original URL (page metadata or manifest)'),
    c('published_at', 'date', '发布日期（页面信息或清单）', 'Date published (page metadata or manifest)'),
    status,
    req(c('warnings', 'integer', '警告数', 'Number of warnings')),
    checksFailed,
    cellsExpected,
    cellsRead,
  ] }),
  tbl({ name: 'agencies', zh: '机构', en: 'Agencies: one row per agency', key: ['agency_id'], columns: [
    agencyId,
    req(c('name', 'string', '最新名称', 'Latest name')),
    req(c('names', 'string', '曾用及现用名称（以“；”分隔）', 'Every name seen, joined with ；')),
    req(c('lineage_id', 'string', '沿革编号（改革、更名前后为同一沿革）', 'Lineage id: shared by an agency and its predecessors or successors')),
    province,
    city,
    county,
    c('admin_code', 'string', '行政区划代码（GB/T 2260，6位）', '6-digit GB/T 2260 code of the region'),
    c('level', 'string', '层级', 'Level', REGION_LEVELS),
  ] }),
  tbl({ name: 'proactive', zh: '主动公开', en: 'Proactively disclosed items stated in section 一', key: ['report_id', 'category'], columns: [
    reportId,
    req(c('category', 'string', '类别（total 为合计）', "Category key ('total' for the stated total)")),
    c('category_label', 'string', '类别（按原文）', 'Category as printed'),
    c('items', 'integer', '条数', 'Items'),
    c('share_pct', 'number', '占比（%，按原文）', 'Share in percent, as printed'),
    line,
  ] }),
  tbl({ name: 'article20', zh: '表二 第二十条主动公开', en: 'Table 二: items under Article 20', key: ['report_id', 'clause', 'item', 'measure'], columns: [
    reportId,
    req(c('clause', 'string', '条款', 'Clause of Article 20', CLAUSES)),
    req(c('item', 'string', '信息内容（键）', 'Item key')),
    c('item_label', 'string', '信息内容（按原文）', 'Item as printed'),
    req(c('measure', 'string', '指标（键，随格式版本）', 'Measure key (per template version)')),
    c('value', 'number', '数值（空白为空）', 'Value (NULL if blank)'),
    c('unit', 'string', '单位', 'Unit'),
    c('raw', 'string', '原文', 'Text as printed'),
    line,
    sourceCell,
    sourcePage,
  ] }),
  tbl({ name: 'applications', zh: '表三 收到和处理申请', en: 'Table 三: applications, one row per cell', key: ['report_id', 'row', 'applicant'], columns: [
    reportId,
    req(c('row', 'string', '行（键）', 'Row key')),
    req(c('row_label', 'string', '行（规定标签）', 'Prescribed row label')),
    req(c('applicant', 'string', '申请人', 'Applicant column', APPLICANT_KEYS)),
    c('value', 'integer', '数量（空白为空）', 'Count (NULL if blank)'),
    line,
    sourceCell,
    sourcePage,
  ] }),
  tbl({ name: 'reviews', zh: '表四 行政复议和行政诉讼', en: 'Table 四: review and litigation, one row per cell', key: ['report_id', 'proceeding', 'outcome'], columns: [
    reportId,
    req(c('proceeding', 'string', '类别', 'Proceeding', PROCEEDING_KEYS)),
    req(c('outcome', 'string', '结果', 'Outcome', OUTCOME_KEYS)),
    c('value', 'integer', '数量（空白为空）', 'Count (NULL if blank)'),
    line,
    sourceCell,
    sourcePage,
  ] }),
  tbl({ name: 'checks', zh: '核对', en: 'Consistency checks run on every report', key: ['report_id', 'check', 'subject'], columns: [
    reportId,
    req(c('check', 'string', '核对规则', 'Rule key')),
    req(c('subject', 'string', '核对对象（列、行或组）', 'Column, row or group checked')),
    req(c('status', 'string', '结果', 'Result', CHECK_STATUSES)),
    c('detail', 'string', '比较的数字', 'The numbers compared'),
  ] }),
  tbl({ name: 'warnings', zh: '解析警告', en: 'Parser warnings: why a value is missing or uncertain', key: ['report_id', 'seq'], columns: [
    reportId,
    req(c('seq', 'integer', '序号', 'Order within the report')),
    req(c('severity', 'string', '级别', 'Severity', SEVERITIES)),
    req(c('code', 'string', '代码', 'Warning code')),
    req(c('message', 'string', '说明（中文在前，英文在后）', 'Message, Chinese then English')),
    req(c('message_zh', 'string', '说明（中文）', 'Message in Chinese')),
    req(c('message_en', 'string', '说明（英文）', 'Message in English')),
    line,
  ] }),
  tbl({ name: 'narrative', zh: '文字部分', en: 'Text of sections 五 and 六', key: ['report_id', 'section'], columns: [
    reportId,
    req(c('section', 'string', '部分', 'Section', NARRATIVE_SECTIONS)),
    c('heading', 'string', '标题（按原文）', 'Heading as printed'),
    c('text', 'string', '正文', 'Text'),
    line,
  ] }),
  tbl({ name: 'summary', zh: '汇总', en: 'Summary: one row per report', key: ['report_id'], columns: [
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
  ] }),
] as const;

export type TableName = (typeof TABLES)[number]['name'];
/** The declaration of one table. */
export type TableOf<N extends TableName> = Extract<(typeof TABLES)[number], { name: N }>;
type ColumnOf<N extends TableName> = TableOf<N>['columns'][number];
/** The name of a column of table N. */
export type ColumnName<N extends TableName> = ColumnOf<N>['name'];

/** A column's value: its enumeration, else text (dates too: ISO strings) or a number; NULL unless required. */
type ValueOf<C extends Column> =
  | (C extends { values: readonly (infer V)[] } ? V : C['type'] extends 'integer' | 'number' ? number : string)
  | (C extends { required: true } ? never : null);

/** A row of table N as published: one key per column, typed by the schema. */
export type RowOf<N extends TableName> = { [C in ColumnOf<N> as C['name']]: ValueOf<C> };

/** A published row, any table: column name to value; NULL is null. Dates are ISO strings (YYYY-MM-DD). */
export type Row = Record<string, string | number | null>;

export function table<N extends TableName>(name: N): TableOf<N> {
  const t = TABLES.find((t): t is TableOf<N> => t.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}
