import { fold, type Cell, type Line } from './lines.ts';

/**
 * Markdown and pipe-flattened text: `#` heading markers stripped; any line with two or more `|`
 * is a row of cells, wherever it stands among prose; rule lines (|---|) and rows of nothing but
 * empty cells (a converter's spill-over "| ||||") dropped.
 */
export function layoutPipes(lines: Line[]): Line[] {
  const out: Line[] = [];
  let table = -1;
  let row = 0;
  let inTable = false;
  for (const l of lines) {
    const heading = /^\s{0,3}#{1,6}\s+/.exec(l.text);
    if (heading) {
      const k = heading[0].length;
      out.push({ n: l.n, raw: l.raw.slice(k), text: l.text.slice(k) });
      inTable = false;
      continue;
    }
    // A whole report flattened with pipes is no table row: the flat-text breaker reads it.
    const pipes = l.text.match(/\|/g)?.length ?? 0;
    if (pipes < 2 || pipes > 40) {
      if (l.text.trim()) inTable = false;
      out.push(l);
      continue;
    }
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(l.text)) continue;
    if (!inTable) (table++, (row = 0), (inTable = true));
    const cells = splitPipes(l, table, row);
    if (cells.every((c) => c.text === '')) continue;
    row++;
    out.push({ n: l.n, raw: cells.map((c) => c.raw).join('\t'), text: cells.map((c) => c.text).join('\t'), cells });
  }
  return out;
}

function splitPipes(l: Line, table: number, row: number): Cell[] {
  let text = l.text, raw = l.raw;
  const a = text.indexOf('|'), b = text.lastIndexOf('|');
  // '|a|b|' → 'a|b'; text before the first pipe is a cell only when it is not blank.
  const lead = text.slice(0, a).trim() !== '';
  const tail = text.slice(b + 1).trim() !== '';
  const from = lead ? 0 : a + 1, to = tail ? text.length : b;
  text = text.slice(from, to);
  raw = raw.slice(from, to);
  const cells: Cell[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '|') {
      cells.push({ text: fold(text.slice(start, i)).trim(), raw: raw.slice(start, i).trim(), line: l.n, at: { table, row, col: cells.length } });
      start = i + 1;
    }
  }
  return cells;
}
