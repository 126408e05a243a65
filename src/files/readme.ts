import type { Row, TableDef } from '../schema/tables.ts';
import type { PackageMeta } from './datapackage.ts';
import type { DataVersion } from './version.ts';

/** A table as the README lists it; with rows it also states the row count. */
export interface ReadmeTable {
  def: TableDef;
  rows?: readonly Row[];
  /** The row count where the rows are not held (a streamed build). */
  count?: number;
}

const files = (d: TableDef) => `\`${d.name}.parquet\` · \`${d.name}.csv\``;

/**
 * The data folder's README.md, Chinese first, then English, built from the table definitions.
 * Nothing comes from the clock: the same tables, meta and version give the same text.
 */
/** The year-partitioned copies of the large tables (Hive layout), where the build wrote them. */
export interface HiveLayout {
  tables: readonly string[];
  /** The folder name of reports without a year. */
  nullPartition: string;
}

export function dataReadme(tables: readonly ReadmeTable[], meta: PackageMeta, version: DataVersion, hive?: HiveLayout): string {
  // summary is the table a journalist opens first; examples use it when it is there.
  const first = tables.find((t) => t.def.name === 'summary')?.def.name ?? tables[0]?.def.name ?? 'summary';
  const homepage = meta.homepage ? ` ${meta.homepage}` : '';
  const count = (t: ReadmeTable) => t.rows?.length ?? t.count;
  const zhList = tables.map((t) => `- **${t.def.name}**（${files(t.def)}${count(t) !== undefined ? `，${count(t)} 行` : ''}）：${t.def.zh}`);
  const enList = tables.map((t) => `- **${t.def.name}** (${files(t.def)}${count(t) !== undefined ? `, ${count(t)} rows` : ''}): ${t.def.en}`);
  // Where the coverage columns are published, say what they count (labels from the schema).
  const covered = tables.filter(({ def }) => def.columns.some((c) => c.name === 'cells_read')).map(({ def }) => def.name);
  const zhCoverage = covered.length ? [`- \`cells_expected\`、\`cells_read\`（${covered.join('、')} 表）：按格式版本规定的单元格数（表二、表三、表四各格及第一部分合计）与其中读到数值的个数；原文空白的单元格也计为未读取。`] : [];
  const enCoverage = covered.length ? [`- \`cells_expected\` and \`cells_read\` (${covered.join(', ')}): the cells the form prescribes for the report's template (tables 二, 三, 四 and the section 一 total) and how many of them hold a value; a cell blank in the source counts as not read.`] : [];
  const code = (lang: string, ...lines: string[]) => ['```' + lang, ...lines, '```'];
  const howTo = [
    ...code('sql', `-- DuckDB`, `SELECT * FROM '${first}.parquet';`, `SELECT * FROM read_csv('${first}.csv');`),
    '',
    ...code(
      'python',
      'import pandas as pd',
      `df = pd.read_parquet('${first}.parquet', dtype_backend='numpy_nullable')`,
      `df = pd.read_csv('${first}.csv', keep_default_na=False, na_values=[''])`,
    ),
    '',
    ...code('r', `df <- arrow::read_parquet("${first}.parquet")`, `df <- readr::read_csv("${first}.csv", na = "")`),
  ];
  return [
    `# ${meta.title.zh} ${meta.title.en}`,
    '',
    `数据版本 / Data version: ${version.version}`,
    '',
    '## 中文',
    '',
    `${meta.description.zh}`,
    '',
    '本数据来自各级行政机关发布的《政府信息公开工作年度报告》，经逐份解析并做一致性核对（核对结果见 `checks` 表）。' +
      '每张表同时提供 Parquet 与 CSV（UTF-8，无 BOM）两种格式；各列的中英文说明、类型与取值范围见 `datapackage.json`。',
    '',
    ...zhList,
    '',
    '说明：',
    '',
    '- 空值（NULL，CSV 中为空单元格）表示原报告中该处为空白，不等于 0。',
    '- `line` 列是读取该值的源文件行号（从 1 起），用于追溯出处；推算得出的值为空。',
    '- 行按报告编号（agencies 表按机构编号）排序，同一报告内按规定表格的行列顺序排列；同一版本的文件逐字节相同。',
    ...zhCoverage,
    '',
    `数据版本 \`${version.version}\`：日期 ${version.date} 是数据所截至的日期，即最新一份报告的发布日期（页面信息或清单中的发布日期，没有时取落款日期；构建时设定 \`SOURCE_DATE_EPOCH\` 则为其所指的一天，UTC）；` +
      `\`${version.hash}\` 是全部表格文件（CSV 与 Parquet）的摘要：把 \`datapackage.json\` 中每个表格文件的一行 \`<path> sha256:<hash>\`（按 path 排序，每行以换行结束）连起来，取 SHA-256 的前 7 位十六进制数字。` +
      `表格相同则版本相同；任何一个表格文件变了，版本也会变。表格的列结构版本为 ${meta.schemaVersion}（见 \`datapackage.json\` 的 \`schema_version\`）。`,
    '',
    '引用：',
    '',
    `> ${meta.title.zh}（${meta.title.en}），数据版本 ${version.version}。${homepage}`,
    '',
    '打开方式：Parquet 保留列类型，建议优先使用；读 CSV 时请只把空单元格当作空值，并把 `template`、`admin_code` 等编号列按文本读取。' +
      'Excel：数据 → 从文本/CSV，文件原始格式选“65001: Unicode (UTF-8)”（直接双击打开可能出现乱码）。',
    '',
    '全部下载：`disclosure-atlas.xlsx` 是一个 Excel 工作簿，每个表一个工作表（超过 Excel 每表 1,048,576 行的表分为 `<表名>_1`、`<表名>_2`…，各带表头），' +
      '另有数据字典（`dictionary`）和数据版本（`about`）；`disclosure-atlas.zip` 包含全部表格文件、`datapackage.json`、本说明、`VERSION`（首行为数据版本）和该工作簿。' +
      '两者由表格文件生成并写明数据版本，不计入版本摘要，也不列在 `datapackage.json` 中（zip 本身包含 `datapackage.json`）。',
    '',
    ...howTo,
    '',
    ...(hive ? zhHive(hive) : []),
    '## English',
    '',
    `${meta.description.en}`,
    '',
    'The data are the annual reports on government information disclosure (政府信息公开工作年度报告) published by ' +
      'Chinese government agencies, parsed one by one and checked for internal consistency (see the `checks` table). ' +
      'Every table comes as Parquet and as CSV (UTF-8, no BOM); `datapackage.json` describes every column in Chinese and English, with its type and allowed values.',
    '',
    ...enList,
    '',
    'Notes:',
    '',
    '- NULL (an empty CSV cell) means the cell was blank in the source report. It is not zero.',
    '- `line` is the 1-based line of the source file the value was read from (provenance); NULL when the value was derived.',
    '- Rows are sorted by report_id (agencies by agency_id) and, within a report, follow the order of the prescribed form; files of the same version are byte-identical.',
    ...enCoverage,
    '',
    `Data version \`${version.version}\`: the date ${version.date} is the day the data is current to, the publication date of the newest report (the date in its page metadata or manifest, else the date it is signed; or the UTC day of \`SOURCE_DATE_EPOCH\` when the build sets it); ` +
      `\`${version.hash}\` sums up every table file (CSV and Parquet): the first 7 hex digits of the SHA-256 of one line \`<path> sha256:<hash>\` per table file as \`datapackage.json\` lists them, sorted by path, each ending in a newline. ` +
      `The same tables give the same version; any change to a table file changes it. The tables' schema version is ${meta.schemaVersion} (\`schema_version\` in \`datapackage.json\`).`,
    '',
    'How to cite:',
    '',
    `> ${meta.title.en} (${meta.title.zh}), data version ${version.version}.${homepage}`,
    '',
    'How to open: prefer Parquet, which keeps the column types. When reading CSV, treat only empty cells as missing and read ' +
      'code columns such as `template` and `admin_code` as text. Excel: Data → From Text/CSV, File origin "65001: Unicode (UTF-8)" ' +
      '(double-clicking the file may garble the Chinese text).',
    '',
    'Everything at once: `disclosure-atlas.xlsx` is an Excel workbook with one sheet per table (a table past Excel\'s 1,048,576 rows per sheet is split into `<table>_1`, `<table>_2`…, each with the header), ' +
      'then the data dictionary (`dictionary`) and the data version (`about`); `disclosure-atlas.zip` holds every table file, `datapackage.json`, this README and `VERSION` (the data version on its first line). ' +
      'Both are made from the table files and name the data version; they are not part of the version\'s hash and not listed in `datapackage.json` (the zip holds `datapackage.json` itself).',
    '',
    ...howTo,
    '',
    ...(hive ? enHive(hive) : []),
  ].join('\n');
}

