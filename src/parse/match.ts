/**
 * Picks the prescribed row a printed label means. Labels of extracted tables carry wrapped
 * fragments of the rows before them, so among the rows whose pattern matches, the one matched
 * nearest the end of the label wins (then the longer match).
 */
export function matchLabel<T extends { match: RegExp }>(label: string, rows: readonly T[]): T | undefined {
  let best: { row: T; at: number; len: number } | undefined;
  for (const row of rows) {
    const re = new RegExp(row.match.source, row.match.flags.replace('g', '') + 'g');
    for (const m of label.matchAll(re)) {
      const end = m.index + m[0].length;
      if (!best || end > best.at || (end === best.at && m[0].length > best.len)) best = { row, at: end, len: m[0].length };
    }
  }
  return best?.row;
}
