/**
 * Whole reports flattened to one line, as web archivers and some extractors leave them: the
 * seeds with every line break removed, or replaced by a space or a pipe. Every value is read as
 * in the seed or left null with a warning; none may change.
 */
import { describe, expect, it } from 'vitest';
import { parseReport, type ParsedReport } from '../../src/parse/index.ts';
import { SEEDS } from '../pipeline/helpers.ts';
import { reportText } from './make.ts';

const cells = (r: ParsedReport) => [...r.applications, ...r.reviews, ...r.article20].map((c) => c.value);
const JOINS = { nothing: '', space: ' ', pipe: '|' };

describe('a whole report on one line', () => {
  for (const s of SEEDS) {
    for (const [name, join] of Object.entries(JOINS)) {
      it(`${s.file} joined by ${name}: title, agency and year found, no value changed`, () => {
        const seed = parseReport(s.text), flat = parseReport(s.text.replace(/\r?\n/g, join));
        expect(flat.agencyName.value).toBe(seed.agencyName.value);
        expect(flat.year.value).toBe(seed.year.value);
        const want = cells(seed), got = cells(flat);
        const changed = got.map((v, i) => (v !== null && v !== want[i] ? `${i}: ${want[i]} → ${v}` : '')).filter(Boolean);
        expect(changed).toEqual([]);
        if (got.some((v, i) => v === null && want[i] !== null)) expect(flat.status).not.toBe('ok');
      });
    }
  }

  it('reads most values of the seeds printed row by row', () => {
    let read = 0, all = 0;
    for (const s of SEEDS.filter((x) => !x.text.includes('\n\t'))) {
      const want = cells(parseReport(s.text)), got = cells(parseReport(s.text.replace(/\n/g, '')));
      want.forEach((v, i) => { if (v !== null) (all++, got[i] === v && read++); });
    }
    expect(read / all).toBeGreaterThan(0.9);
  });
});

describe('signs in flattened table 二', () => {
  it('a sign glued to the digits before it starts a cell (本年增/减)', () => {
    const r = parseReport(reportText({ template: '2019' }).replace('行政许可 40 −185 7', '行政许可40−185 7').replace(/\n/g, ''));
    expect(r.article20.filter((c) => c.item === 'licensing').map((c) => c.value)).toEqual([40, -185, 7]);
  });
});

describe('short rows in flattened table 二 (no sum rule to choose)', () => {
  const licensing = (r: ParsedReport) => r.article20.filter((c) => c.item === 'licensing').map((c) => c.value);
  it('"行政许可 72 0" for three cells reads as 7|2|0 and as 72|·|0: null with a warning', () => {
    const r = parseReport(reportText({ template: '2019' }).replace('行政许可 40 −185 7', '行政许可 72 0').replace(/\n/g, ''));
    expect(licensing(r)).toEqual([null, null, null]);
    expect(r.warnings.some((w) => w.code === 't2_ambiguous_digits' && w.zh.includes('72 0'))).toBe(true);
  });
  it('"行政许可00 0": a leading zero proves the digits ran together, so 0|0|0 stands', () => {
    const r = parseReport(reportText({ template: '2019' }).replace('行政许可 40 −185 7', '行政许可00 0').replace(/\n/g, ''));
    expect(licensing(r)).toEqual([0, 0, 0]);
  });
});

describe('a single run in flattened table 二', () => {
  const normative = (r: ParsedReport) => r.article20.filter((c) => c.item === 'normative_documents').map((c) => c.value);
  const text = (row: string, rules: string) => reportText({ template: '2019' }).replace(/规章[^\n]*/, rules).replace(/规范性文件[^\n]*/, row).replace(/\n/g, '');
  it('where every row runs its digits together, "规范性文件666" splits the one way: 6|6|6', () => {
    expect(normative(parseReport(text('规范性文件666', '规章000').replace(/(\d)\s+(?=\d)/g, '$1')))).toEqual([6, 6, 6]);
  });
  it('where the table parts its cells with spaces, "规范性文件666" may have lost blanks: null with a warning', () => {
    const r = parseReport(text('规范性文件666', '规章 0 0 0'));
    expect(normative(r)).toEqual([null, null, null]);
    expect(r.warnings.some((w) => w.code === 't2_ambiguous_digits')).toBe(true);
  });
});
