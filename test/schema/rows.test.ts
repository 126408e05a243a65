/**
 * The row types are derived from the one schema (src/schema/tables.ts): these assertions are
 * checked by `tsc --noEmit`, so a column renamed, retyped or made nullable there shows up here.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  APPLICANT_KEYS, CLAUSES, NARRATIVE_SECTIONS, OUTCOME_KEYS, PROCEEDING_KEYS, TABLES, TEMPLATES, table,
  type Applicant, type Clause, type ColumnName, type Outcome, type Proceeding, type RowOf, type TableName, type Template,
} from '../../src/schema/index.ts';
import { parseTable } from '../../src/site/data.ts';

describe('row types derived from the schema', () => {
  it('types each column by its declaration', () => {
    expectTypeOf<RowOf<'reviews'>>().toEqualTypeOf<{
      report_id: string; proceeding: Proceeding; outcome: Outcome; value: number | null;
      line: number | null; source_cell: string | null; source_page: number | null;
    }>();
    expectTypeOf<RowOf<'applications'>['applicant']>().toEqualTypeOf<Applicant>();
    expectTypeOf<RowOf<'article20'>['clause']>().toEqualTypeOf<Clause>();
    expectTypeOf<RowOf<'reports'>['template']>().toEqualTypeOf<Template | null>();
    expectTypeOf<RowOf<'reports'>['published_on']>().toEqualTypeOf<string | null>();
    expectTypeOf<RowOf<'narrative'>['section']>().toEqualTypeOf<'problems' | 'other'>();
    expectTypeOf<RowOf<'summary'>['granted']>().toEqualTypeOf<number | null>();
    expectTypeOf<RowOf<'agencies'>['level']>().toEqualTypeOf<'province' | 'city' | 'county' | 'township' | null>();
    expectTypeOf<TableName>().toEqualTypeOf<'reports' | 'agencies' | 'proactive' | 'article20' | 'applications' | 'reviews' | 'checks' | 'warnings' | 'narrative' | 'summary'>();
    expectTypeOf<'denied'>().toMatchTypeOf<ColumnName<'summary'>>();
    // @ts-expect-error: no such column
    expectTypeOf<RowOf<'reports'>['report']>();
  });

  it('takes enumerations from the definitions they name', () => {
    const values = (t: TableName, col: string) => table(t).columns.find((c) => c.name === col)?.values;
    expect(values('applications', 'applicant')).toEqual(APPLICANT_KEYS);
    expect(values('reviews', 'proceeding')).toEqual(PROCEEDING_KEYS);
    expect(values('reviews', 'outcome')).toEqual(OUTCOME_KEYS);
    expect(values('article20', 'clause')).toEqual(CLAUSES);
    expect(values('narrative', 'section')).toEqual(NARRATIVE_SECTIONS);
    expect(values('reports', 'template')).toEqual(TEMPLATES);
    expect(NARRATIVE_SECTIONS).toEqual(['problems', 'other']);
  });

  it('keys name their own columns', () => {
    for (const t of TABLES) for (const k of t.key) expect(t.columns.map((c) => c.name)).toContain(k);
  });

  it('holds the rows the site reads back to their types', () => {
    const head = 'report_id,proceeding,outcome,value,line,source_cell,source_page\n';
    expect(parseTable('reviews', head + 'a-2023,review,total,3,,,\n')).toEqual([
      { report_id: 'a-2023', proceeding: 'review', outcome: 'total', value: 3, line: null, source_cell: null, source_page: null },
    ]);
    expect(() => parseTable('reviews', head + ',review,total,3,,,\n')).toThrow(/report_id = "" is empty/);
    expect(() => parseTable('reviews', head + 'a-2023,appeal,total,3,,,\n')).toThrow(/proceeding = "appeal" is not one of review/);
  });
});
