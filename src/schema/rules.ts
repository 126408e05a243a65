import type { Label } from './template.ts';

/** What a rule checks: a section's figures, a table, or the report against last year's. */
export type RulePart = 'proactive' | 'applications' | 'reviews' | 'continuity';

/**
 * The consistency rules of report-format.md. Each check row in the `checks` table names one of
 * these keys; `subject` says which column, row or group it was applied to.
 */
export const RULES = {
  t3_balance: { part: 'applications', zh: '表三勾稽关系：一＋二＝三（七）总计＋四', en: 'Table 三 balance: new + carried over = handled total + carried forward (each column)' },
  t3_row_sum: { part: 'applications', zh: '表三各行：六类申请人之和＝总计', en: 'Table 三 rows: the six applicant columns sum to the total' },
  t3_results_sum: { part: 'applications', zh: '表三办理结果（一）至（六）之和＝（七）总计', en: 'Table 三 results (一)…(六) sum to (七) total (each column)' },
  t4_group_sum: { part: 'reviews', zh: '表四每组前四项之和＝总计', en: 'Table 四: in each group the first four cells sum to the total' },
  proactive_sum: { part: 'proactive', zh: '主动公开各类条数之和＝合计', en: 'Proactive disclosure categories sum to the stated total' },
  proactive_share: { part: 'proactive', zh: '主动公开各类占比与条数相符', en: 'Printed shares agree with the category counts' },
  carry_over_continuity: { part: 'continuity', zh: '上年结转＝上一年度报告的结转下年度', en: 'Carried over equals the previous year\'s carried forward (same lineage)' },
} as const satisfies Record<string, Label & { part: RulePart }>;
export type RuleKey = keyof typeof RULES;
export const CHECK_STATUSES = ['pass', 'fail', 'skipped'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];
