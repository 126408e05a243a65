/** The notebook's ready examples: each is a notebook, opened by its permalink. */
import type { Lang } from '../site/url.ts';
import type { Notebook } from './permalink.ts';

export interface Example { id: string; title: { zh: string; en: string }; notebook: (lang: Lang) => Notebook }

export const EXAMPLES: readonly Example[] = [
  {
    id: 'lineage',
    title: { zh: '平潭投资促进局（原国有资产管理局）历年数字', en: 'Pingtan investment promotion bureau (formerly state assets), year by year' },
    notebook: (lang) => ({
      title: lang === 'zh' ? '平潭投资促进局（原国有资产管理局）历年数字' : 'Pingtan investment promotion bureau (formerly state assets), year by year',
      cells: [
        { type: 'sql', sql: `-- ${lang === 'zh' ? '国有资产管理局（2019–2023 年报告）2024 年起为投资促进局：同一沿革，数字跨更名比较。主动公开从 74 条降到个位数' : 'The state-owned assets bureau (reports on 2019–2023) became the investment promotion bureau in 2024: one lineage, compared across the renaming. Proactive disclosure fell from 74 items to single digits'}
SELECT year, agency_name, proactive_total, applications_new, status
FROM summary
WHERE lineage_id = 'pingtan-investment'
ORDER BY year;` },
        { type: 'chart', mark: 'bar', x: 'year', y: 'proactive_total', color: 'agency_name' },
        { type: 'sql', sql: `-- ${lang === 'zh' ? '第一部分各类主动公开信息条数（按原文类别）' : 'Section 1: items proactively disclosed, by category as printed'}
SELECT r.year, p.category, p.category_label, p.items
FROM proactive p JOIN reports r USING (report_id)
JOIN agencies a USING (agency_id)
WHERE a.lineage_id = 'pingtan-investment' AND p.category <> 'total'
ORDER BY r.year, p.items DESC;` },
      ],
    }),
  },
  {
    id: 'balance',
    title: { zh: '收支平衡核对未通过的报告', en: 'Reports whose balance check fails' },
    notebook: (lang) => ({
      title: lang === 'zh' ? '收支平衡核对未通过的报告' : 'Reports whose balance check fails',
      cells: [
        { type: 'sql', sql: `-- ${lang === 'zh' ? '表三：本年新收 + 上年结转 = 办理结果总计 + 结转下年度；总计列未平衡的报告' : 'Table 3: new + carried over = total handled + carried forward; reports whose total column does not balance'}
SELECT s.year, s.agency_name, s.applications_new AS received, s.applications_carried_over AS carried_over,
  s.handled_total AS handled, s.carried_forward, s.report_id
FROM checks c JOIN summary s USING (report_id)
WHERE c."check" = 't3_balance' AND c.status = 'fail' AND c.subject = 'total'
ORDER BY s.agency_name, s.year;` },
        { type: 'sql', sql: `-- ${lang === 'zh' ? '每个机关有多少份报告的平衡核对未通过（任一申请人列）' : 'How many reports of each agency fail the balance check (any applicant column)'}
SELECT s.lineage_id, count(DISTINCT s.report_id) AS failing_reports,
  string_agg(DISTINCT CAST(s.year AS VARCHAR), ', ' ORDER BY CAST(s.year AS VARCHAR)) AS years
FROM checks c JOIN summary s USING (report_id)
WHERE c."check" = 't3_balance' AND c.status = 'fail'
GROUP BY ALL
ORDER BY failing_reports DESC, s.lineage_id;` },
        { type: 'chart', mark: 'bar', x: 'failing_reports', y: 'lineage_id' },
      ],
    }),
  },
  {
    id: 'handled',
    title: { zh: '历年申请的办理结果', en: 'How applications were handled, by year' },
    notebook: (lang) => ({
      title: lang === 'zh' ? '历年申请的办理结果' : 'How applications were handled, by year',
      cells: [
        { type: 'sql', sql: `-- ${lang === 'zh' ? '表三各类办理结果（总计列），所有报告相加；空白不计为 0' : 'Results of table 3 (total column) summed over all reports; blanks are not zeros'}
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
