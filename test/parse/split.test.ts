import { describe, expect, it } from 'vitest';
import { splitRuns, vanishedBlanks } from '../../src/parse/split.ts';

describe('splitRuns', () => {
  it('splits 713000074 as 71|3|0|0|0|0|74, the only split whose parts sum to the last', () => {
    expect(splitRuns(['713000074'], 7)).toEqual([[71, 3, 0, 0, 0, 0, 74]]);
  });
  it('returns every split when several satisfy the rule', () => {
    expect(splitRuns(['101000011'], 7).length).toBeGreaterThan(1);
  });
  it('keeps printed boundaries between runs', () => {
    expect(splitRuns(['71', '3000074'], 7)).toEqual([[71, 3, 0, 0, 0, 0, 74]]);
    expect(splitRuns(['7', '13000074'], 7).every((s) => s[0] === 7)).toBe(true);
  });
  it('never reads a leading zero ("05" is not 5)', () => {
    expect(splitRuns(['0500005'], 7)).toEqual([[0, 5, 0, 0, 0, 0, 5]]);
    expect(splitRuns(['05000005'], 7)).toEqual([]);
  });
});

describe('vanishedBlanks', () => {
  it('places each run in one cell, in order, blanks in between', () => {
    expect(vanishedBlanks(['72', '0'], 3, () => true)).toEqual([[null, 72, 0], [72, null, 0], [72, 0, null]]);
  });
  it('lets the rule choose', () => {
    expect(vanishedBlanks(['72', '0'], 3, (c) => c[2] === 0)).toEqual([[null, 72, 0], [72, null, 0]]);
  });
  it('has no reading when a run has a leading zero, or the runs fill every cell', () => {
    expect(vanishedBlanks(['00', '0'], 3, () => true)).toEqual([]);
    expect(vanishedBlanks(['1', '2', '3'], 3, () => true)).toEqual([]);
  });
});
