/** Interface strings in both languages. Labels of the form (rows, columns, rules) come from src/schema. */
import type { Label } from '../schema/index.ts';
import type { ChartWords } from '../shared/agency-chart.ts';
import { fill } from './fill.ts';
export { agencyLabel, lineageLabel, placeName, regionName } from './names.ts';
import type { Lang } from './url.ts';

export type { Lang };

/** A schema label in the page's language. */
export const L = (lang: Lang, label: Label): string => label[lang];

const S = {
  siteName: { zh: '政府信息公开年报数据', en: 'Disclosure Atlas' },
  siteTagline: { zh: '各级行政机关政府信息公开工作年度报告中的数字：提取、核对、可下载', en: 'The numbers in Chinese government agencies’ annual information-disclosure reports: extracted, checked, downloadable' },
  skip: { zh: '跳到正文', en: 'Skip to content' },
  navHome: { zh: '首页', en: 'Home' },
  navRegions: { zh: '地区', en: 'Regions' },
  navCompare: { zh: '对比', en: 'Compare' },
  navNotebook: { zh: '数据笔记本', en: 'Notebook' },
  navExplore: { zh: '浏览数据', en: 'Explore' },
  navData: { zh: '数据下载', en: 'Data' },
  navAbout: { zh: '关于', en: 'About' },
  navMain: { zh: '主导航', en: 'Main' },
  switchTo: { zh: 'English', en: '中文' },
  switchLabel: { zh: '切换到英文版本', en: 'Switch to the Chinese version' },
  footer: { zh: '数据来自各机关公开发布的年度报告。报告页上的每个数字都链接到原文所在行；首页的合计链接到它所汇总的报告。', en: 'Data from the annual reports each agency published. Every number on a report page links to the line of the source it was read from; the totals on the home page link to the reports they sum.' },
  license: { zh: '数据许可：CC BY 4.0', en: 'Data licence: CC BY 4.0' },

  coverage: { zh: '数据覆盖', en: 'What the data covers' },
  reports: { zh: '份报告', en: 'reports' },
  agencies: { zh: '个机关', en: 'agencies' },
  lineages: { zh: '个机关沿革', en: 'agency lineages' },
  regionsCount: { zh: '个行政区', en: 'regions' },
  provinces: { zh: '个省份', en: 'provinces' },
  years: { zh: '报告年度', en: 'years reported on' },
  statusOk: { zh: '通过', en: 'ok' },
  statusWarnings: { zh: '有警告', en: 'with warnings' },
  statusFailed: { zh: '无法读取', en: 'failed' },
  charts: { zh: '主要图表', en: 'Headline charts' },
  agencyTable: { zh: '机关一览', en: 'All agencies' },
  agencyTableNote: { zh: '点击表头可排序。', en: 'Select a column header to sort.' },
  failingReports: { zh: '未通过核对的报告', en: 'Reports whose checks fail' },
  noFailing: { zh: '所有报告的核对均已通过或因空白无法核对。', en: 'No report has a failed check: every check passed or was skipped for blank cells.' },
  failedReports: { zh: '无法读取的报告', en: 'Reports that could not be read' },

  agency: { zh: '机关', en: 'Agency' },
  name: { zh: '名称', en: 'Name' },
  region: { zh: '地区', en: 'Region' },
  level: { zh: '层级', en: 'Level' },
  reportsCol: { zh: '报告数', en: 'Reports' },
  yearsCol: { zh: '年度', en: 'Years' },
  latestProactive: { zh: '最近一年主动公开（条）', en: 'Latest proactive disclosures' },
  year: { zh: '年度', en: 'Year' },
  template: { zh: '格式版本', en: 'Template' },
  status: { zh: '状态', en: 'Status' },
  checksFailed: { zh: '未通过核对', en: 'Failed checks' },
  warningsCol: { zh: '警告', en: 'Warnings' },
  cellsReadLabel: { zh: '读取情况', en: 'Cells read' },
  cellsRead: { zh: '已读取 {read} / {expected} 个规定单元格（{pct}%）', en: 'Read {read} of {expected} prescribed cells ({pct}%)' },
  report: { zh: '报告', en: 'Report' },
  namesOverTime: { zh: '名称沿革', en: 'Names over time' },
  timeline: { zh: '历年数据', en: 'Over the years' },
  allReports: { zh: '全部报告', en: 'Every report' },
  reportedYears: { zh: '报告年度', en: 'reported on' },
  unknownRegion: { zh: '地区不明', en: 'Region unknown' },
  levelProvince: { zh: '省级', en: 'province' },
  levelCity: { zh: '市级', en: 'city' },
  levelCounty: { zh: '县级', en: 'county' },
  levelTownship: { zh: '乡镇级', en: 'township' },

  reportTitle: { zh: '政府信息公开工作年度报告', en: 'annual report on government information disclosure' },
  signed: { zh: '落款日期', en: 'Signed' },
  source: { zh: '源文件', en: 'Source file' },
  encoding: { zh: '编码', en: 'Encoding' },
  sourceText: { zh: '原文', en: 'Source text' },
  sourceTextNote: { zh: '表格中的每个数字都链接到它所在的原文行；被链接的行会高亮显示。', en: 'Every number in the tables links to the line it was read from; the linked line is highlighted.' },
  sourceOmitted: { zh: '原文过长：以上只显示开头部分，其余 {n} 行未在此页显示。', en: 'The source is very long: only its beginning is shown above; {n} more lines are not on this page.' },
  sourceBack: { zh: '返回报告页', en: 'Back to the report' },
  sourceShow: { zh: '显示原文', en: 'Show the source text' },
  sourceLoading: { zh: '正在载入原文…', en: 'Loading the source text…' },
  sourceFailed: { zh: '原文未能载入，请打开原文页。', en: 'The source text did not load; open its page instead.' },
  sourceOpen: { zh: '在单独页面打开原文', en: 'Open the source text on its own page' },
  sourceMissing: { zh: '原文无法显示（文件缺失或不是文本）。', en: 'The source text cannot be shown (file missing or not text).' },
  proactive: { zh: '一、主动公开合计', en: 'Section 一: items proactively disclosed' },
  category: { zh: '类别', en: 'Category' },
  items: { zh: '条数', en: 'Items' },
  share: { zh: '占比', en: 'Share' },
  line: { zh: '行', en: 'Line' },
  table2: { zh: '表二 主动公开政府信息情况', en: 'Table 二: proactive disclosure (Article 20)' },
  table3: { zh: '表三 收到和处理政府信息公开申请情况', en: 'Table 三: applications received and handled' },
  table4: { zh: '表四 政府信息公开行政复议、行政诉讼情况', en: 'Table 四: administrative review and litigation' },
  noTable: { zh: '本报告中没有读到此表。', en: 'This table was not read from this report.' },
  blank: { zh: '空白', en: 'blank' },
  goToLine: { zh: '原文第 {n} 行', en: 'source line {n}' },
  sourceCell: { zh: '原文表格 {cell}（表-行-列）', en: 'source table cell {cell} (table-row-column)' },
  sourcePage: { zh: 'PDF 原件第 {n} 页', en: 'page {n} of the original PDF' },
  originalFile: { zh: '原件', en: 'Original file' },
  readStructure: { zh: '读取的结构（HTML）', en: 'structure read from it (HTML)' },
  originalNote: { zh: '下面是从原件读取的段落和表格；每个表格单元格注明它在原件中的页码。', en: 'Below are the paragraphs and tables read from the original; each table cell gives its page in the original.' },
  originalUrl: { zh: '原文链接', en: 'Original' },
  publishedAt: { zh: '发布日期', en: 'Published' },
  checks: { zh: '核对', en: 'Checks' },
  checksNote: { zh: '按年报格式的勾稽关系核对；有空白单元格时跳过。', en: 'The consistency rules of the prescribed form; skipped where cells are blank.' },
  rule: { zh: '规则', en: 'Rule' },
  subject: { zh: '对象', en: 'Subject' },
  result: { zh: '结果', en: 'Result' },
  compared: { zh: '比较的数字', en: 'Numbers compared' },
  pass: { zh: '通过', en: 'pass' },
  fail: { zh: '未通过', en: 'fail' },
  skipped: { zh: '跳过', en: 'skipped' },
  skippedChecks: { zh: '{n} 项核对因空白单元格跳过', en: '{n} checks skipped for blank cells' },
  checkSummary: { zh: '{pass} 项通过，{fail} 项未通过，{skipped} 项跳过', en: '{pass} passed, {fail} failed, {skipped} skipped' },
  checksPassedNote: { zh: '通过的核对只给出项数。', en: 'Passed checks are counted, not listed.' },
  checksPassedAll: { zh: '全部 {n} 项', en: 'all {n}' },
  checksPassedRest: { zh: '其余 {n} 项', en: 'the other {n}' },
  checksAll: { zh: '在“浏览数据”中查看本报告的全部核对及比较的数字', en: 'Every check of this report with the numbers compared, in Explore' },
  subjectsSep: { zh: '；', en: '; ' },
  warnings: { zh: '解析说明', en: 'Parser notes and warnings' },
  severity: { zh: '级别', en: 'Severity' },
  message: { zh: '说明', en: 'Message' },
  noWarnings: { zh: '没有警告。', en: 'No warnings.' },
  unreadableReport: { zh: '未能读取的报告', en: 'Report not read' },
  failedNotice: { zh: '这份文件无法作为年报读取：', en: 'This file could not be read as a report:' },
  warningsNotice: { zh: '部分数字缺失或不确定：', en: 'Some values are missing or uncertain:' },
  seeAgency: { zh: '查看该机关历年数据', en: 'See this agency over the years' },
  tablesOfReport: { zh: '报告中的表格', en: 'Tables of the report' },

  regionsTitle: { zh: '按地区浏览', en: 'Browse by region' },
  regionsIntro: { zh: '机关按省、市、县（区）分组；地区由机关名称和行政区划代码确定。', en: 'Agencies grouped by province, city and county; the region comes from the agency name and the GB/T 2260 administrative code.' },
  mapTitle: { zh: '各省份的机关和报告', en: 'Agencies and reports by province' },
  mapShadeBy: { zh: '地图显示', en: 'Shade the map by' },
  mAgencies: { zh: '机关数', en: 'Agencies' },
  mReports: { zh: '报告数', en: 'Reports' },
  mApplications: { zh: '收到申请（历年合计）', en: 'Applications received (all years)' },
  mReviews: { zh: '行政复议（历年合计）', en: 'Administrative reviews (all years)' },
  mLitigation: { zh: '行政诉讼（历年合计）', en: 'Lawsuits (all years)' },
  mAgenciesShort: { zh: '机关', en: 'Agencies' },
  mReportsShort: { zh: '报告', en: 'Reports' },
  mApplicationsShort: { zh: '申请', en: 'Applications' },
  mReviewsShort: { zh: '复议', en: 'Reviews' },
  mLitigationShort: { zh: '诉讼', en: 'Lawsuits' },
  mapDescribe: { zh: '{name}：{agencies} 个机关，{reports} 份报告，收到申请 {applications} 件，行政复议 {reviews} 件，行政诉讼 {litigation} 件', en: '{name}: {agencies} agencies, {reports} reports, {applications} applications received, {reviews} administrative reviews, {litigation} lawsuits' },
  mapNoData: { zh: '{name}：没有报告', en: '{name}: no reports' },
  mapLegendNone: { zh: '0 或没有数据', en: '0 or no data' },
  mapNote: { zh: '选择一项指标，地图按它着色；点击省份查看它的机关。边界取自 npm 包 china-geojson（MIT 许可），构建时简化并投影，不从网上下载。', en: 'Choose a measure to shade the map by; select a province to see its agencies. Boundaries from the npm package china-geojson (MIT licence), simplified and projected at build time; nothing is downloaded.' },
  provincesTable: { zh: '各省份合计', en: 'Totals by province' },
  provinceCol: { zh: '省份', en: 'Province' },
  cityCol: { zh: '城市', en: 'City' },
  otherProvinces: { zh: '其余 {n} 个省级行政区还没有报告。', en: 'The other {n} provinces have no reports yet.' },
  totalsNote: { zh: '申请、复议、诉讼是所有年度报告中给出的数字之和；“—”表示没有报告给出这一数字（不是 0）。', en: 'Applications, reviews and lawsuits add up every report that gives the number; “—” means no report gives it (which is not 0).' },
  regionCities: { zh: '城市', en: 'Cities' },
  regionAgencies: { zh: '机关', en: 'Agencies' },
  regionTotals: { zh: '合计', en: 'Totals' },
  regionByYear: { zh: '各年度合计', en: 'Totals by year' },
  regionKnown: { zh: '{known} / {reports} 份报告给出', en: 'given by {known} of {reports} reports' },
  reportsOfYear: { zh: '报告', en: 'Reports' },
  regionListing: { zh: '各省份的城市', en: 'Cities by province' },
  regionAgenciesCount: { zh: '{n} 个机关', en: '{n} agencies' },
  regionProvinceLevel: { zh: '省级及省直属机关', en: 'Agencies of the province itself' },

  dataTitle: { zh: '数据下载', en: 'Download the data' },
  dataIntro: { zh: '所有表格均提供 CSV（UTF-8）和 Parquet 两种格式。空白是空值（NULL），不是零。', en: 'Every table as CSV (UTF-8) and Parquet. A blank is NULL, never zero.' },
  table: { zh: '表', en: 'Table' },
  description: { zh: '说明', en: 'Description' },
  rows: { zh: '行数', en: 'Rows' },
  file: { zh: '文件', en: 'File' },
  size: { zh: '大小', en: 'Size' },
  everything: { zh: '打包下载', en: 'Everything at once' },
  workbook: { zh: 'Excel 工作簿（每个表一个工作表）', en: 'Excel workbook (one sheet per table)' },
  zipAll: { zh: '全部文件（zip）', en: 'All files (zip)' },
  datapackage: { zh: '数据包描述（Frictionless Data Package）', en: 'Data package descriptor (Frictionless)' },
  dataReadme: { zh: '数据说明（README）', en: 'Data README' },
  dictionary: { zh: '数据字典', en: 'Data dictionary' },
  column: { zh: '列', en: 'Column' },
  type: { zh: '类型', en: 'Type' },
  labelZh: { zh: '中文说明', en: 'Chinese' },
  labelEn: { zh: '英文说明', en: 'English' },
  values: { zh: '取值', en: 'Values' },
  key: { zh: '主键', en: 'Key' },
  citation: { zh: '引用', en: 'How to cite' },
  citeReport: { zh: '引用这份报告', en: 'Cite this report' },
  citeZh: { zh: '中文（GB/T 7714）', en: 'Chinese (GB/T 7714)' },
  citeEn: { zh: '英文（APA 格式）', en: 'English (APA style)' },
  citeCopy: { zh: '复制', en: 'Copy' },
  citeAccessedFallback: { zh: '访问日期：{date}（数据版本的日期；浏览器运行脚本时改为您今天的日期）', en: 'Access date: {date} (the data version’s date; with JavaScript on, your today)' },
  citeAccessedToday: { zh: '访问日期：{date}（您今天的日期）', en: 'Access date: {date} (today, on your computer)' },
  dataVersionLine: { zh: '数据版本 {version}', en: 'Data version {version}' },
  dataVersionNote: { zh: '数据版本 {version}：{date} 是数据所截至的日期（最新一份报告的发布日期），{hash} 是全部表格文件的摘要；表格相同则版本相同。', en: 'Data version {version}: {date} is the day the data is current to (the newest report’s publication date), {hash} sums up every table file; the same tables give the same version.' },
  snippets: { zh: '读取数据的代码', en: 'Load the data' },
  checksum: { zh: 'SHA-256 校验和', en: 'SHA-256' },

  aboutTitle: { zh: '关于本站', en: 'About' },

  download: { zh: '下载', en: 'Download' },
  downloadSvg: { zh: '下载 SVG', en: 'Download SVG' },
  downloadPng: { zh: '下载 PNG', en: 'Download PNG' },
  downloadCsv: { zh: '下载数据（CSV）', en: 'Download data (CSV)' },
  copyEmbed: { zh: '复制嵌入代码', en: 'Copy embed code' },
  copied: { zh: '已复制', en: 'Copied' },
  embedCode: { zh: '嵌入代码', en: 'Embed code' },
  chartData: { zh: '图表数据', en: 'Data of the chart' },
  chartSource: { zh: '来源：政府信息公开年报数据，根据各机关年度报告整理；数据截至 {date}。', en: 'Source: Disclosure Atlas, from the agencies’ annual reports; data as of {date}.' },
  credit: { zh: '图表：政府信息公开年报数据', en: 'Chart: Disclosure Atlas' },
  openChart: { zh: '查看原图和数据', en: 'See the chart and its data' },
  embedWhich: { zh: '嵌入的数据', en: 'Data in the embed' },
  embedLatest: { zh: '跟随最新数据', en: 'Follow the latest data' },
  embedPin: { zh: '固定为此版本（{version}）', en: 'Pin this version ({version})' },
  embedHelp: { zh: '代码中的小脚本让框架高度随内容变化；网页不允许脚本时，框架使用固定高度。', en: 'The small script in the code fits the frame to its content; where a page allows no script, the frame keeps a fixed height.' },
  noData: { zh: '暂无数据', en: 'No data' },
  total: { zh: '合计', en: 'Total' },
  measure: { zh: '指标', en: 'Measure' },
  keyNumbers: { zh: '历年主要数字', en: 'Key numbers by year' },

  // Home page at any size, report lists and the truth about status (issue 9).
  chartAllZero: { zh: '这张图汇总的数字全部为 0，所以没有画图。', en: 'Every number this chart sums is 0, so nothing is drawn.' },
  chartNoData: { zh: '没有报告给出这张图的数字，所以没有画图。', en: 'No report gives the numbers of this chart, so nothing is drawn.' },
  cases: { zh: '件数', en: 'Cases' },
  applicationsRange: { zh: '收到申请（件）', en: 'Applications received' },
  agenciesCol: { zh: '机关数', en: 'Agencies' },
  applicationsCol: { zh: '收到申请', en: 'Applications' },
  rank: { zh: '排名', en: 'Rank' },
  change: { zh: '变化', en: 'Change' },
  topAgencies: { zh: '{year} 年收到申请最多的 {n} 个机关', en: 'The {n} agencies that received the most applications in {year}' },
  topAgenciesNote: { zh: '数字链接到它所在的报告。', en: 'Each number links to the report it comes from.' },
  seeAllAgencies: { zh: '全部 {n} 个机关 →', en: 'All {n} agencies →' },
  seeAllReports: { zh: '全部 {n} 份报告，按年度 →', en: 'All {n} reports, by year →' },
  changedMost: { zh: '变化最大的机关：{from} 年到 {to} 年收到的申请', en: 'Agencies that changed most: applications received, {from} to {to}' },
  changedNote: { zh: '按增减的件数排序；数字链接到它所在的报告。', en: 'Ordered by the size of the change; each number links to its report.' },
  noChange: { zh: '没有两年都有数字的机关可比较。', en: 'No agency gives the number for both years.' },
  attention: { zh: '需要留意的报告', en: 'Reports to look at' },
  reportsTitle: { zh: '全部报告', en: 'All reports' },
  reportsIntro: { zh: '按报告年度列出每份报告：读取了多少规定单元格、多少核对未通过或无法进行。首页的年度合计链接到对应年度的列表。', en: 'Every report by the year it reports on: how much of it was read, how many checks failed or could not run. The yearly totals on the home page link to their year’s list.' },
  reportsByYear: { zh: '按年度', en: 'By year' },
  reportsYearCol: { zh: '报告年度', en: 'Year reported on' },
  reportsPagesNote: { zh: '每页 {n} 份，按机关排列。', en: '{n} a page, by agency.' },
  reportsExplore: { zh: '在“浏览数据”中按任意列筛选、排序全部报告', en: 'Filter and sort every report by any column in Explore' },
  yearPageTitle: { zh: '{year} 年度报告', en: 'Reports on {year}' },
  listRange: { zh: '第 {from}–{to} 项，共 {total} 项', en: '{from}–{to} of {total}' },
  pagination: { zh: '分页', en: 'Pages' },
  pageN: { zh: '第 {n} 页', en: 'Page {n}' },
  pageTitle: { zh: '{title}（第 {n} 页）', en: '{title} (page {n})' },
  prevPage: { zh: '上一页', en: 'Previous' },
  nextPage: { zh: '下一页', en: 'Next' },
  agenciesBrowse: { zh: '按地区浏览机关', en: 'Browse agencies by region' },
  agenciesSearch: { zh: '按名称查找：使用页首的搜索框（中文、拼音或英文）。', en: 'Find one by name with the search box at the top (Chinese, pinyin or English).' },
  agenciesPagesNote: { zh: '每页 {n} 个，按编号（名称的拼音）排列。', en: '{n} a page, in the order of their ids (the pinyin of their names).' },
  yearReports: { zh: '{year} 年度（{n} 份报告）', en: '{year} ({n} reports)' },
  unknownYear: { zh: '年度不明', en: 'Year unknown' },
  agenciesIntro: { zh: '每个机关沿革一行（更名、改革前后的机关合为一行）。', en: 'One row per agency lineage (an agency with its predecessors and successors).' },
  coverageCol: { zh: '读取', en: 'Read' },
  skippedCol: { zh: '无法核对', en: 'Could not run' },
  healthOk: { zh: '通过', en: 'passed' },
  healthWarnings: { zh: '有警告', en: 'with warnings' },
  healthChecks: { zh: '核对未通过', en: 'checks fail' },
  healthBlank: { zh: '大部分空白', en: 'mostly blank' },
  healthFailed: { zh: '无法读取', en: 'not read' },
  healthCounts: { zh: '{ok} 份通过 · {warnings} 份有警告 · {checks} 份核对未通过 · {blank} 份大部分空白 · {failed} 份无法读取', en: '{ok} passed · {warnings} with warnings · {checks} with failed checks · {blank} mostly blank · {failed} not read' },
  blankNotice: { zh: '这份报告只读取了 {pct}% 的规定单元格，通过的核对说明不了多少。', en: 'Only {pct}% of this report’s prescribed cells were read: its passed checks prove little.' },
  skippedCount: { zh: '{n} 项核对无法进行', en: '{n} checks could not run' },
  groupSummary: { zh: '{fail} 项未通过，{pass} 项通过，{skipped} 项无法进行', en: '{fail} failed, {pass} passed, {skipped} could not run' },
  searchLabel: { zh: '搜索机关、地区或报告', en: 'Search agencies, regions or reports' },
  searchPlaceholder: { zh: '搜索：名称、拼音或首字母', en: 'Search: name, pinyin or initials' },
  searchLoading: { zh: '正在载入索引…', en: 'Loading the index…' },
  searchFailed: { zh: '索引无法载入。', en: 'The index could not be loaded.' },
  searchNone: { zh: '没有找到。', en: 'Nothing found.' },
  searchCount: { zh: '找到 {n} 项', en: '{n} found' },
  searchMore: { zh: '另有 {n} 项，请输入更多文字', en: '{n} more: type more to narrow it down' },
  searchAgency: { zh: '机关', en: 'Agency' },
  searchRegion: { zh: '地区', en: 'Region' },
  searchReport: { zh: '报告', en: 'Report' },
  keyMeasures: { zh: '主要指标历年变化', en: 'Key measures over the years' },
  keyMeasuresNote: { zh: '每个小图一个指标，横轴是报告年度，各用自己的刻度；“—”表示那一年的报告没有给出这一数字（不是 0）。', en: 'One small chart per measure, by year reported on, each on its own scale; “—” marks a year whose report does not give the number (which is not 0).' },
  allZeroYears: { zh: '给出这一数字的年度全部为 0。', en: 'Every year that gives this number gives 0.' },
  notReported: { zh: '未给出', en: 'not reported' },
  whatChanged: { zh: '有什么变化', en: 'What changed' },
  whatChangedLatest: { zh: '{year} 年度与此前一年相比：', en: '{year} against the year before it:' },
  largestChanges: { zh: '历年最大的变化', en: 'The largest changes over the years' },
  noChanges: { zh: '没有可以比较的年度。', en: 'There are no years to compare.' },
  reportOn: { zh: '{year} 年报告', en: 'report on {year}' },
  sourcesLabel: { zh: '依据', en: 'Sources' },
  embedPage: { zh: '嵌入', en: 'Embed' },
  // Agency charts made in the browser from the agency's data file (embed pages, the agency page's downloads).
  agencyEmbedNoScript: { zh: '这张图表由浏览器中的脚本绘制，这里没有运行脚本。各机关的图表和数据见网站：', en: 'This chart is drawn by a script in the browser, which is not running here. Every agency’s charts and data are on the site:' },
  agencyEmbedNotFound: { zh: '找不到这个机关：嵌入链接中的机关编号“{id}”不在这一数据版本中。', en: 'No such agency: the id “{id}” in the embed link is not in this data version.' },
  agencyEmbedBadMeasure: { zh: '嵌入链接中的指标“{measure}”不是机关图表的指标（可用：{measures}）。', en: 'The measure “{measure}” in the embed link is not one of the agency charts’ ({measures}).' },
  agencyEmbedFailed: { zh: '图表数据未能加载，请稍后再试。', en: 'The chart’s data did not load; please try again later.' },
  agencyEmbedLoading: { zh: '正在绘制图表……', en: 'Drawing the chart…' },
  agencyDownloads: { zh: '下载与嵌入', en: 'Download and embed' },
  close: { zh: '关闭', en: 'Close' },

  // Exports that carry their source (issue 10): images with title, legend, source and credit; data as CSV and XLSX.
  exportSource: { zh: '来源：各机关发布的政府信息公开工作年度报告，经政府信息公开年报数据提取、核对。数据版本 {version}（数据截至 {date}）。', en: 'Source: the agencies’ annual reports on government information disclosure, extracted and checked by Disclosure Atlas. Data version {version} (data as of {date}).' },
  downloadCsvExcel: { zh: 'CSV（Excel 用，带 BOM）', en: 'CSV for Excel (with BOM)' },
  downloadXlsx: { zh: '下载数据（Excel 工作簿）', en: 'Download data (Excel workbook)' },
  exportSheetData: { zh: '数据', en: 'data' },
  exportSheetAbout: { zh: '说明', en: 'about' },
  exportItem: { zh: '项目', en: 'Item' },
  exportZh: { zh: '中文', en: 'Chinese' },
  exportEn: { zh: '英文', en: 'English' },
  exportTitle: { zh: '标题', en: 'Title' },
  exportSourceLabel: { zh: '来源', en: 'Source' },
  exportVersion: { zh: '数据版本', en: 'Data version' },
  exportDate: { zh: '数据日期', en: 'Data date' },
  exportCredit: { zh: '制图', en: 'Credit' },
  exportLink: { zh: '网址', en: 'Link' },
  exportColumns: { zh: '列（第 1 行中文表头，第 2 行英文列名）', en: 'Columns (row 1 Chinese header, row 2 English column name)' },
  colReports: { zh: '报告数', en: 'Reports' },
  colReportsWithValue: { zh: '给出这一数字的报告数', en: 'Reports giving the number' },
  colName: { zh: '名称', en: 'Name' },
  colKind: { zh: '类型（lineage 沿革，agency 机关）', en: 'Kind (lineage or agency)' },
  colSeries: { zh: '编号', en: 'Id' },
  colReportIds: { zh: '报告编号', en: 'Report ids' },
} satisfies Record<string, Label>;

