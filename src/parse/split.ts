/**
 * HTML flattened to text can join adjacent cells' digits ("713000074" is 71|3|0|0|0|0|74).
 * Splits such runs into `width` numbers whose first width-1 sum to the last (the row rule).
 * Returns every split that satisfies the rule: one is a reading, several are ambiguous.
 */
export function splitRuns(runs: string[], width: number, limit = 64): number[][] {
  const digits = runs.join('');
  if (!/^\d+$/.test(digits) || digits.length < width || digits.length > 40) return [];
  // Each printed run ends a cell, so cuts at run boundaries are forced.
  const forced: number[] = [];
  let pos = 0;
  for (const r of runs.slice(0, -1)) forced.push((pos += r.length));
  const crosses = (from: number, to: number) => forced.some((f) => f > from && f < to);
  const out: number[][] = [];
  // Choose the total (the last cell) first: then the parts' running sum prunes the search.
  for (let start = width - 1; start < digits.length && out.length <= limit; start++) {
    // The total has at most one digit more than its longest part, and no part is longer than it.
    const len = digits.length - start;
    if (start > (width - 1) * len || start < (len - 1) + (width - 2)) continue;
    const last = digits.slice(start);
    if (!valid(last) || crosses(start, digits.length)) continue;
    const total = Number(last);
    const parts: number[] = [];
    const walk = (at: number, sum: number) => {
      if (out.length > limit) return;
      if (parts.length === width - 1) {
        if (at === start && sum === total) out.push([...parts, total]);
        return;
      }
      const left = width - 1 - parts.length;
      // Even with the longest possible part the remaining digits cannot reach the total.
      if (sum + left * 10 ** (start - at - left + 1) < total) return;
      // No part is longer than the total, so the digits left must fit in the parts left.
      for (let end = at + 1; end <= start - (left - 1) && end - at <= last.length; end++) {
        if (start - end > (left - 1) * last.length) continue;
        const piece = digits.slice(at, end);
        if (!valid(piece) || crosses(at, end)) break;
        const v = Number(piece);
        if (sum + v > total) break; // longer pieces only grow
        parts.push(v);
        walk(end, sum + v);
        parts.pop();
      }
    };
    walk(0, 0);
  }
  return out;
}

// Counts have no leading zeros.
const valid = (s: string) => s.length > 0 && (s === '0' || !s.startsWith('0'));

/**
 * Splits run-together digits into `widths.length` groups of cells, group g having widths[g]
 * cells of which, when `sums` holds, the first ones add up to the last (table 四's groups of
 * five). Each printed run ends a cell. Without a sum rule only a split that is the only one
 * with no leading zeros counts. Returns every valid split, up to `limit` + 1.
 */
export function splitCells(runs: string[], widths: number[], sums: boolean, limit = 8): number[][] {
  const digits = runs.join('');
  const n = widths.reduce((a, b) => a + b, 0);
  if (!/^\d+$/.test(digits) || digits.length < n || digits.length > 60) return [];
  const forced = new Set<number>();
  let pos = 0;
  for (const r of runs) forced.add((pos += r.length));
  const out: number[][] = [];
  const cells: number[] = [];
  let budget = 200000;
  const walk = (at: number, g: number, k: number, sum: number) => {
    if (out.length > limit || --budget < 0) return;
    if (g === widths.length) {
      if (at === digits.length) out.push([...cells]);
      return;
    }
    const width = widths[g]!;
    const cellsLeft = n - cells.length;
    for (let end = at + 1; end <= digits.length - (cellsLeft - 1); end++) {
      const piece = digits.slice(at, end);
      if (!valid(piece)) break;
      const crossing = [...forced].some((f) => f > at && f < end);
      if (crossing) break;
      // A cell ends where a printed run ends, or inside a run.
      const v = Number(piece);
      const last = k === width - 1;
      if (sums && width > 1) {
        if (last && v !== sum) continue;
        if (!last && sum + v > 10 ** (digits.length - end)) break;
      }
      cells.push(v);
      if (last) walk(end, g + 1, 0, 0);
      else walk(end, g, k + 1, sum + v);
      cells.pop();
      if (sums && last && v > sum) break;
    }
  };
  walk(0, 0, 0, 0);
  return budget < 0 ? out.concat([[], []]).slice(0, limit + 2) : out;
}

