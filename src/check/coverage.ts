import type { ParsedReport } from '../parse/types.ts';
import { APPLICANT_KEYS, applicationRows, ARTICLE20, REVIEW_CELLS, templateForYear, type Template } from '../schema/index.ts';

/** Prescribed cells of one part of the form, and how many of them hold a value. */
export interface Part {
  expected: number;
  read: number;
}

/** How much of the prescribed form a report gave values for. */
export interface Coverage extends Part {
  /** The template the cells were counted for: the report's, else its year's, else 2021. */
  template: Template;
  /** Section 一's stated total, tables 二, 三 and 四. */
  parts: { proactive: Part; article20: Part; applications: Part; reviews: Part };
}

/**
 * The prescribed cells of a report (table 二 clauses × items × measures for its template, table 三
 * rows × 7 applicant columns, table 四's 15 cells, section 一's total) and how many of them hold a
 * non-null value. A blank in the source and a cell the parser could not read both count as not read.
 */
export function coverage(r: ParsedReport): Coverage {
  const template = r.template ?? (r.year.value !== null ? templateForYear(r.year.value) : '2021');
  const keys = prescribed(template);
  const filled = (want: ReadonlySet<string>, have: readonly string[]): Part => {
    let read = 0;
    for (const k of new Set(have)) if (want.has(k)) read++;
    return { expected: want.size, read };
  };
  const article20 = filled(keys.article20, r.article20.filter((c) => c.value !== null).map((c) => `${c.clause}|${c.item}|${c.measure}`));
  const applications = filled(keys.applications, r.applications.filter((c) => c.value !== null).map((c) => `${c.row}|${c.applicant}`));
  const reviews = filled(keys.reviews, r.reviews.filter((c) => c.value !== null).map((c) => `${c.proceeding}|${c.outcome}`));
  const proactive = { expected: 1, read: r.proactiveTotal.value === null ? 0 : 1 };
  const parts = { proactive, article20, applications, reviews };
  const all = Object.values(parts);
  return { template, parts, expected: all.reduce((n, p) => n + p.expected, 0), read: all.reduce((n, p) => n + p.read, 0) };
}

/** The keys of a template's prescribed cells, made once per template (every report needs them). */
const PRESCRIBED = new Map<Template, { article20: ReadonlySet<string>; applications: ReadonlySet<string>; reviews: ReadonlySet<string> }>();
function prescribed(template: Template) {
  let p = PRESCRIBED.get(template);
  if (!p) {
    p = {
      article20: new Set(ARTICLE20[template].flatMap((cl) => cl.items.flatMap((i) => cl.measures.map((m) => `${cl.clause}|${i.key}|${m.key}`)))),
      applications: new Set(applicationRows(template).flatMap((row) => APPLICANT_KEYS.map((a) => `${row.key}|${a}`))),
      reviews: new Set(REVIEW_CELLS.map((c) => `${c.proceeding}|${c.outcome}`)),
    };
    PRESCRIBED.set(template, p);
  }
  return p;
}
