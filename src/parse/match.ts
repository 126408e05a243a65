import type { TableRow } from './rows.ts';

/**
 * Picks the prescribed row a printed label means. Labels of extracted tables carry wrapped
 * fragments of the rows before them, so among the rows whose pattern matches, the one matched
 * nearest the end of the label wins (then the longer match).
 */
export function matchLabel<T extends { match: RegExp }>(label: string, rows: readonly T[]): T | undefined {
  return remembered(BEST, rows, label, () => bestMatch(label, rows));
}

/** How many of the rows' patterns a label matches (a column-major "label" names most of them). */
export function matchCount<T extends { match: RegExp }>(label: string, rows: readonly T[]): number {
  return remembered(COUNT, rows, label, () => rows.filter((r) => r.match.test(label)).length);
}

/**
 * Answers per row set (by identity: callers keep one array per template) and label. The same
 * printed labels come back in every report and, within one, for each reading of a table
 * (labels before and after the numbers, then the placement), and each costs a regex per row.
 */
const BEST = new WeakMap<readonly object[], Map<string, unknown>>();
const COUNT = new WeakMap<readonly object[], Map<string, unknown>>();
function remembered<V>(memo: WeakMap<readonly object[], Map<string, unknown>>, rows: readonly object[], label: string, compute: () => V): V {
  let byLabel = memo.get(rows);
  if (!byLabel) memo.set(rows, (byLabel = new Map()));
  if (byLabel.has(label)) return byLabel.get(label) as V;
  const v = compute();
  if (byLabel.size >= 10_000) byLabel.clear(); // bounded: a long build's labels are mostly the same few hundred
  byLabel.set(label, v);
  return v;
}

function bestMatch<T extends { match: RegExp }>(label: string, rows: readonly T[]): T | undefined {
  let best: { row: T; at: number; len: number } | undefined;
  for (const row of rows) {
    const re = everyMatch(row.match);
    re.lastIndex = 0;
    for (let m = re.exec(label); m; m = re.exec(label)) {
      const end = m.index + m[0].length;
      if (!best || end > best.at || (end === best.at && m[0].length > best.len)) best = { row, at: end, len: m[0].length };
      if (m[0] === '') re.lastIndex++; // as matchAll does: an empty match moves on
    }
  }
  return best?.row;
}

/**
 * A pattern's global copy, compiled once: labels are matched against every row's pattern many
 * times a report, and compiling (or matchAll's own copy) per call was a quarter of the parse time.
 */
const GLOBAL = new WeakMap<RegExp, RegExp>();
function everyMatch(re: RegExp): RegExp {
  let g = GLOBAL.get(re);
  if (!g) GLOBAL.set(re, (g = new RegExp(re.source, re.flags.replace('g', '') + 'g')));
  return g;
}

type Fits<T> = (row: TableRow, match: T) => boolean;

/** How many rows the labels name in prescribed order (and, given `fits`, whose values fit them). */
function inOrder<T extends { match: RegExp }>(rows: TableRow[], labels: string[], prescribed: readonly T[], fits: Fits<T>): number {
  let last = -1, n = 0;
  labels.forEach((l, k) => {
    const row = matchLabel(l, prescribed);
    const i = row ? prescribed.indexOf(row) : -1;
    if (row && i > last && fits(rows[k]!, row)) (last = i), n++;
  });
  return n;
}

/**
 * Some PDF text prints each row's numbers before its label. Returns the rows relabelled with the
 * text that follows their values when that text names the prescribed rows, in order, clearly
 * better (by `margin` rows) than the text before them; otherwise undefined.
 */
export function labelsAfter<T extends { match: RegExp }>(rows: TableRow[], prescribed: readonly T[], margin: number,
  fits: Fits<T> = () => true): { rows: TableRow[]; before: number; after: number } | undefined {
  if (rows.length === 0 || rows.some((r) => r.after === undefined)) return undefined;
  const before = inOrder(rows, rows.map((r) => r.label), prescribed, fits);
  const after = inOrder(rows, rows.map((r) => r.after!), prescribed, fits);
  return after >= before + margin ? { rows: rows.map((r) => ({ ...r, label: r.after! })), before, after } : undefined;
}