/**
 * Flattened text whose blanks were printed ("/", "—") between run-together digits: each mark is
 * one blank cell, each run of digits one or more cells. Returns every way to make `width` cells
 * that `accept` takes (up to `limit` + 1), blanks as null.
 */
export function splitTokens(tokens: string[], width: number, accept: (cells: (number | null)[]) => boolean, limit = 16): (number | null)[][] {
  const digits = tokens.reduce((n, t) => n + (/^\d+$/.test(t) ? t.length : 0), 0);
  if (digits > 60 || tokens.some((t) => !/^\d+$/.test(t) && !BLANK.test(t))) return [];
  const out: (number | null)[][] = [];
  const cells: (number | null)[] = [];
  let budget = 200000;
  const walk = (i: number) => {
    if (out.length > limit || --budget < 0 || cells.length > width) return;
    if (i === tokens.length) {
      if (cells.length === width && accept(cells)) out.push([...cells]);
      return;
    }
    const t = tokens[i]!;
    if (BLANK.test(t)) {
      cells.push(null);
      walk(i + 1);
      cells.pop();
      return;
    }
    // The run t split into pieces, each a valid count.
    const pieces = (at: number) => {
      if (at === t.length) return walk(i + 1);
      for (let end = at + 1; end <= t.length && cells.length < width; end++) {
        const piece = t.slice(at, end);
        if (!valid(piece)) break;
        cells.push(Number(piece));
        pieces(end);
        cells.pop();
      }
    };
    pieces(0);
  };
  walk(0);
  return budget < 0 ? out.concat([[], []]).slice(0, limit + 2) : out;
}

const BLANK = /^(?:\/+|[—–-]+)$/;

/**
 * Parts against their total as far as the printed cells tell: equal when every part is printed,
 * no more than the total when a part is blank; anything goes when the total is blank.
 */
export function addsUp(parts: readonly (number | null)[], total: number | null | undefined): boolean {
  if (total === null || total === undefined) return true;
  const known = parts.reduce<number>((a, v) => a + (v ?? 0), 0);
  return parts.some((v) => v === null) ? known <= total : known === total;
}

/** The cells on which every reading agrees; the rest null. */
export function agreed(readings: (number | null)[][], width: number): (number | null)[] {
  return Array.from({ length: width }, (_, c) => (readings.length > 0 && readings.every((r) => r[c] === readings[0]![c]) ? readings[0]![c]! : null));
}

/**
 * The other reading of a short flattened row: each printed run is one cell and the cells left
 * over were blanks that vanished. Every placement of the runs, in order, into `width` cells that
 * `accept` takes (up to `limit` + 1). A run that is not a valid count (a leading zero: "00")
 * proves digits ran together, so it has no such reading.
 */
export function vanishedBlanks(runs: string[], width: number, accept: (cells: (number | null)[]) => boolean, limit = 16): (number | null)[][] {
  if (runs.length >= width || !runs.every((r) => /^\d+$/.test(r) && valid(r))) return [];
  const out: (number | null)[][] = [];
  const cells: (number | null)[] = [];
  const walk = (i: number) => {
    if (out.length > limit) return;
    if (cells.length === width) {
      if (i === runs.length && accept(cells)) out.push([...cells]);
      return;
    }
    if (width - cells.length > runs.length - i) {
      cells.push(null);
      walk(i);
      cells.pop();
    }
    if (i < runs.length) {
      cells.push(Number(runs[i]));
      walk(i + 1);
      cells.pop();
    }
  };
  walk(0);
  return out;
}
