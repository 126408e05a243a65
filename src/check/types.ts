import type { CheckStatus, RuleKey } from '../schema/index.ts';

/** One rule applied to one column, row or group of one report. */
export interface Check {
  check: RuleKey;
  subject: string;
  status: CheckStatus;
  /** The numbers compared, readable. */
  detail: string;
}

/** Compares parts with a total; skipped when any number is missing (a blank is not a zero). */
export function compare(check: RuleKey, subject: string, parts: (number | null)[], total: number | null, show: string): Check {
  if (total === null || parts.some((p) => p === null)) {
    return { check, subject, status: 'skipped', detail: `有空白单元格，无法核对 blank cells, cannot check: ${show}` };
  }
  const sum = parts.reduce<number>((a, b) => a + (b as number), 0);
  const ok = Math.abs(sum - total) < 1e-9;
  return { check, subject, status: ok ? 'pass' : 'fail', detail: `${show}: ${sum} ${ok ? '=' : '≠'} ${total}` };
}
