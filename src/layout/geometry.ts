/**
 * PDF geometry to the document model's source form. A PDF knows where each piece of text is and
 * where the table borders run; from that:
 * - table cells come from the ruling lines (a cell is a box of the border grid; a box without a
 *   border between it and its neighbour is one merged cell), and every text item falls in its
 *   cell, so blanks stay blank, a label wrapped over lines stays one label and a side header
 *   printed one character per line is one cell;
 * - a table that ends one page and opens the next is one table, its repeated header rows dropped;
 * - text outside tables becomes lines, and lines that run to the margin and go on unindented
 *   become one paragraph, across page breaks too; page numbers in the margins are dropped.
 * The result is HTML (paragraphs and tables with rowspan and colspan, each cell carrying its page
 * and box), which the HTML layout reads like any web page, and which a reader can open.
 * Pure: pages in, text out.
 */

/** A run of text: baseline origin `x`, `y` (points, y up), width and font size. */
export interface TextItem { str: string; x: number; y: number; w: number; h: number }
/** A thin axis-aligned line or box drawn on the page: a border. */
export interface Rule { x0: number; y0: number; x1: number; y1: number }
export interface PdfPage { n: number; width: number; height: number; items: TextItem[]; rules: Rule[] }

import { escapeAttr } from '../shared/html.ts';
import { joinWords, unradical } from './lines.ts';

const TOL = 2;

interface Seg { at: number; from: number; to: number }
/** A cell of a table part: grid rows r0..r1 (exclusive) of its page part, its x range, its text. */
interface GCell { r0: number; r1: number; x0: number; x1: number; text: string; page: number; box: [number, number, number, number] }
interface Part {
  page: number; top: number; left: number; right: number; rows: number; cells: GCell[];
  /** Cut by the page break below or above: the row there goes on across the break. */
  cutBelow: boolean; cutAbove: boolean;
}
type Block = { page: number; top: number; kind: 'line'; line: PLine } | { page: number; top: number; kind: 'table'; part: Part };
/** A line of prose: its text and extent. */
interface PLine { text: string; x0: number; x1: number; y: number; h: number; page: number }

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
/**
 * Items of one baseline, left to right, joined. A gap of a third of the type size or more is a
 * space, except beside a Chinese character: the space word processors set between Chinese and
 * digits ("共 152 条") is typography, not a separator.
 */
function joinLine(items: TextItem[]): string {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  let out = '', end = -Infinity;
  for (const it of sorted) {
    if (out && it.x - end > it.h * 0.3 && (it.x - end > it.h * 1.5 || !(CJK.test(out[out.length - 1]!) || CJK.test(it.str[0]!)))) out += ' ';
    out += it.str;
    end = Math.max(end, it.x + it.w);
  }
  return out;
}

/** Items grouped into lines, top to bottom. */
function lines(items: TextItem[]): TextItem[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const out: TextItem[][] = [];
  for (const it of sorted) {
    const last = out.at(-1);
    if (last && Math.abs(last[0]!.y - it.y) <= Math.max(1, 0.4 * Math.min(last[0]!.h, it.h))) last.push(it);
    else out.push([it]);
  }
  return out;
}

/** Values within `tol` of each other as one, sorted. */
function cluster(values: number[], tol = TOL): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last && v - last[last.length - 1]! <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** Collinear touching segments as one: segments within a point of one line, then their intervals. */
function mergeSegs(segs: Seg[]): Seg[] {
  const byLine: Seg[][] = [];
  for (const s of [...segs].sort((a, b) => a.at - b.at)) {
    const last = byLine.at(-1);
    if (last && s.at - last[last.length - 1]!.at <= 1) last.push(s);
    else byLine.push([s]);
  }
  const out: Seg[] = [];
  for (const line of byLine) {
    const at = line.reduce((n, s) => n + s.at, 0) / line.length;
    let cur: Seg | null = null;
    for (const s of line.sort((a, b) => a.from - b.from)) {
      if (cur && s.from <= cur.to + TOL) cur.to = Math.max(cur.to, s.to);
      else out.push(cur = { at, from: s.from, to: s.to });
    }
  }
  return out;
}

const find = (p: number[], i: number): number => {
  while (p[i] !== i) i = p[i] = p[p[i]!]!;
  return i;
};

