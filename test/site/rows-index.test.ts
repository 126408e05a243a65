/** A report's rows read by byte offset are exactly the rows a full parse of the CSV gives for it. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, describe, expect, test } from 'vitest';
import { indexRows, reportCsv } from '../../src/site/rows-index.ts';

const dir = mkdtempSync(join(tmpdir(), 'atlas-rows-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** RFC 4180 as the tables are written: a field with a comma, quote or line break is quoted. */
const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const text = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r\n', ' ', '1'), maxLength: 8 });

describe('indexRows / reportCsv', () => {
  test('every id reads back its own records, whatever the quoting, line breaks and chunk size', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.constantFrom('r-1', 'r-2', 'x,"y"', '报告-3', 'a\nb'), text, text), { maxLength: 30 }),
      fc.integer({ min: 1, max: 64 }), fc.boolean(),
      (records, chunk, finalBreak) => {
        const csv = 'report_id,a,b\n' + records.map((r) => r.map(field).join(',')).join('\n') + (finalBreak && records.length ? '\n' : '');
        const path = join(dir, 't.csv');
        writeFileSync(path, csv);
        const index = indexRows(path, chunk);
        const all = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.slice(1);
        expect(index.rows).toBe(records.length);
        for (const id of new Set(records.map((r) => r[0]))) {
          const mine = Papa.parse<string[]>(reportCsv(path, index, id)!, { skipEmptyLines: true }).data;
          expect(mine[0]).toEqual(['report_id', 'a', 'b']);
          expect(mine.slice(1)).toEqual(all.filter((r) => r[0] === id));
        }
        expect(reportCsv(path, index, 'absent')).toBeNull();
      }), { numRuns: 300 });
  });

  test('records of a report that are not together are all found', () => {
    const path = join(dir, 'split.csv');
    writeFileSync(path, 'report_id,v\na,1\nb,2\na,3\n');
    expect(reportCsv(path, indexRows(path), 'a')).toBe('report_id,v\na,1\na,3\n');
  });
});
