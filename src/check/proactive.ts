import type { ProactiveCategory, Sourced } from '../parse/types.ts';
import { compare, type Check } from './types.ts';

/** Section 一: categories sum to the stated total; printed shares agree with the counts. */
export function checkProactive(total: Sourced<number>, categories: ProactiveCategory[]): Check[] {
  if (categories.length === 0) return [];
  const out: Check[] = [compare('proactive_sum', 'total', categories.map((c) => c.items), total.value, categories.map((c) => `${c.label} ${c.items}`).join(' + '))];
  const sum = categories.reduce((a, c) => a + (c.items ?? 0), 0);
  const base = total.value ?? sum;
  for (const c of categories) {
    if (c.sharePct === null || c.items === null || base === 0) continue;
    const computed = (c.items / base) * 100;
    // Reports truncate or round as they please: agree within one unit of the last printed digit.
    const decimals = String(c.sharePct).split('.')[1]?.length ?? 0;
    const unit = 10 ** -decimals;
    const ok = Math.abs(computed - c.sharePct) < unit + 1e-9;
    out.push({ check: 'proactive_share', subject: c.key, status: ok ? 'pass' : 'fail',
      detail: `${c.label}: 印 printed ${c.sharePct}% vs ${c.items}/${base} = ${computed.toFixed(decimals + 2)}%` });
  }
  return out;
}