export type StringKey = keyof typeof S;

/** An interface string, with {placeholders} filled in. */
export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  return fill(S[key][lang], vars);
}

export const htmlLang = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');

/** Numbers as readers expect them; NULL is a dash, never zero. */
// toLocaleString makes a formatter per call: a fifth of the site build's time went there.
const formats = new Map<number | undefined, Intl.NumberFormat>();
export function fmt(n: number | null | undefined, digits?: number): string {
  if (n === null || n === undefined) return '—';
  let f = formats.get(digits);
  if (!f) formats.set(digits, (f = new Intl.NumberFormat('en-US', digits === undefined ? { maximumFractionDigits: 6 } : { maximumFractionDigits: digits, minimumFractionDigits: digits })));
  return f.format(n);
}

/** The words an agency chart needs (src/shared/agency-chart.ts), at build time and in the browser. */
export const chartWords = (lang: Lang): ChartWords => ({ year: t(lang, 'year'), noData: t(lang, 'noData'), fmt: (n) => fmt(n) });

export function levelLabel(lang: Lang, level: string | null): string {
  switch (level) {
    case 'province': return t(lang, 'levelProvince');
    case 'city': return t(lang, 'levelCity');
    case 'county': return t(lang, 'levelCounty');
    case 'township': return t(lang, 'levelTownship');
    default: return '—';
  }
}

export function statusLabel(lang: Lang, status: string): string {
  switch (status) {
    case 'ok': return t(lang, 'statusOk');
    case 'warnings': return t(lang, 'statusWarnings');
    case 'failed': return t(lang, 'statusFailed');
    case 'pass': return t(lang, 'pass');
    case 'fail': return t(lang, 'fail');
    case 'skipped': return t(lang, 'skipped');
    default: return status;
  }
}

/** "山西省 长治市 长子县" — the parts that are known. */
export function regionLabel(r: { province: string | null; city: string | null; county: string | null }): string {
  return [r.province, r.city !== r.province ? r.city : null, r.county].filter(Boolean).join(' ') || '—';
}

export function bytesLabel(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
