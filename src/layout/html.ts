import { Parser } from 'htmlparser2';
import { fold, lineOf, type Cell, type Line } from './lines.ts';

/** Elements whose start or end ends a line of prose. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'title', 'caption',
]);
/** Elements whose text is not the document's. */
const DROP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object']);

interface RawCell { raw: string; line: number; rowspan: number; colspan: number; page?: number }
interface Table { rows: RawCell[][]; row: RawCell[] | null; cell: RawCell | null }

/** HTML that arrived inside a JavaScript string ("<p style=\\"…\\">…\\n"), unescaped. */
export function unescapeScriptString(s: string): string {
  return unescaped(s).text;
}

/** The unescaped text and, for each of its lines, the line of the source it came from. */
function unescaped(s: string): { text: string; sourceLine: (k: number) => number } {
  if (!/\\"|\\n|\\\//.test(s) || !/<\w+[^>]*\\"/.test(s) && !/\\n\s*</.test(s)) return { text: s, sourceLine: (k) => k };
  const origin: number[] = [1];
  let line = 1;
  const text = s.replace(/\\(u[0-9a-fA-F]{4}|.)|\r\n|\r|\n/g, (m: string, c: string | undefined) => {
    if (c === undefined) return (line++, origin.push(line), '\n');
    if (c === 'n') return (origin.push(line), '\n');
    return c[0] === 'u' && c.length === 5 ? String.fromCharCode(parseInt(c.slice(1), 16)) : c === 't' ? '\t' : c === 'r' ? '' : c;
  });
  return { text, sourceLine: (k) => origin[k - 1] ?? line };
}

/**
 * HTML to layout lines: each block of prose one line, each table row one line of cells with
 * rowspan and colspan expanded (copies marked `spanned`, laid out blank), blank cells kept in
 * place, scripts and styles dropped. Every line and cell keeps the source line it starts on
 * and, for cells, its table, row and column.
 */
export function layoutHtml(source: string): Line[] {
  const { text: html, sourceLine } = unescaped(source);
  // Lines as the text layer counts them (\r\n, \r or \n), mapped back to the source's.
  const starts = [0];
  for (const m of html.matchAll(/\r\n|\r|\n/g)) starts.push(m.index + m[0].length);
  const lineAt = (offset: number) => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return sourceLine(lo + 1);
  };

  const out: Line[] = [];
  let text = '';
  let textLine = 0;
  let drop = 0;
  const tables: Table[] = [];
  let tableCount = 0;

  const flush = () => {
    const t = text.replace(/[ \t\r\n]+/g, ' ').trim();
    if (t) out.push(lineOf(t, textLine));
    text = '';
  };

  const parser = new Parser({
    onopentag(name, attrs) {
      if (DROP.has(name)) { drop++; return; }
      if (drop) return;
      const table = tables.at(-1);
      if (name === 'title') { flush(); }
      if (name === 'table') {
        if (table?.cell) { table.cell.raw += ' '; tables.push({ rows: [], row: null, cell: null }); return; }
        flush();
        tables.push({ rows: [], row: null, cell: null });
        return;
      }
      if (table) {
        if (name === 'tr') { table.row = []; table.rows.push(table.row); return; }
        if (name === 'td' || name === 'th') {
          if (!table.row) { table.row = []; table.rows.push(table.row); }
          // A PDF's cells say which page they are printed on (src/layout/geometry.ts).
          const page = Number.parseInt(attrs['data-page'] ?? '', 10);
          table.cell = { raw: '', line: lineAt(parser.startIndex), rowspan: span(attrs.rowspan), colspan: span(attrs.colspan), ...(page > 0 ? { page } : {}) };
          table.row.push(table.cell);
          return;
        }
        // Paragraphs and breaks inside a cell separate words, not cells.
        if (table.cell && BLOCK.has(name) && table.cell.raw && !/\s$/.test(table.cell.raw)) table.cell.raw += ' ';
        return;
      }
      if (BLOCK.has(name)) flush();
    },
    ontext(data) {
      if (drop) return;
      const table = tables.at(-1);
      if (table) {
        if (table.cell) {
          if (!table.cell.raw.trim()) table.cell.line = lineAt(parser.startIndex);
          table.cell.raw += data;
        }
        return;
      }
      if (!text.trim()) textLine = lineAt(parser.startIndex);
      text += data;
    },
    onclosetag(name) {
      if (DROP.has(name)) { drop = Math.max(0, drop - 1); return; }
      if (drop) return;
      const table = tables.at(-1);
      if (name === 'title') { flush(); return; }
      if (name === 'table' && table) {
        tables.pop();
        const outer = tables.at(-1);
        if (outer?.cell) {
          // A table inside a cell: its text joins the cell's.
          outer.cell.raw += ' ' + table.rows.map((r) => r.map((c) => c.raw).join(' ')).join(' ');
          return;
        }
        out.push(...gridLines(table.rows, tableCount++));
        return;
      }
      if (table) {
        if (name === 'td' || name === 'th') table.cell = null;
        else if (name === 'tr') { table.row = null; table.cell = null; }
        return;
      }
      if (BLOCK.has(name)) flush();
    },
  }, { decodeEntities: true, lowerCaseTags: true });
  parser.write(html);
  parser.end();
  while (tables.length) {
    // An unclosed table still yields its rows.
    const t = tables.pop()!;
    out.push(...gridLines(t.rows, tableCount++));
  }
  flush();
  return out;
}

const span = (v: string | undefined) => {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 200) : 1;
};

/** Expands rowspan and colspan into a grid; each grid row becomes one line of cells. */
function gridLines(rows: RawCell[][], table: number): Line[] {
  const grid: (Cell | undefined)[][] = [];
  rows.forEach((cells, r) => {
    const row = (grid[r] ??= []);
    let c = 0;
    for (const cell of cells) {
      while (row[c]) c++;
      const raw = cell.raw.replace(/[ \t\r\n]+/g, ' ').trim();
      const page = cell.page ? { page: cell.page } : {};
      const origin: Cell = { text: fold(raw).trim(), raw, line: cell.line, at: { table, row: r, col: c, ...page } };
      for (let dr = 0; dr < cell.rowspan && (dr === 0 || r + dr < rows.length); dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < cell.colspan; dc++) {
          target[c + dc] = dr === 0 && dc === 0 ? origin
            : { text: '', raw: '', line: cell.line, at: { table, row: r + dr, col: c + dc, ...page }, spanned: true };
        }
      }
      c += cell.colspan;
    }
  });
  const lines: Line[] = [];
  grid.forEach((row, r) => {
    const cells = Array.from(row, (c, col) => c ?? { text: '', raw: '', line: rows[r]?.[0]?.line ?? 0, at: { table, row: r, col } });
    if (cells.length === 0 || cells.every((c) => c.text === '')) return;
    const first = cells.find((c) => c.text !== '') ?? cells[0]!;
    lines.push({ n: first.line, raw: cells.map((c) => c.raw).join('\t'), text: cells.map((c) => c.text).join('\t'), cells });
  });
  return lines;
}