/** Tables of one page from its borders, with its text items placed in their cells. */
function tablesOf(page: PdfPage, free: Set<TextItem>): Part[] {
  const h = mergeSegs(page.rules.filter((r) => r.y1 - r.y0 <= 2.5 && r.x1 - r.x0 > 2).map((r) => ({ at: (r.y0 + r.y1) / 2, from: r.x0, to: r.x1 })));
  const v = mergeSegs(page.rules.filter((r) => r.x1 - r.x0 <= 2.5 && r.y1 - r.y0 > 2).map((r) => ({ at: (r.x0 + r.x1) / 2, from: r.y0, to: r.y1 })));
  // Borders that touch form one table.
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i);
  for (let i = 0; i < h.length; i++) {
    for (let j = 0; j < v.length; j++) {
      const a = h[i]!, b = v[j]!;
      if (b.at >= a.from - TOL && b.at <= a.to + TOL && a.at >= b.from - TOL && a.at <= b.to + TOL) parent[find(parent, i)] = find(parent, h.length + j);
    }
  }
  const groups = new Map<number, { h: Seg[]; v: Seg[] }>();
  parent.forEach((_, i) => {
    const g = groups.get(find(parent, i)) ?? { h: [], v: [] };
    groups.set(find(parent, i), g);
    if (i < h.length) g.h.push(h[i]!);
    else g.v.push(v[i - h.length]!);
  });
  // A side border that meets no other border (a merged side header going on from the page
  // before, with no rule above or below it here) belongs to the table whose height it spans.
  const tablesFound = [...groups.values()].filter((g) => g.h.length >= 2 && g.v.length >= 2);
  for (const g of groups.values()) {
    if (g.h.length > 0 || g.v.length !== 1) continue;
    const s = g.v[0]!;
    const home = tablesFound.find((t) => {
      const lo = Math.min(...t.v.map((x) => x.from)), hi = Math.max(...t.v.map((x) => x.to));
      return Math.abs(s.from - lo) <= 3 * TOL && Math.abs(s.to - hi) <= 3 * TOL;
    });
    if (home) { home.v.push(s); g.v = []; }
  }
  const parts: Part[] = [];
  // Smaller tables first: a frame drawn around a page (or a box around a table) must not take
  // the text of the tables inside it.
  const area = (g: { h: Seg[]; v: Seg[] }) => (Math.max(...g.v.map((x) => x.at)) - Math.min(...g.v.map((x) => x.at))) * (Math.max(...g.h.map((x) => x.at)) - Math.min(...g.h.map((x) => x.at)));
  for (const g of [...groups.values()].filter((x) => x.h.length && x.v.length).sort((a, b) => area(a) - area(b))) {
    // A table cut by a page break has no border at the cut: its side borders run on to it.
    const top = Math.max(...g.h.map((s) => s.at)), bottom = Math.min(...g.h.map((s) => s.at));
    const vTop = Math.max(...g.v.map((s) => s.to)), vBottom = Math.min(...g.v.map((s) => s.from));
    const left = Math.min(...g.v.map((s) => s.at)), right = Math.max(...g.v.map((s) => s.at));
    const cutAbove = vTop > top + 3 * TOL, cutBelow = vBottom < bottom - 3 * TOL;
    // The table's outer edges bound its cells even where no rule is drawn there.
    g.h.push({ at: Math.max(top, vTop), from: left, to: right }, { at: Math.min(bottom, vBottom), from: left, to: right });
    const xs = cluster(g.v.map((s) => s.at)), ys = cluster(g.h.map((s) => s.at)).reverse();
    if (xs.length < 2 || ys.length < 2) continue;
    const rows = ys.length - 1, cols = xs.length - 1;
    // A single box (a page frame, a boxed note) is not a table: its text stays prose.
    if (rows * cols < 2) continue;
    const covers = (segs: Seg[], at: number, mid: number) => segs.some((s) => Math.abs(s.at - at) <= TOL && s.from <= mid + 0.5 && s.to >= mid - 0.5);
    // Grid boxes without a border between them are one merged cell.
    const p = Array.from({ length: rows * cols }, (_, i) => i);
    for (let r = 0; r < rows; r++) {
      const ymid = (ys[r]! + ys[r + 1]!) / 2;
      for (let c = 0; c < cols; c++) {
        const xmid = (xs[c]! + xs[c + 1]!) / 2;
        if (c + 1 < cols && !covers(g.v, xs[c + 1]!, ymid)) p[find(p, r * cols + c)] = find(p, r * cols + c + 1);
        if (r + 1 < rows && !covers(g.h, ys[r + 1]!, xmid)) p[find(p, r * cols + c)] = find(p, (r + 1) * cols + c);
      }
    }
    const boxes = new Map<number, { r0: number; r1: number; c0: number; c1: number; items: TextItem[] }>();
    for (let i = 0; i < rows * cols; i++) {
      const r = Math.floor(i / cols), c = i % cols, k = find(p, i);
      const b = boxes.get(k);
      if (!b) boxes.set(k, { r0: r, r1: r + 1, c0: c, c1: c + 1, items: [] });
      else Object.assign(b, { r0: Math.min(b.r0, r), r1: Math.max(b.r1, r + 1), c0: Math.min(b.c0, c), c1: Math.max(b.c1, c + 1) });
    }
    const at = (list: number[], v: number, down: boolean) => {
      for (let i = 0; i + 1 < list.length; i++) if (down ? v <= list[i]! && v > list[i + 1]! : v >= list[i]! && v < list[i + 1]!) return i;
      return -1;
    };
    for (const it of free) {
      const cx = it.x + Math.min(it.w, it.h) / 2, cy = it.y + it.h * 0.3;
      const c = at(xs, cx, false), r = at(ys, cy, true);
      if (c < 0 || r < 0) continue;
      boxes.get(find(p, r * cols + c))!.items.push(it);
      free.delete(it);
    }
    const cells: GCell[] = [...boxes.values()].map((b) => ({
      r0: b.r0, r1: b.r1, x0: xs[b.c0]!, x1: xs[b.c1]!, page: page.n,
      text: joinCell(b.items), box: [xs[b.c0]!, ys[b.r1]!, xs[b.c1]! - xs[b.c0]!, ys[b.r0]! - ys[b.r1]!],
    }));
    parts.push({ page: page.n, top: ys[0]!, left: xs[0]!, right: xs[cols]!, rows, cells, cutAbove, cutBelow });
  }
  return parts;
}

