import type { ParsedReport } from './types.ts';

/**
 * Every cell a reading names, keyed the way the published tables key them
 * (`applications/<row>/<applicant>`, `reviews/<proceeding>/<outcome>`,
 * `article20/<clause>/<item>/<measure>`, `proactive/…`): how two readings of one report compare.
 */
export function reportCells(r: ParsedReport): Map<string, number | null> {
  const m = new Map<string, number | null>();
  for (const c of r.applications) m.set(`applications/${c.row}/${c.applicant}`, c.value);
  for (const c of r.reviews) m.set(`reviews/${c.proceeding}/${c.outcome}`, c.value);
  for (const c of r.article20) m.set(`article20/${c.clause}/${c.item}/${c.measure}`, c.value);
  m.set('proactive/total', r.proactiveTotal.value);
  for (const c of r.proactiveCategories) m.set(`proactive/${c.key}`, c.items);
  return m;
}
