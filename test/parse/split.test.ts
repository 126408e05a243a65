import { describe, expect, it } from 'vitest';
import { splitRuns } from '../../src/parse/split.ts';

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