/** A cell's text: its lines joined; a line break between two Latin letters or digits is a space. */
function joinCell(items: TextItem[]): string {
  let out = '';
  for (const l of lines(items)) {
    const t = joinLine(l);
    out = joinWords(out, t);
  }
  return out.trim();
}

/** Page numbers and running heads: "- 5 -", "第 5 页 共 9 页", "5 / 9", "5". */
const FURNITURE = /^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|\d{1,3})\s*$/;

export function geometryHtml(pages: PdfPage[]): string {
  const blocks: Block[] = [];
  for (const page of pages) {
    // The characters the glyphs show, not the radicals some fonts map them to.
    const free = new Set(page.items.map((it) => ({ ...it, str: unradical(it.str) })));
    for (const part of tablesOf(page, free)) blocks.push({ page: page.n, top: part.top, kind: 'table', part });
    for (const l of lines([...free])) {
      const text = joinLine(l).trim();
      const y = l[0]!.y, hh = Math.max(...l.map((i) => i.h));
      // Page furniture sits in the top or bottom margin.
      if (FURNITURE.test(text) && (y < page.height * 0.12 || y > page.height * 0.9)) continue;
      const x0 = Math.min(...l.map((i) => i.x)), x1 = Math.max(...l.map((i) => i.x + i.w));
      blocks.push({ page: page.n, top: y + hh, kind: 'line', line: { text, x0, x1, y, h: hh, page: page.n } });
    }
  }
  blocks.sort((a, b) => a.page - b.page || b.top - a.top);

  // The prose column's edges, from the lines of body text.
  const prose = blocks.flatMap((b) => (b.kind === 'line' ? [b.line] : []));
  const left = quantile(prose.map((l) => l.x0), 0.1), right = quantile(prose.map((l) => l.x1), 0.9);
  const body = quantile(prose.map((l) => l.h), 0.5);
  const centred = (l: PLine) => Math.abs((l.x0 + l.x1) / 2 - (left + right) / 2) <= 2 * l.h;

  const out: string[] = [];
  let para: PLine[] = [];
  const flush = () => {
    if (para.length) out.push(`<p data-page="${para[0]!.page}">${escapeAttr(para.map((l) => l.text).reduce((s, t) => s + (/[A-Za-z0-9,.;:]$/.test(s) && /^[A-Za-z0-9]/.test(t) ? ' ' : '') + t, ''))}</p>`);
    para = [];
  };
  let table: Part[] = [];
  const flushTable = () => {
    if (table.length) out.push(...tableHtml(table));
    table = [];
  };
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'table') {
      flush();
      const prev = table.at(-1);
      // A table that ends one page and opens the next, with the same outer edges, goes on.
      const continues = prev && b.page === prev.page + 1 && blocks[i - 1]?.kind === 'table' && Math.abs(prev.left - b.part.left) <= 3 * TOL && Math.abs(prev.right - b.part.right) <= 3 * TOL;
      if (!continues) flushTable();
      table.push(b.part);
      continue;
    }
    flushTable();
    const l = b.line, last = para.at(-1);
    const near = last && Math.abs(last.h - l.h) <= 0.15 * l.h && (l.page === last.page ? last.y - l.y <= 2.2 * l.h : l.page === last.page + 1);
    // Body text runs to the margin and goes on unindented (a new paragraph is indented or follows
    // a short line); a title in large type wraps onto a line of its own size.
    const joins = near && ((last.x1 >= right - 3 * l.h && l.x0 <= left + 0.5 * l.h) || (l.h >= 1.1 * body && l.page === last.page && centred(last) && centred(l)));
    if (!joins) flush();
    para.push(l);
  }
  flush();
  flushTable();
  return out.join('\n') + '\n';
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}


