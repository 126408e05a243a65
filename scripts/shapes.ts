/**
 * The shape printer: one report's cells (read from its real HTML page) printed again in the
 * shapes extracted text takes in practice (report-format.md, "What extracted text looks like"),
 * so the parser can be asked to read each shape back (test/shapes) and the scale benchmarks get
 * reports in every shape (scripts/generate-reports.ts). Pure: a `Truth` in, text out.
 */
import {
  APPLICANT_KEYS, APPLICANTS, ARTICLE20, OUTCOMES, PROCEEDINGS, REVIEW_CELLS, SECTIONS, applicationRows,
  type Template,
} from '../src/schema/index.ts';
import type { ParsedReport } from '../src/parse/index.ts';

// ---------------------------------------------------------------------------------------------
// Cells

/** Every compared cell, keyed by table: `一/total`, `二/<clause>/<item>/<measure>`, `三/<row>/<applicant>`, `四/<proceeding>/<outcome>`. */
export type Cells = Map<string, number | null>;

export const PROACTIVE_KEY = '一/total';
export const t2Key = (clause: string, item: string, measure: string) => `二/${clause}/${item}/${measure}`;
export const t3Key = (row: string, applicant: string) => `三/${row}/${applicant}`;
export const t4Key = (proceeding: string, outcome: string) => `四/${proceeding}/${outcome}`;

/** The keys of every prescribed cell of one version, in printed order. */
export function cellKeys(template: Template): string[] {
  return [
    PROACTIVE_KEY,
    ...ARTICLE20[template].flatMap((c) => c.items.flatMap((i) => c.measures.map((m) => t2Key(c.clause, i.key, m.key)))),
    ...applicationRows(template).flatMap((r) => APPLICANT_KEYS.map((a) => t3Key(r.key, a))),
    ...REVIEW_CELLS.map((c) => t4Key(c.proceeding, c.outcome)),
  ];
}

/** What a parsed report says of every prescribed cell (null where it has no value). */
export function cellsOf(r: ParsedReport, template: Template): Cells {
  const m: Cells = new Map(cellKeys(template).map((k) => [k, null]));
  m.set(PROACTIVE_KEY, r.proactiveTotal.value);
  for (const c of r.article20) m.set(t2Key(c.clause, c.item, c.measure), c.value);
  for (const c of r.applications) m.set(t3Key(c.row, c.applicant), c.value);
  for (const c of r.reviews) m.set(t4Key(c.proceeding, c.outcome), c.value);
  return m;
}

/** One report as the shapes print it: its title line and its cells. */
export interface Truth {
  id: string;
  title: string;
  year: number;
  template: Template;
  /** The signature: the agency and the date it signed (ISO), printed after section 六. */
  agency: string;
  signed: string;
  cells: Cells;
  /** Units printed after a table 二 value ("18703元"), by key; none where the column heading implies it. */
  units: Map<string, string>;
}

/** A truth from the reading of the report's HTML page. */
export function truthOf(id: string, title: string, r: ParsedReport): Truth {
  const template = r.template!;
  const units = new Map<string, string>();
  for (const c of r.article20) {
    // Only units the value printed itself: 万元 of 2021's 收费金额 comes from the heading.
    if (c.value !== null && c.unit && c.raw && /[元%]/.test(c.raw)) units.set(t2Key(c.clause, c.item, c.measure), c.unit);
  }
  const year = r.year.value!;
  return { id, title, year, template, agency: r.agencyName.value ?? '', signed: r.publishedOn.value ?? `${year + 1}-01-15`, cells: cellsOf(r, template), units };
}

// ---------------------------------------------------------------------------------------------
// The document: the six sections, prose and tables, before it is printed in a shape

export type Role = 'header' | 'group' | 'data';

/** One table row: its label (none in table 四) and its cells, already printed as text. */
export interface Row {
  role: Role;
  label: string | null;
  cells: string[];
}

export type Block =
  | { kind: 'title' | 'heading' | 'prose' | 'caption'; text: string }
  | { kind: 'table'; table: '二' | '三' | '四'; width: number; rows: Row[] };

export interface DocOptions {
  /** How a null cell prints ('' by default: a blank cell). */
  blank?: (key: string) => string;
  /** Table 二 rows with no value at all are left out, as the page left them out (default), or printed blank. */
  keepEmptyRows?: boolean;
}

/** A number as printed: no exponent, ever. */
export function plain(v: number): string {
  const s = String(v);
  if (!/e/i.test(s)) return s;
  return v.toFixed(20).replace(/\.?0+$/, '');
}

/** Every ASCII digit of a text as its full-width form (０-９): a document typed that way throughout. */
export const fullWidth = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

