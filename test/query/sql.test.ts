import { describe, expect, it } from 'vitest';
import { namedTables } from '../../src/query/sql.ts';
import { compareSql, defaultState, SUMMARY_MEASURES } from '../../src/query/compare-model.ts';

describe('namedTables: what the engine loads before a query', () => {
  it('finds every table a join names, aliased or quoted, in any case', () => {
    expect(namedTables('SELECT * FROM proactive p JOIN Reports r USING (report_id) JOIN "agencies" a USING (agency_id)').sort())
      .toEqual(['agencies', 'proactive', 'reports']);
  });
  it('a column or word that contains a name is not the name', () => {
    expect(namedTables('SELECT report_id, checks_failed, applications_new FROM summary')).toEqual(['summary']);
  });
  it('a name in a comment or given with AS names no table; in a string it does', () => {
    expect(namedTables('-- from the warnings\nSELECT 1')).toEqual([]);
    expect(namedTables('/* checks */ SELECT 1 /* unclosed reviews')).toEqual([]);
    expect(namedTables('SELECT 1')).toEqual([]);
    expect(namedTables('SELECT string_agg(report_id) AS reports, 1 AS "checks" FROM summary')).toEqual(['summary']);
    expect(namedTables("SELECT * FROM query_table('reviews')")).toEqual(['reviews']);
    // A comment's dashes inside a literal or a quoted name are not a comment.
    expect(namedTables("SELECT '--' AS x FROM checks")).toEqual(['checks']);
    expect(namedTables('SELECT 1 AS "a--b" FROM warnings')).toEqual(['warnings']);
    expect(namedTables("SELECT 'it''s -- x' FROM narrative")).toEqual(['narrative']);
    // An alias and a real reading of the same table: loaded.
    expect(namedTables('SELECT r.year AS reports FROM reports r')).toEqual(['reports']);
  });
  it("the compare tool's SQL loads summary alone, and applications only for a table 三 measure", () => {
    const d = defaultState({ regions: [], years: [2019, 2023] });
    for (const m of SUMMARY_MEASURES) expect(namedTables(compareSql({ ...d, measure: m.name })), m.name).toEqual(['summary']);
    expect(namedTables(compareSql({ ...d, measure: 'applications' })).sort()).toEqual(['applications', 'summary']);
  });
});