const hiveSql = (h: HiveLayout) => ['```sql', `SELECT year, count(*) FROM read_parquet('hive/${h.tables[0]}/**/*.parquet', hive_partitioning = true) GROUP BY year;`, '```'];

/** Hive partitions are not in datapackage.json: a Frictionless resource cannot be a set of Parquet files read as one table. */
function zhHive(h: HiveLayout): string[] {
  return [
    '### 按年度分区的 Parquet（hive/）',
    '',
    `${h.tables.map((t) => `\`${t}\``).join('、')} 几张大表另按报告年度分区存放，采用 Hive 目录格式：\`hive/<表名>/year=<年度>/part-0.parquet\`，` +
      `没有年度的报告在 \`year=${h.nullPartition}\`（读作空值）。分区文件的行与单个文件相同、顺序相同，只是不含 \`year\` 列（由目录名给出，读取时自动加上）。` +
      'DuckDB、Spark、Trino、pandas（pyarrow）可直接读取，只读需要的年度。这些文件不计入数据版本的摘要，也不列在 `datapackage.json` 中；以单个文件为准。',
    '',
    ...hiveSql(h),
    '',
  ];
}

function enHive(h: HiveLayout): string[] {
  return [
    '### Parquet partitioned by year (hive/)',
    '',
    `The large tables (${h.tables.map((t) => `\`${t}\``).join(', ')}) also come partitioned by report year in the Hive layout: \`hive/<table>/year=<year>/part-0.parquet\`, ` +
      `reports without a year under \`year=${h.nullPartition}\` (read as NULL). A partition holds the same rows as the single file, in the same order, without the \`year\` column (the folder name gives it; readers add it back). ` +
      'DuckDB, Spark, Trino and pandas (pyarrow) read them as they are and read only the years a query needs. They are not part of the data version\'s hash and not listed in `datapackage.json`; the single files are the reference.',
    '',
    ...hiveSql(h),
    '',
  ];
}