const GROUP_HEADINGS: Record<string, string> = {
  granted: '三、本年度办理结果',
  denied: '（三）不予公开',
  unable_to_provide: '（四）无法提供',
  not_processed: '（五）不予处理',
  other_processing: '（六）其他处理',
};

/** The report as blocks: title, six sections each with a sentence, tables 二, 三 and 四. */
export function documentOf(t: Truth, o: DocOptions = {}): Block[] {
  const blank = o.blank ?? (() => '');
  const cell = (key: string) => {
    const v = t.cells.get(key) ?? null;
    return v === null ? blank(key) : plain(v) + (t.units.get(key) ?? '');
  };
  const h = (i: number) => ({ kind: 'heading' as const, text: `${SECTIONS[i]!.numeral}、${SECTIONS[i]!.zh}` });
  const total = t.cells.get(PROACTIVE_KEY) ?? null;
  const blocks: Block[] = [{ kind: 'title', text: t.title }];

  blocks.push(h(0), { kind: 'prose', text: total === null
    ? '本机关认真贯彻落实政府信息公开条例，主动公开工作有序开展。'
    : `本年度，本机关主动公开政府信息${plain(total)}条，依法依规做好政府信息公开工作。` });

  blocks.push(h(1), { kind: 'prose', text: '本机关按照条例第二十条的规定主动公开政府信息，情况如下。' });
  for (const c of ARTICLE20[t.template]) {
    const rows: Row[] = [{ role: 'header', label: '信息内容', cells: c.measures.map((m) => m.zh) }];
    for (const item of c.items) {
      const keys = c.measures.map((m) => t2Key(c.clause, item.key, m.key));
      if (!o.keepEmptyRows && keys.every((k) => (t.cells.get(k) ?? null) === null)) continue;
      rows.push({ role: 'data', label: item.zh, cells: keys.map(cell) });
    }
    blocks.push({ kind: 'caption', text: c.zh }, { kind: 'table', table: '二', width: c.measures.length, rows });
  }

  blocks.push(h(2), { kind: 'prose', text: '本机关依法受理和办理政府信息公开申请，情况如下。' });
  const t3: Row[] = [{ role: 'header', label: '申请人情况', cells: APPLICANTS.map((a) => a.zh) }];
  const seen = new Set<string>();
  for (const r of applicationRows(t.template)) {
    const g = r.key === 'granted' ? 'granted' : r.group && r.group !== r.key && r.key !== 'other' ? r.group : undefined;
    if (g && GROUP_HEADINGS[g] && !seen.has(g)) {
      seen.add(g);
      t3.push({ role: 'group', label: GROUP_HEADINGS[g]!, cells: [] });
    }
    t3.push({ role: 'data', label: r.zh, cells: APPLICANT_KEYS.map((a) => cell(t3Key(r.key, a))) });
  }
  blocks.push({ kind: 'table', table: '三', width: APPLICANTS.length, rows: t3 });

  blocks.push(h(3), { kind: 'prose', text: '本机关政府信息公开行政复议、行政诉讼情况如下。' });
  const t4: Row[] = [
    { role: 'header', label: null, cells: PROCEEDINGS.flatMap((p) => [p.zh, '', '', '', '']) },
    { role: 'header', label: null, cells: PROCEEDINGS.flatMap(() => OUTCOMES.map((x) => x.zh)) },
    { role: 'data', label: null, cells: REVIEW_CELLS.map((c) => cell(t4Key(c.proceeding, c.outcome))) },
  ];
  blocks.push({ kind: 'table', table: '四', width: REVIEW_CELLS.length, rows: t4 });

  blocks.push(h(4), { kind: 'prose', text: '政府信息公开的及时性和规范性有待进一步提高，下一步将加强业务培训。' });
  blocks.push(h(5), { kind: 'prose', text: '无其他需要报告的事项。' });
  const [y, m, d] = t.signed.split('-').map(Number);
  if (t.agency) blocks.push({ kind: 'prose', text: t.agency });
  blocks.push({ kind: 'prose', text: `${y}年${m}月${d}日` });
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// The shapes: blocks → text, each a small pure function

/** Pipe Markdown: `#`/`##` headings, each table with a header row and a |---| rule line. */
export function pipeMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind !== 'table') out.push(b.kind === 'title' ? `# ${b.text}` : b.kind === 'heading' ? `## ${b.text}` : b.text, '');
    else {
      const cols = b.width + (b.rows[0]!.label === null ? 0 : 1);
      b.rows.forEach((r, i) => {
        const cells = [...(r.label === null ? [] : [r.label]), ...pad(r.cells, b.width)];
        out.push(`| ${cells.join(' | ')} |`);
        if (i === 0) out.push(`|${'---|'.repeat(cols)}`);
      });
      out.push('');
    }
  }
  return out.join('\n');
}

