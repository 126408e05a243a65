import { APPLICANT_KEYS, APPLICANT_PARTS, applicationRows, type Template } from '../schema/index.ts';
import type { ApplicationCell } from '../parse/types.ts';
import { compare, type Check } from './types.ts';

/** Table 三: the balance and results rules per column, the row rule per row. */
export function checkApplications(cells: ApplicationCell[], template: Template | null): Check[] {
  if (!template || cells.length === 0) return [];
  // The first cell of each row and applicant, looked up by key (a scan per look-up was most of a build's checking).
  const at = new Map<string, number | null>();
  for (const c of cells) {
    const k = `${c.row}\u0000${c.applicant}`;
    if (!at.has(k)) at.set(k, c.value);
  }
  const v = (row: string, applicant: string) => at.get(`${row}\u0000${applicant}`) ?? null;
  const rows = applicationRows(template);
  const results = rows.filter((r) => r.role === 'result');
  const out: Check[] = [];
  for (const a of APPLICANT_KEYS) {
    const lhs = [v('new_received', a), v('carried_over', a)];
    const rhs = [v('handled_total', a), v('carried_forward', a)];
    const both = lhs.some((x) => x === null) || rhs.some((x) => x === null) ? null : (rhs[0]! + rhs[1]!);
    out.push(compare('t3_balance', a, lhs, both, `一 ${lhs[0]} + 二 ${lhs[1]} vs （七） ${rhs[0]} + 四 ${rhs[1]}`));
  }
  for (const a of APPLICANT_KEYS) {
    out.push(compare('t3_results_sum', a, results.map((r) => v(r.key, a)), v('handled_total', a), `（一）…（六） vs （七）总计`));
  }
  for (const r of rows) {
    out.push(compare('t3_row_sum', r.key, APPLICANT_PARTS.map((a) => v(r.key, a)), v(r.key, 'total'), `${APPLICANT_PARTS.map((a) => v(r.key, a)).join('+')} vs 总计`));
  }
  return out;
}
