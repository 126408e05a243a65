/** The notebook's ready examples: each is a notebook, opened by its permalink. */
import type { Lang } from '../../site/url.ts';
import type { Notebook } from './permalink.ts';

export interface Example { id: string; title: { zh: string; en: string }; notebook: (lang: Lang) => Notebook }

export const EXAMPLES: readonly Example[] = [
  {
    id: 'changzhi',
    title: { zh: '长治市中小企业：2019 年与 2023 年', en: 'Changzhi SME 2019 vs 2023' },
    notebook: (lang) => ({
      title: lang === 'zh' ? '长治市中小企业：2019 年与 2023 年' : 'Changzhi SME 2019 vs 2023',
      cells: [
        { type: 'sql', sql: `-- ${lang === 'zh' ? '长治市中小企业局（2019）更名为长治市中小企业服务中心（2023）：同一沿革' : 'The Changzhi SME bureau (2019) became the SME service centre (2023): one lineage'}
SELECT year, agency_name, proactive_total, applications_new, handled_total, status
FROM summary
WHERE lineage_id = 'changzhi-sme' AND year IN (2019, 2023)
ORDER BY year;` },
        { type: 'chart', mark: 'bar', x: 'year', y: 'proactive_total', color: 'agency_name' },
        { type: 'sql', sql: `-- ${lang === 'zh' ? '第一部分各类主动公开信息条数' : 'Section 一: items proactively disclosed, by category'}
SELECT r.year, p.category, p.category_label, p.items
FROM proactive p JOIN reports r USING (report_id)
WHERE r.agency_id LIKE 'changzhi-sme-%'
ORDER BY r.year, p.category;` },
      ],
    }),
  },
  {
    id: 'balance',
    title: { zh: '收支平衡核对未通过的报告', en: 'Reports whose balance check fails' },
    notebook: (lang) => ({
      title: lang === 'zh' ? '收支平衡核对未通过的报告' : 'Reports whose balance check fails',
      cells: [
        { type: 'sql', sql: `-- ${lang === 'zh' ? '表三：本年新收 + 上年结转 = 办理结果总计 + 结转下年度' : 'Table 三: new + carried over = total handled + carried forward'}
SELECT c.report_id, r.agency_name, r.year, c.subject AS applicant, c.detail
FROM checks c JOIN reports r USING (report_id)
WHERE c."check" = 't3_balance' AND c.status = 'fail'
ORDER BY c.report_id, c.subject;` },
        { type: 'sql', sql: `-- ${lang === 'zh' ? '每份报告的平衡核对结果（跳过 = 有空白单元格）' : 'The balance check of every report (skipped = blank cells)'}
SELECT report_id, status, count(*) AS applicant_columns
FROM checks
WHERE "check" = 't3_balance'
GROUP BY ALL
ORDER BY report_id, status;` },
        { type: 'chart', mark: 'bar', x: 'applicant_columns', y: 'report_id', color: 'status' },
      ],
    }),
  },
  {
    id: 'handled',
    title: { zh: '历年申请的办理结果', en: 'How applications were handled, by year' },
    notebook: (lang) => ({
      title: lang === 'zh' ? '历年申请的办理结果' : 'How applications were handled, by year',
      cells: [
        { type: 'sql', sql: `-- ${lang === 'zh' ? '表三各类办理结果（总计列），所有报告相加；空白不计为 0' : 'Results of table 三 (total column) summed over all reports; blanks are not zeros'}
SELECT year, count(*) AS reports,
  sum(applications_new) AS received, sum(granted) AS granted,
  sum(partially_granted) AS partially_granted, sum(denied) AS denied,
  sum(unable_to_provide) AS unable_to_provide, sum(not_processed) AS not_processed,
  sum(other_processing) AS other_processing, sum(handled_total) AS handled_total
FROM summary
GROUP BY year
ORDER BY year;` },
        { type: 'sql', sql: `-- ${lang === 'zh' ? '同样的数字，长格式：每年每类结果一行' : 'The same in long form: one row per year and result'}
SELECT year, result, sum(n) AS applications
FROM (UNPIVOT summary
      ON granted, partially_granted, denied, unable_to_provide, not_processed, other_processing
      INTO NAME result VALUE n)
GROUP BY year, result
ORDER BY year, result;` },
        { type: 'chart', mark: 'bar', x: 'year', y: 'applications', color: 'result' },
      ],
    }),
  },
  {
    id: 'regions',
    title: { zh: '各地区的机关', en: 'Agencies by region' },
    notebook: (lang) => ({
      title: lang === 'zh' ? '各地区的机关' : 'Agencies by region',
      cells: [
        { type: 'sql', sql: `SELECT province, city, county, level, count(*) AS agencies,
  string_agg(name, '；' ORDER BY name) AS names
FROM agencies
GROUP BY ALL
ORDER BY province, city, county NULLS FIRST;` },
        { type: 'sql', sql: `-- ${lang === 'zh' ? '每个市的机关数和报告数' : 'Agencies and reports per city'}
SELECT a.city, a.level, count(DISTINCT a.agency_id) AS agencies, count(r.report_id) AS reports
FROM agencies a LEFT JOIN reports r USING (agency_id)
GROUP BY ALL
ORDER BY a.city, a.level;` },
        { type: 'chart', mark: 'bar', x: 'city', y: 'agencies', color: 'level' },
      ],
    }),
  },
];