/** Tab-separated rows (DOCX text): one row a line, every cell in its place, blanks empty. */
export function tabSeparated(blocks: Block[]): string {
  return blocks.flatMap((b) => b.kind === 'table'
    ? b.rows.map((r) => [...(r.label === null ? [] : [r.label]), ...pad(r.cells, b.width)].join('\t'))
    : [b.text]).join('\n');
}

/** DOCX pasted: each cell on its own line led by a tab, rows separated by blank lines. */
export function cellPerLine(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind !== 'table') {
      out.push(b.text, '');
      continue;
    }
    for (const r of b.rows) {
      // A merged cell is one cell: table 四's proceeding headings are printed once, not padded.
      const cells = [...(r.label === null ? [] : [r.label]), ...(r.role === 'header' ? r.cells.filter((c) => c !== '') : r.cells)];
      out.push(...cells.map((c) => `\t${c}`), '');
    }
  }
  return out.join('\n');
}

/** How long a PDF label line runs before it wraps. */
export const WRAP = 14;

/** PDF text: "label 0 0 0 0 0 0 0", long labels wrapped over two lines, blanks vanish. */
export function pdfRows(blocks: Block[]): string {
  return blocks.flatMap((b) => b.kind === 'table' ? b.rows.flatMap((r) => spacedRow(r)) : [b.text]).join('\n');
}

/** PDF text whose long labels wrap around the numbers: "5.要求行政机关确认或重新出 0 0 0 0 0 0 0" then "具已获取信息". */
export function pdfRowsLabelAfter(blocks: Block[]): string {
  return blocks.flatMap((b) => b.kind === 'table' ? b.rows.flatMap((r) => spacedRow(r, true)) : [b.text]).join('\n');
}

function spacedRow(r: Row, after = false): string[] {
  const values = r.cells.filter((c) => c !== '').join(' ');
  const label = r.label ?? '';
  const line = (l: string) => [l, values].filter((s) => s !== '').join(' ');
  if (label.length <= WRAP || r.role !== 'data') return [line(label)];
  return after ? [line(label.slice(0, WRAP)), label.slice(WRAP)] : [label.slice(0, WRAP), line(label.slice(WRAP))];
}

/** PDF read column by column: table 三's labels first, then its numbers one column after another; the rest row-wise. */
export function columnMajor(blocks: Block[]): string {
  return blocks.flatMap((b) => {
    if (b.kind !== 'table') return [b.text];
    if (b.table !== '三') return b.rows.flatMap((r) => spacedRow(r));
    const [header, ...rows] = b.rows;
    const data = rows.filter((r) => r.role === 'data');
    return [
      [header!.label, ...header!.cells].join(' '),
      ...rows.map((r) => r.label!),
      ...Array.from({ length: b.width }, (_, c) => data.map((r) => r.cells[c]!)).flat(),
    ];
  }).join('\n');
}

/** HTML flattened without separators: the title on its line, the whole body on one line, cells run together. */
export function flattened(blocks: Block[]): string {
  const [title, ...body] = blocks;
  const text = (b: Block) => b.kind === 'table' ? b.rows.map((r) => (r.label ?? '') + r.cells.join('')).join('') : b.text;
  return `${text(title!)}\n${body.map(text).join('')}`;
}

const pad = (cells: string[], width: number) => cells.length >= width ? cells : [...cells, ...Array<string>(width - cells.length).fill('')];

// ---------------------------------------------------------------------------------------------
// Deliberate blanks

/**
 * A few cells blanked on purpose: two cells of table 三, one of table 二, one of table 四,
 * chosen from the report's id so every report blanks different ones. Returns the truth with
 * those cells null (what the parser must give back) and how each null prints: by turns the
 * given marks ("/" and "—" by default; "" prints nothing: in PDF text the blank vanishes).
 */
export function withBlanks(t: Truth, marks: readonly string[] = ['/', '—']): { truth: Truth; blank: (key: string) => string } {
  let h = 0;
  for (const ch of t.id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const keys = cellKeys(t.template).filter((k) => (t.cells.get(k) ?? null) !== null);
  const pick = (prefix: string, n: number) => {
    const of = keys.filter((k) => k.startsWith(prefix));
    return Array.from({ length: n }, (_, i) => of[(h + i * 97) % of.length]!).filter((k, i, a) => a.indexOf(k) === i);
  };
  const blanked = [...pick('三/', 2), ...pick('二/', 1), ...pick('四/', 1)];
  const cells: Cells = new Map(t.cells);
  for (const k of blanked) cells.set(k, null);
  const mark = new Map(blanked.map((k, i) => [k, marks[i % marks.length]!]));
  return { truth: { ...t, cells }, blank: (k) => mark.get(k) ?? marks[0]! };
}
