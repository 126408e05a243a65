import type { ParsedReport } from '../parse/types.ts';
import { checkApplications } from './applications.ts';
import { checkProactive } from './proactive.ts';
import { checkReviews } from './reviews.ts';
import type { Check } from './types.ts';

export { checkContinuity, type CarryFacts } from './continuity.ts';
export type { Check } from './types.ts';

/** Every rule that needs one report only. */
export function checkReport(r: ParsedReport): Check[] {
  if (r.status === 'failed') return [];
  return [...checkApplications(r.applications, r.template), ...checkReviews(r.reviews), ...checkProactive(r.proactiveTotal, r.proactiveCategories)];
}
