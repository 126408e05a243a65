import type { CellAt } from '../layout/lines.ts';
import { readNum, type Num } from './numbers.ts';
import { isBlank, squash, type Line } from './text.ts';

/** One value field of a table row. `stacked` holds several values extracted into one cell. */
export interface Field extends Num {
  line: number;
  /** The source table's cell it was read from, where the source has tables (HTML, pipes). */
  cell?: CellAt;
  stacked?: Field[];
}

/**
 * A table row as extracted: its label text (possibly carrying wrapped fragments of neighbouring
 * labels) and its value fields. `positional` fields (tab- or cell-separated layouts) keep blank
 * cells in place; in space-separated text a blank cell simply vanishes.
 */
export interface TableRow {
  label: string;
  line: number;
  fields: Field[];
  positional: boolean;
  /** From flattened text, where adjacent cells' digits may have run together. */
  flat?: boolean;
  /** Space-separated text only: the label text printed after the values, up to the next row. */
  after?: string;
  /** Its trailing tab was taken for a closer where not every row of the table has one: it may have been an empty last cell. */
  open?: boolean;
}

export type Layout = 'cells' | 'tabbed' | 'spaced';

/**
 * Which extraction layout a table region has:
 * - 'cells': DOCX text, one cell per line each starting with a tab, rows separated by blank lines;
 * - 'tabbed': one row per line, cells separated by tabs or '|' (DOCX, HTML, Markdown);
 * - 'spaced': PDF text, "label 0 0 0" with labels wrapped over lines.
 */
export function layoutOf(lines: Line[]): Layout {
  const filled = lines.filter((l) => !isBlank(l));
  if (filled.length === 0) return 'spaced';
  if (filled.filter((l) => l.cells).length / filled.length > 0.3) return 'tabbed';
  const cellLines = filled.filter((l) => /^\t[^\t]*$/.test(l.text)).length;
  if (cellLines / filled.length > 0.5) return 'cells';
  const tabbed = filled.filter((l) => (l.text.match(/\t|\|/g)?.length ?? 0) >= 2).length;
  if (tabbed / filled.length > 0.3) return 'tabbed';
  return 'spaced';
}

export function tableRows(lines: Line[], layout: Layout = layoutOf(lines)): TableRow[] {
  if (layout === 'spaced') return spacedRows(lines);
  return fieldRows(layout === 'cells' ? cellGroups(lines) : tabbedGroups(lines));
}

/** A raw cell: its text lines (more than one when values were stacked into the cell). */
interface RawCell {
  parts: { text: string; raw: string; line: number; cell?: CellAt }[];
}

function tabbedGroups(lines: Line[]): RawCell[][] {
  const rows: RawCell[][] = [];
  // A trailing tab closes the row where every tab-separated row of the table ends with one. Where
  // only some do, it may as well be an empty last cell: the row is `open`, alignments() tries
  // both, and a row that fits its columns two ways is left to the callers' rules or NULL with a
  // warning (issue 12: taken for a closer, "label\t\t3\t\t\t\t\t\t" beside rows without one
  // read 3 as the second column).
  const tabbed = lines.filter((l) => !l.cells && l.text.includes('\t') && !/^\s*\|/.test(l.text) && !isBlank(l));
  const closes = tabbed.length > 0 && tabbed.every((l) => l.text.endsWith('\t'));
  for (const l of lines) {
    if (l.cells) {
      // The source delimits its cells (HTML): each is in its place already.
      rows.push(l.cells.map((c) => ({ parts: [{ text: c.text, raw: c.raw, line: c.line, ...(c.at ? { cell: c.at } : {}) }] })));
      continue;
    }
    if (isBlank(l) || /^\s*\|?\s*:?-{3,}/.test(l.text)) continue; // Markdown rule lines
    let text = l.text, raw = l.raw, open = false;
    // Markdown and HTML rows: '|a|b|' → 'a|b'.
    if (/^\s*\|/.test(text)) {
      const a = text.indexOf('|'), b = text.lastIndexOf('|');
      text = text.slice(a + 1, b > a ? b : undefined);
      raw = raw.slice(a + 1, b > a ? b : undefined);
    } else if (text.endsWith('\t')) {
      // A converter's trailing tab closes the row; it is not one more empty cell.
      text = text.slice(0, -1);
      raw = raw.slice(0, -1);
      open = !closes;
    }
    const cells: RawCell[] = [];
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i === text.length || text[i] === '\t' || text[i] === '|') {
        cells.push({ parts: [{ text: text.slice(start, i), raw: raw.slice(start, i), line: l.n }] });
        start = i + 1;
      }
    }
    rows.push(open ? Object.assign(cells, { open }) : cells);
  }
  return rows;
}

function cellGroups(lines: Line[]): RawCell[][] {
  const rows: RawCell[][] = [];
  let cells: RawCell[] = [];
  const flush = () => {
    if (cells.length) rows.push(cells);
    cells = [];
  };
  for (const l of lines) {
    if (isBlank(l) && !l.text.startsWith('\t')) {
      flush();
      continue;
    }
    const part = { text: l.text.replace(/^\t/, ''), raw: l.raw.replace(/^\t/, ''), line: l.n };
    const last = cells[cells.length - 1];
    // A line without the leading tab continues the previous cell: values stacked in one cell.
    if (!l.text.startsWith('\t') && last) last.parts.push(part);
    else cells.push({ parts: [part] });
  }
  flush();
  return rows;
}

