import type { CellAt } from '../layout/lines.ts';
import type { PageMeta } from './meta.ts';
import type { Applicant, Clause, NarrativeSectionKey, Outcome, Proceeding, ReportStatus, Template } from '../schema/index.ts';
import type { Warning } from '../shared/said.ts';

// Said, bi and Warning live below every stage (src/shared/said.ts); re-exported for the parser's callers.
export { bi, type Said, type Warning } from '../shared/said.ts';

export type { CellAt } from '../layout/lines.ts';

/** A value read from the text, with the line it came from (null when derived). */
export interface Sourced<T> {
  value: T | null;
  line: number | null;
}

export interface ProactiveCategory {
  key: string;
  label: string;
  items: number | null;
  sharePct: number | null;
  line: number | null;
}

export interface Article20Cell {
  clause: Clause;
  item: string;
  /** As printed; the prescribed label when the row was not found. */
  itemLabel: string;
  measure: string;
  value: number | null;
  unit: string | null;
  raw: string | null;
  line: number | null;
  /** The source table's cell, where the source has tables. */
  cell: CellAt | null;
}

export interface ApplicationCell {
  row: string;
  applicant: Applicant;
  value: number | null;
  line: number | null;
  /** The source table's cell, where the source has tables. */
  cell: CellAt | null;
}

export interface ReviewCell {
  proceeding: Proceeding;
  outcome: Outcome;
  value: number | null;
  line: number | null;
  /** The source table's cell, where the source has tables. */
  cell: CellAt | null;
}

export interface NarrativeSection {
  section: NarrativeSectionKey;
  heading: string;
  text: string;
  line: number;
}

export interface Fees extends Sourced<number> {
  /** As printed, e.g. "120元" or the sentence saying none were charged. */
  raw: string | null;
}

/** What the parser reads from one report text. Every table is complete: one cell per prescribed cell. */
export interface ParsedReport {
  agencyName: Sourced<string>;
  year: Sourced<number>;
  /** The report's title as printed (or as the page metadata gives it). */
  title: Sourced<string>;
  /** What the page around the report, or a manifest, says of it: original URL, publication time. */
  source: PageMeta;
  template: Template | null;
  /** ISO date (YYYY-MM-DD) of the signature. */
  publishedOn: Sourced<string>;
  proactiveTotal: Sourced<number>;
  proactiveCategories: ProactiveCategory[];
  article20: Article20Cell[];
  applications: ApplicationCell[];
  reviews: ReviewCell[];
  /** Information-processing fees charged, in yuan (元). */
  fees: Fees;
  narrative: NarrativeSection[];
  warnings: Warning[];
  status: ReportStatus;
}
