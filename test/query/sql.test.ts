import { describe, expect, it } from 'vitest';
import { namedTables } from '../../src/query/sql.ts';

describe('namedTables: what the engine loads before a query', () => {
  it('finds every table a join names, aliased or quoted, in any case', () => {
    expect(namedTables('SELECT * FROM proactive p JOIN Reports r USING (report_id) JOIN "agencies" a USING (agency_id)').sort())
      .toEqual(['agencies', 'proactive', 'reports']);
  });
  it('a column or word that contains a name is not the name', () => {
    expect(namedTables('SELECT report_id, checks_failed, applications_new FROM summary')).toEqual(['summary']);
  });
  it('a name in a comment loads the table for nothing, never misses one', () => {
    expect(namedTables('-- from the warnings\nSELECT 1')).toEqual(['warnings']);
    expect(namedTables('SELECT 1')).toEqual([]);
  });
});