/**
 * One table from its page parts: columns from all parts' edges (a part's cell spans the columns
 * between its edges), repeated header rows dropped, grid boxes no cell covers written as blank
 * cells so that every cell keeps its column.
 */
function tableHtml(parts: Part[]): string[] {
  for (let k = 1; k < parts.length; k++) joinCut(parts[k - 1]!, parts[k]!);
  const xs = cluster(parts.flatMap((p) => p.cells.flatMap((c) => [c.x0, c.x1])), 3 * TOL);
  const col = (x: number) => xs.reduce((best, v, i) => (Math.abs(v - x) < Math.abs(xs[best]! - x) ? i : best), 0);
  const width = xs.length - 1;
  const rowsOf = (p: Part) => Array.from({ length: p.rows }, (_, r) => p.cells.filter((c) => c.r0 === r).sort((a, b) => a.x0 - b.x0));
  const sig = (row: GCell[]) => row.map((c) => c.text).join('|');
  const head = parts[0] ? rowsOf(parts[0]).map(sig) : [];
  const out = [`<table data-page="${parts[0]?.page ?? ''}">`];
  // Columns still covered by a cell from a row above: how many rows more.
  let covered = new Array<number>(width).fill(0);
  parts.forEach((p, k) => {
    const rows = rowsOf(p);
    covered = covered.fill(0);
    // A continuation that repeats the table's header rows: drop the repeat.
    let skip = 0;
    if (k > 0) while (skip < rows.length && skip < head.length && head[skip] !== '' && sig(rows[skip]!) === head[skip]) skip++;
    // Cells of skipped rows that reach below them still take their columns.
    for (const c of p.cells) if (c.r0 < skip && c.r1 > skip) for (let x = col(c.x0); x < col(c.x1); x++) covered[x] = c.r1 - skip;
    rows.forEach((row, r) => {
      if (r < skip) return;
      const starts = new Map(row.map((c) => [col(c.x0), c]));
      const tds: string[] = [];
      for (let x = 0; x < width;) {
        if (covered[x]! > 0) { x++; continue; }
        const c = starts.get(x);
        if (!c) { tds.push('<td></td>'); x++; continue; }
        const colspan = Math.max(1, col(c.x1) - x), rowspan = c.r1 - c.r0;
        for (let y = x; y < x + colspan; y++) covered[y] = rowspan;
        const attrs = `${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}${colspan > 1 ? ` colspan="${colspan}"` : ''} data-page="${c.page}" data-box="${c.box.map((n) => n.toFixed(1)).join(',')}"`;
        tds.push(`<td${attrs}>${escapeAttr(c.text)}</td>`);
        x += colspan;
      }
      for (let y = 0; y < width; y++) covered[y] = Math.max(0, covered[y]! - 1);
      out.push(`<tr>${tds.join('')}</tr>`);
    });
  });
  out.push('</table>');
  return out;
}

/**
 * A row cut by a page break is one row: the text of the continuation's first row goes to the cell
 * above it (the last row of the part before), and that row is dropped. Cells that span on below
 * the first row stay where they are.
 */
function joinCut(prev: Part, next: Part): void {
  if (next.rows < 2) return;
  const first = next.cells.filter((c) => c.r0 === 0 && c.r1 === 1);
  const last = prev.cells.filter((c) => c.r1 === prev.rows);
  if (first.length === 0) return;
  const num = (t: string) => /^[\d,.，]+$/.test(t);
  // Without borders left open at the break (word processors close them), a first row that only
  // carries words where the row above has numbers, and blanks under its numbers, is that row's end.
  const open = prev.cutBelow && next.cutAbove;
  const tail = first.length >= 2 && first.some((c) => c.text !== '') && !first.some((c) => num(c.text))
    && last.some((d) => num(d.text)) && first.every((c) => c.text === '' || !num(overlapping(last, c)?.text ?? ''));
  if (!open && !tail) return;
  for (const c of first) {
    const above = overlapping(last, c);
    if (above && c.text) above.text = above.text + c.text;
  }
  next.cells = next.cells.filter((c) => !first.includes(c)).map((c) => ({ ...c, r0: Math.max(0, c.r0 - 1), r1: c.r1 - 1 }));
  next.rows--;
}

const overlapping = (cells: GCell[], c: GCell) => cells.find((d) => Math.min(d.x1, c.x1) - Math.max(d.x0, c.x0) > (c.x1 - c.x0) / 2);
