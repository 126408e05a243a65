/** Links the query pages read: a damaged one is reported as unreadable, never replaced silently. */
import { describe, expect, test } from 'vitest';
import { readState, stateQuery, type Catalog } from '../../src/query/compare-model.ts';
import { encodeNotebook, readNotebookLink } from '../../src/query/permalink.ts';

describe('notebook permalinks', () => {
  const nb = { title: 't', cells: [{ type: 'sql' as const, sql: 'SELECT 1' }] };
  const code = encodeNotebook(nb);

  test('no #nb= is no link; a good one reads back', () => {
    expect(readNotebookLink('')).toEqual({ kind: 'none' });
    expect(readNotebookLink('#L12')).toEqual({ kind: 'none' });
    expect(readNotebookLink(`#nb=${code}`)).toEqual({ kind: 'notebook', notebook: nb });
  });

  test('a cut, altered or foreign code is unreadable, with a reason', () => {
    for (const hash of [
      `#nb=${code.slice(0, code.length >> 1)}`, // cut short by a chat app
      `#nb=${code}%20`, // a character that is not base64url
      `#nb=${code.replace(/^.{4}/, 'AAAA')}`, // altered
      '#nb=', '#nb=a', `#nb=${'x'.repeat(400_001)}`,
      `#nb=${Buffer.from('{"v":1,"c":[]}').toString('base64url')}`, // not deflated
    ]) {
      const r = readNotebookLink(hash);
      expect(r.kind, hash.slice(0, 40)).toBe('unreadable');
      expect(r.kind === 'unreadable' && r.reason.length > 0).toBe(true);
    }
  });
});

describe('compare links', () => {
  const cat: Catalog = {
    lineages: [{ id: 'a', name: 'A', names: ['A'], region: ['山西省'], years: [2020, 2021], agencies: [{ id: 'a-1', name: 'A1' }, { id: 'a-2', name: 'A2' }] }],
    regions: ['山西省'],
    years: [2019, 2020, 2021],
  };

  test('a readable link has nothing unread, and other parameters are not the tool’s', () => {
    const r = readState('?lineage=a&agency=a-1,a-2&region=山西省&from=2020&measure=applications&row=new_received&applicant=total&utm_source=x', cat);
    expect(r.unread).toEqual([]);
    expect(r.state).toMatchObject({ lineages: ['a'], agencies: ['a-1', 'a-2'], region: '山西省', from: 2020, to: 2021, measure: 'applications' });
    expect(readState(stateQuery(r.state, cat), cat)).toEqual(r);
    expect(readState('', cat).unread).toEqual([]);
  });

  test('every value it cannot read is named; the rest of the link still counts', () => {
    const r = readState("?lineage=a,gone&agency=x'&region=x'%20OR%201=1&from=19x&to=2021&measure=status&row=x&applicant=y", cat);
    expect(r.unread).toEqual(['lineage', 'agency', 'region', 'from', 'measure', 'row', 'applicant']);
    expect(r.state.lineages).toEqual(['a']);
    expect(r.state.agencies).toEqual([]);
    expect(r.state.measure).toBe('proactive_total');
  });

  test('a form sent without JavaScript repeats the key: every value is read', () => {
    expect(readState('?lineage=a&agency=a-1&agency=a-2', cat).state.agencies).toEqual(['a-1', 'a-2']);
  });
});
