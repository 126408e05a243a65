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
    const csv = pipes < 2 ? commaRow(l) : null;
    if (csv) {
      if (!inTable) (table++, (row = 0), (inTable = true));
      const cells = csv.map((c) => ({ ...c, at: { table, row, col: c.at!.col } }));
      row++;
      out.push({ n: l.n, raw: cells.map((c) => c.raw).join('\t'), text: cells.map((c) => c.text).join('\t'), cells });
      continue;
    }
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

/** A value cell of a comma-separated row: a number or a blank. */
const VALUE = /^\s*(?:[+-]?\d+(?:\.\d+)?\s*(?:万元|元|%)?|\/|-|—|——|)\s*$/;

/**
 * A table row saved as comma-separated values ("一、本年新收政府信息公开申请数量,3,0,0,0,0,0,3"):
 * a label, then at least two fields that are all numbers or blanks. Thousands separators cannot
 * occur in such a row (they would be fields), and prose never has numbers in every field.
 */
function commaRow(l: Line): Cell[] | null {
  if (!/[,，]/.test(l.text)) return null;
  const text = l.text.trim();
  const parts = text.split(/[,，]/);
  // The label may hold commas of its own ("（区分处理的，只计这一情形…）"): the values are the run of
  // fields at the end that are all numbers or blanks.
  let k = parts.length;
  while (k > 1 && VALUE.test(parts[k - 1]!)) k--;
  const values = parts.slice(k);
  if (values.length < 2 || !values.some((p) => /\d/.test(p))) return null;
  const label = text.slice(0, parts.slice(0, k).join(',').length);
  // A digit before the first comma makes it a thousands separator ("5,394,432.52"), not a field's end.
  if (!/[\u4e00-\u9fa5]/.test(label) || /\d\s*$/.test(label)) return null;
  const start = l.text.indexOf(text);
  const cells: Cell[] = [{ text: fold(label).trim(), raw: l.raw.slice(start, start + label.length).trim(), line: l.n, at: { table: 0, row: 0, col: 0 } }];
  let at = start + label.length + 1;
  for (const p of values) {
    cells.push({ text: fold(p).trim(), raw: l.raw.slice(at, at + p.length).trim(), line: l.n, at: { table: 0, row: 0, col: cells.length } });
    at += p.length + 1;
  }
  return cells;
}
