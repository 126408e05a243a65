/**
 * A DOCX file's body as HTML: its paragraphs, and its tables with Word's merged cells
 * (w:gridSpan across, w:vMerge down) as colspan and rowspan, so every cell keeps its place.
 * Text extraction loses exactly this; the document still has it. Pure and synchronous: the zip
 * (fflate) and the XML (htmlparser2) are read in memory.
 */
import { escapeAttr } from '../shared/html.ts';
import { joinWords } from '../layout/lines.ts';
import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';

export class DocxProblem extends Error {
  constructor(readonly code: 'docx_unreadable', message: string) { super(message); }
}

interface WCell { col: number; span: number; merge: 'restart' | 'continue' | null; text: string }
interface WTable { rows: WCell[][]; row: WCell[] | null; cell: WCell | null; col: number }


export function docxHtml(bytes: Uint8Array): string {
  let xml: string;
  let numbering: Numbering | null;
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' || f.name === 'word/numbering.xml' });
    const doc = files['word/document.xml'];
    if (!doc) throw new Error('it has no word/document.xml');
    xml = new TextDecoder().decode(doc);
    numbering = files['word/numbering.xml'] ? readNumbering(new TextDecoder().decode(files['word/numbering.xml'])) : null;
  } catch (e) {
    throw new DocxProblem('docx_unreadable', `not a readable DOCX (${(e as Error).message})`);
  }
  const out: string[] = [];
  const tables: WTable[] = [];
  // Paragraphs nest (a text box inside a paragraph): the innermost one takes the text.
  const paras: { text: string; numId: string | null; ilvl: number }[] = [];
  let inText = false, skip = 0;
  const counters = new Map<string, number[]>();
  const parser = new Parser({
    onopentag(name, attrs) {
      const t = tables.at(-1);
      switch (name) {
        case 'w:p': paras.push({ text: '', numId: null, ilvl: 0 }); break;
        case 'w:t': inText = true; break;
        // Deleted text and field instructions are not the document's text.
        case 'w:deltext': case 'w:instrtext': skip++; break;
        case 'w:tab': if (paras.length && !skip) paras.at(-1)!.text += '\t'; break;
        case 'w:br': case 'w:cr': if (paras.length && !skip) paras.at(-1)!.text += ' '; break;
        // Automatic numbering ("一、" before a heading) is not in the text: Word counts it.
        case 'w:numid': if (paras.length) paras.at(-1)!.numId = attrs['w:val'] ?? null; break;
        case 'w:ilvl': if (paras.length) paras.at(-1)!.ilvl = Math.min(8, Number(attrs['w:val']) || 0); break;
        case 'w:tbl': tables.push({ rows: [], row: null, cell: null, col: 0 }); break;
        case 'w:tr': if (t) { t.row = []; t.rows.push(t.row); t.col = 0; } break;
        case 'w:gridbefore': if (t && t.row && !t.cell) t.col += Math.max(0, Number(attrs['w:val']) || 0); break;
        case 'w:tc': if (t?.row) { t.cell = { col: t.col, span: 1, merge: null, text: '' }; t.row.push(t.cell); } break;
        case 'w:gridspan': if (t?.cell) t.cell.span = Math.min(200, Math.max(1, Number(attrs['w:val']) || 1)); break;
        case 'w:vmerge': if (t?.cell) t.cell.merge = attrs['w:val'] === 'restart' ? 'restart' : 'continue'; break;
      }
    },
    ontext(data) {
      if (inText && !skip && paras.length) paras.at(-1)!.text += data;
    },
    onclosetag(name) {
      const t = tables.at(-1);
      switch (name) {
        case 'w:t': inText = false; break;
        case 'w:deltext': case 'w:instrtext': skip = Math.max(0, skip - 1); break;
        case 'w:p': {
          const p = paras.pop();
          if (!p) break;
          const label = p.numId && numbering ? numberLabel(numbering, counters, p.numId, p.ilvl) : '';
          const text = (label + p.text).replace(/[ \t\u00a0]+/g, ' ').trim();
          // An inner paragraph's text also belongs to the one around it.
          if (paras.length) { paras.at(-1)!.text += text; break; }
          if (t?.cell) t.cell.text = joinWords(t.cell.text, text);
          else if (!t && text) out.push(`<p>${escapeAttr(text)}</p>`);
          break;
        }
        case 'w:tc': if (t?.cell) { t.col = t.cell.col + t.cell.span; t.cell = null; } break;
        case 'w:tr': if (t) { t.row = null; t.cell = null; } break;
        case 'w:tbl': {
          tables.pop();
          const outer = tables.at(-1);
          // A table inside a cell: its text joins the cell's.
          if (outer?.cell) outer.cell.text = joinWords(outer.cell.text, t!.rows.flat().map((c) => c.text).join(' '));
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
      tds.push(`<td${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}${c.span > 1 ? ` colspan="${c.span}"` : ''}>${escapeAttr(c.text)}</td>`);
      col = c.col + c.span;
    }
    out.push(`<tr>${tds.join('')}</tr>`);
  });
  out.push('</table>');
  return out;
}

/** Whether grid column `col` of row `r` continues a vertical merge from above. */
const covered = (rows: WCell[][], r: number, col: number) => rows[r]?.some((d) => d.merge === 'continue' && d.col <= col && col < d.col + d.span) ?? false;

/** Word's list definitions: for each list (w:numId), its levels' start, format and text ("%1、"). */
type Numbering = Map<string, { abstract: string; levels: Map<number, { start: number; fmt: string; text: string }> }>;

function readNumbering(xml: string): Numbering {
  const abstracts = new Map<string, Map<number, { start: number; fmt: string; text: string }>>();
  const nums = new Map<string, string>();
  let abs: Map<number, { start: number; fmt: string; text: string }> | null = null;
  let lvl: { start: number; fmt: string; text: string } | null = null;
  let num: string | null = null;
  const parser = new Parser({
    onopentag(name, a) {
      if (name === 'w:abstractnum') abstracts.set(a['w:abstractNumId'] ?? '', abs = new Map());
      else if (name === 'w:lvl' && abs) abs.set(Number(a['w:ilvl']) || 0, lvl = { start: 1, fmt: 'decimal', text: '' });
      else if (name === 'w:start' && lvl) lvl.start = Number(a['w:val']) || 0;
      else if (name === 'w:numfmt' && lvl) lvl.fmt = a['w:val'] ?? 'decimal';
      else if (name === 'w:lvltext' && lvl) lvl.text = a['w:val'] ?? '';
      else if (name === 'w:num') num = a['w:numId'] ?? null;
      else if (name === 'w:abstractnumid' && num !== null) nums.set(num, a['w:val'] ?? '');
    },
    onclosetag(name) {
      if (name === 'w:abstractnum') abs = null;
      else if (name === 'w:lvl') lvl = null;
      else if (name === 'w:num') num = null;
    },
  }, { xmlMode: true, lowerCaseTags: true });
  parser.write(xml);
  parser.end();
  const out: Numbering = new Map();
  for (const [id, a] of nums) out.set(id, { abstract: a, levels: abstracts.get(a) ?? new Map() });
  return out;
}

const DIGITS = '〇一二三四五六七八九';
/** 1–99 in Chinese counting: 一, 十, 十一, 二十一. */
function chinese(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 100) return `${n >= 20 ? DIGITS[Math.floor(n / 10)] : ''}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}
function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting': case 'chineseCountingThousand': case 'chineseLegalSimplified': case 'ideographDigital': return chinese(n);
    case 'ideographTraditional': return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n);
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese': return n >= 1 && n <= 20 ? String.fromCharCode(0x245f + n) : String(n);
    case 'upperLetter': return n >= 1 && n <= 26 ? String.fromCharCode(64 + n) : String(n);
    case 'lowerLetter': return n >= 1 && n <= 26 ? String.fromCharCode(96 + n) : String(n);
    case 'none': case 'bullet': return '';
    default: return String(n);
  }
}

/** The label Word prints before a numbered paragraph, counting as Word counts: per list, deeper levels restart. */
function numberLabel(numbering: Numbering, counters: Map<string, number[]>, numId: string, ilvl: number): string {
  const list = numbering.get(numId);
  const level = list?.levels.get(ilvl);
  if (!list || !level || level.fmt === 'bullet') return '';
  const c = counters.get(list.abstract) ?? [];
  counters.set(list.abstract, c);
  c[ilvl] = c[ilvl] === undefined ? level.start : c[ilvl]! + 1;
  c.length = ilvl + 1;
  return level.text.replace(/%(\d)/g, (_, k: string) => {
    const i = Number(k) - 1, l = list.levels.get(i);
    return l ? formatNumber(c[i] ?? l.start, l.fmt) : '';
  });
}
