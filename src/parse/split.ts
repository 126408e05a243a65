/**
 * HTML flattened to text can join adjacent cells' digits ("713000074" is 71|3|0|0|0|0|74).
 * Splits such runs into `width` numbers whose first width-1 sum to the last (the row rule).
 * Returns every split that satisfies the rule: one is a reading, several are ambiguous.
 */
export function splitRuns(runs: string[], width: number, limit = 64): number[][] {
  const digits = runs.join('');
  if (!/^\d+$/.test(digits) || digits.length < width || digits.length > 40) return [];
  // Each run ends a cell, so cuts at run boundaries are forced; choose the rest.
  const forced = new Set<number>();
  let pos = 0;
  for (const r of runs.slice(0, -1)) forced.add((pos += r.length));
  const out: number[][] = [];
  const parts: string[] = [];
  const walk = (at: number) => {
    if (out.length > limit) return;
    if (parts.length === width - 1) {
      const last = digits.slice(at);
      if (!valid(last) || [...forced].some((f) => f > at)) return;
      const nums = [...parts, last].map(Number);
      if (nums.slice(0, -1).reduce((a, b) => a + b, 0) === nums.at(-1)) out.push(nums);
      return;
    }
    for (let end = at + 1; end < digits.length; end++) {
      const piece = digits.slice(at, end);
      if (!valid(piece)) break;
      // A forced boundary inside the piece would join two printed cells.
      if ([...forced].some((f) => f > at && f < end)) break;
      parts.push(piece);
      walk(end);
      parts.pop();
    }
  };
  walk(0);
  return out;
}

// Counts have no leading zeros.
const valid = (s: string) => s.length > 0 && (s === '0' || !s.startsWith('0'));
