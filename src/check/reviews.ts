import { PROCEEDINGS } from '../schema/index.ts';
import type { ReviewCell } from '../parse/types.ts';
import { compare, type Check } from './types.ts';

/** Table 四: in each group of five, the first four sum to 总计. */
export function checkReviews(cells: ReviewCell[]): Check[] {
  return PROCEEDINGS.map((p) => {
    const group = cells.filter((c) => c.proceeding === p.key);
    const parts = group.filter((c) => c.outcome !== 'total').map((c) => c.value);
    const total = group.find((c) => c.outcome === 'total')?.value ?? null;
    return compare('t4_group_sum', p.key, parts, total, `${p.zh} ${parts.join('+')} vs 总计`);
  });
}