/** Cells to a row: label cells are those up to the last cell that is neither blank nor a value. */
function fieldRows(groups: RawCell[][]): TableRow[] {
  const rows: TableRow[] = [];
  for (const cells of groups) {
    // Each part read once: whether it is a value decides the label, and its value is the field.
    const read = cells.map((c) => c.parts.map((p) => readNum(p.text, p.raw)));
    let lastLabel = -1;
    cells.forEach((c, i) => { if (c.parts.some((p, k) => read[i]![k] === undefined && p.text.trim() !== '')) lastLabel = i; });
    const label = cells.slice(0, lastLabel + 1).map((c) => c.parts.map((p) => p.text).join('')).join(' ');
    const fields: Field[] = cells.slice(lastLabel + 1).map((c, j) => {
      const nums = c.parts.map((p, k) => fieldOf(read[lastLabel + 1 + j]![k]!, p.line, p.cell)).filter((n) => n.raw !== '' || c.parts.length === 1);
      const first = nums[0] ?? { value: null, unit: null, raw: '', line: c.parts[0]!.line };
      return nums.length > 1 ? { ...first, value: null, raw: nums.map((n) => n.raw).join('/'), stacked: nums } : first;
    });
    // A row is where its label is or, without one, where its first value is.
    const firstValue = fields.find((f) => f.raw !== '')?.line;
    rows.push({ label: squash(label), line: cells[lastLabel]?.parts[0]?.line ?? firstValue ?? cells[0]?.parts[0]?.line ?? 0, fields, positional: true,
      ...((cells as { open?: boolean }).open ? { open: true } : {}) });
  }
  return rows;
}

/** A value read from a cell and where it is: built field by field (spreading objects per cell cost a tenth of this module). */
function fieldOf(n: Num, line: number, cell?: CellAt): Field {
  const f: Field = { value: n.value, unit: n.unit, raw: n.raw, line };
  if (cell) f.cell = cell;
  return f;
}

/**
 * PDF text: a row is the label text gathered since the previous row plus a run of value tokens
 * at the end of a line. Wrapped label fragments that follow the numbers stay in the pending text
 * and so lead the next row's label; row matching looks at the end of a label for this reason.
 */
function spacedRows(lines: Line[]): TableRow[] {
  const rows: TableRow[] = [];
  let pending = '';
  let pendingLine = 0;
  for (const l of lines) {
    if (isBlank(l)) continue;
    const tokens = [...l.text.matchAll(/\S+/g)];
    let k = tokens.length;
    while (k > 0 && readNum(tokens[k - 1]![0]) !== undefined) k--;
    // No value at the end of the line: label text, wrapped or not.
    if (k === tokens.length) {
      if (!pending) pendingLine = l.n;
      pending += squash(l.text);
      continue;
    }
    const cut = tokens[k]!.index!;
    const fields: Field[] = tokens.slice(k).map((t) => fieldOf(readNum(t[0], l.raw.slice(t.index!, t.index! + t[0].length))!, l.n));
    const text = squash(l.text.slice(0, cut));
    const prev = rows[rows.length - 1];
    if (prev) prev.after = pending;
    rows.push({ label: pending + text, line: text ? l.n : pendingLine || l.n, fields, positional: false, ...(l.flat ? { flat: true } : {}) });
    pending = '';
  }
  const last = rows[rows.length - 1];
  if (last) last.after = pending;
  return rows;
}

/**
 * Fits a row's fields to `width` columns. Positional fields may carry extra empty cells from
 * merged label columns, on either side; every way of dropping only empty cells is a candidate.
 * Returns the candidates (as arrays of fields), most natural first.
 */
export function alignments(fields: Field[], width: number, open = false): Field[][] {
  if (!open) return aligned(fields, width);
  // An open row: its fields as read, and with the empty last cell its trailing tab may have closed.
  const out = aligned(fields, width);
  const seen = new Set(out.map(key));
  for (const a of aligned([...fields, ...blankFields(1, fields.at(-1)?.line ?? 0)], width)) {
    if (!seen.has(key(a))) (seen.add(key(a)), out.push(a));
  }
  return out;
}

const key = (fs: Field[]) => fs.map((f) => (f.raw === '' ? '' : `${f.line}:${f.raw}`)).join('|');

function aligned(fields: Field[], width: number): Field[][] {
  if (fields.length === width) return [fields];
  if (fields.length < width) {
    // Missing trailing cells: only safe when everything we have is blank.
    return fields.every((f) => f.value === null && !f.stacked) ? [[...fields, ...blankFields(width - fields.length, fields[0]?.line ?? 0)]] : [];
  }
  const out: Field[][] = [];
  const extra = fields.length - width;
  for (let lead = 0; lead <= extra; lead++) {
    const dropped = [...fields.slice(0, lead), ...fields.slice(lead + width)];
    if (dropped.every((f) => f.raw === '')) out.push(fields.slice(lead, lead + width));
  }
  return out;
}

export const blankFields = (n: number, line: number): Field[] =>
  Array.from({ length: n }, () => ({ value: null, unit: null, raw: '', line }));
