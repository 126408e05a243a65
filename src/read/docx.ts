/**
 * A DOCX file's body as HTML: its paragraphs, and its tables with Word's merged cells
 * (w:gridSpan across, w:vMerge down) as colspan and rowspan, so every cell keeps its place.
 * Text extraction loses exactly this; the document still has it. Pure and synchronous: the zip
 * (fflate) and the XML (htmlparser2) are read in memory.
 */
import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';

export class DocxProblem extends Error {
  constructor(readonly code: 'docx_unreadable', message: string) { super(message); }
}

interface WCell { col: number; span: number; merge: 'restart' | 'continue' | null; text: string }
interface WTable { rows: WCell[][]; row: WCell[] | null; cell: WCell | null; col: number }

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Two pieces of text joined: a space only between Latin letters or digits. */
const join = (a: string, b: string) => (a && b && /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b);

export function docxHtml(bytes: Uint8Array): string {
  let xml: string;
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
    const doc = files['word/document.xml'];
    if (!doc) throw new Error('it has no word/document.xml');
    xml = new TextDecoder().decode(doc);
  } catch (e) {
    throw new DocxProblem('docx_unreadable', `not a readable DOCX (${(e as Error).message})`);
  }
  const out: string[] = [];
  const tables: WTable[] = [];
  let para: string | null = null;
  let inText = false, skip = 0;
  const parser = new Parser({
    onopentag(name, attrs) {
      const t = tables.at(-1);
      switch (name) {
        case 'w:p': para = ''; break;
        case 'w:t': inText = true; break;
        // Deleted text and field instructions are not the document's text.
        case 'w:deltext': case 'w:instrtext': skip++; break;
        case 'w:tab': if (para !== null && !skip) para += '\t'; break;
        case 'w:br': case 'w:cr': if (para !== null && !skip) para += ' '; break;
        case 'w:tbl': tables.push({ rows: [], row: null, cell: null, col: 0 }); break;
        case 'w:tr': if (t) { t.row = []; t.rows.push(t.row); t.col = 0; } break;
        case 'w:gridbefore': if (t && t.row && !t.cell) t.col += Math.max(0, Number(attrs['w:val']) || 0); break;
        case 'w:tc': if (t?.row) { t.cell = { col: t.col, span: 1, merge: null, text: '' }; t.row.push(t.cell); } break;
        case 'w:gridspan': if (t?.cell) t.cell.span = Math.min(200, Math.max(1, Number(attrs['w:val']) || 1)); break;
        case 'w:vmerge': if (t?.cell) t.cell.merge = attrs['w:val'] === 'restart' ? 'restart' : 'continue'; break;
      }
    },
    ontext(data) {
      if (inText && !skip && para !== null) para += data;
    },
    onclosetag(name) {
      const t = tables.at(-1);
      switch (name) {
        case 'w:t': inText = false; break;
        case 'w:deltext': case 'w:instrtext': skip = Math.max(0, skip - 1); break;
        case 'w:p': {
          const text = (para ?? '').replace(/[ \t\u00a0]+/g, ' ').trim();
          para = null;
          if (t?.cell) t.cell.text = join(t.cell.text, text);
          else if (!t && text) out.push(`<p>${esc(text)}</p>`);
          break;
        }
        case 'w:tc': if (t?.cell) { t.col = t.cell.col + t.cell.span; t.cell = null; } break;
        case 'w:tr': if (t) { t.row = null; t.cell = null; } break;
        case 'w:tbl': {
          tables.pop();
          const outer = tables.at(-1);
          // A table inside a cell: its text joins the cell's.
          if (outer?.cell) outer.cell.text = join(outer.cell.text, t!.rows.flat().map((c) => c.text).join(' '));
          else if (t) out.push(...tableHtml(t.rows));
          break;
        }
      }
    },
  }, { xmlMode: true, decodeEntities: true, lowerCaseTags: true });
  parser.write(xml);
  parser.end();
  return out.join('\n') + '\n';
}

/** Rows of Word cells to HTML rows: a vertical merge's first cell spans the rows it continues into. */
function tableHtml(rows: WCell[][]): string[] {
  const out = ['<table>'];
  rows.forEach((row, r) => {
    const tds: string[] = [];
    let col = 0;
    for (const c of row) {
      if (c.merge === 'continue') { col = c.col + c.span; continue; }
      // Grid columns no cell starts in (w:gridBefore, short rows) stay blank cells.
      for (; col < c.col; col++) if (!covered(rows, r, col)) tds.push('<td></td>');
      let rowspan = 1;
      if (c.merge === 'restart') while (rows[r + rowspan]?.some((d) => d.col === c.col && d.merge === 'continue')) rowspan++;
      tds.push(`<td${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}${c.span > 1 ? ` colspan="${c.span}"` : ''}>${esc(c.text)}</td>`);
      col = c.col + c.span;
    }
    out.push(`<tr>${tds.join('')}</tr>`);
  });
  out.push('</table>');
  return out;
}

/** Whether grid column `col` of row `r` continues a vertical merge from above. */
const covered = (rows: WCell[][], r: number, col: number) => rows[r]?.some((d) => d.merge === 'continue' && d.col <= col && col < d.col + d.span) ?? false;
