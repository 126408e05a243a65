/**
 * The document model every source shape is laid out into: a sequence of lines, each either
 * prose or one table row made of cells. Source lines keep their text as printed (for `raw` and
 * provenance) beside a normalised copy used for matching. Normalisation maps one character to
 * one character, so a position in the normalised line is the same position in the printed one.
 */
export interface Line {
  /** 1-based line number in the source file. */
  n: number;
  /** As printed. */
  raw: string;
  /** Folded for matching (see `fold`); page footers blanked. */
  text: string;
  /** A table row whose cells the source itself delimits (HTML, Markdown, tabs): each in its place. */
  cells?: Cell[];
  /** Cut out of a flattened line: cells' digits may run together here, not elsewhere. */
  flat?: boolean;
}

/** Where in a source table a cell was printed: 0-based table, row and column of the expanded grid. */
export interface CellAt {
  table: number;
  row: number;
  col: number;
  /** The page of a PDF original the cell is printed on. */
  page?: number;
}

/** A source table cell as published and linked: "table-row-column", 1-based. */
export const cellName = (at: CellAt): string => `${at.table + 1}-${at.row + 1}-${at.col + 1}`;

/** One table cell and where it came from. */
export interface Cell {
  /** Folded for matching. */
  text: string;
  /** As printed. */
  raw: string;
  /** 1-based source line of the cell's text. */
  line: number;
  /** Position in the source's own table, when it has one. */
  at?: CellAt;
  /** A copy of a merged cell (rowspan/colspan) away from its origin: laid out blank. */
  spanned?: boolean;
}

import { TRADITIONAL } from './traditional.ts';

/**
 * Radicals that PDF fonts map their glyphs to instead of the characters they show ("⼀⼯⼈⺠"
 * for 一工人民): Kangxi radicals and CJK compatibility ideographs by Unicode's own mapping, the
 * simplified forms of the radicals supplement, which Unicode does not map, by hand.
 */
export const RADICALS: Record<string, string> = Object.fromEntries([
  ...Array.from({ length: 0x2fd6 - 0x2f00 }, (_, i) => String.fromCharCode(0x2f00 + i)),
  ...Array.from({ length: 0xfada - 0xf900 }, (_, i) => String.fromCharCode(0xf900 + i)),
].map((ch) => [ch, TRADITIONAL[ch.normalize('NFKC')] ?? ch.normalize('NFKC')]).filter(([a, b]) => a !== b && b!.length === 1).concat(
  [...'⺟母⺠民⻅见⻆角⻓长⻔门⻛风⻜飞⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻨麦⻩黄⻬齐⻮齿⻰龙⻳龟⻄西⻋车⻉贝⻚页⻘青'].flatMap((c, i, a) => (i % 2 ? [] : [[c, a[i + 1]!]])),
));

/** Text with PDF radicals as the characters they show. */
export const unradical = (s: string): string => (/[\u2e80-\u2fdf\uf900-\ufaff]/.test(s) ? [...s].map((c) => RADICALS[c] ?? c).join('') : s);

const FOLD: Record<string, string> = {
  ...TRADITIONAL,
  ...RADICALS,
  '＋': '+', '－': '-', '−': '-', '．': '.', '％': '%', '／': '/', '\u3000': ' ', '\u00a0': ' ',
  '\u2002': ' ', '\u2003': ' ', '\u2009': ' ', '\u200b': ' ', '\ufeff': ' ', '\u200c': ' ', '\u200d': ' ', '\u2060': ' ',
};

const esc = (ch: string) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
/** Any character `fold` changes (astral characters are never folded). */
const FOLDS = new RegExp(`[\\uff10-\\uff19${Object.keys(FOLD).filter((k) => k.length === 1).map(esc).join('')}]`);

const EVERY_FOLD = new RegExp(FOLDS.source, 'g');
const foldChar = (ch: string): string => {
  const code = ch.charCodeAt(0);
  return code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xff10 + 48) : FOLD[ch] ?? ch;
};

/**
 * Which UTF-16 code units `fold` changes, as a table: looking each character up is several times
 * faster than testing the line against FOLDS, a class of some nine hundred characters.
 */
const FOLDS_AT = new Uint8Array(0x10000);
for (let c = 0xff10; c <= 0xff19; c++) FOLDS_AT[c] = 1;
for (const k of Object.keys(FOLD)) if (k.length === 1) FOLDS_AT[k.charCodeAt(0)] = 1;

/** One-to-one fold: full-width digits and signs to ASCII, odd spaces to a space, traditional to simplified. */
export function fold(s: string): string {
  // Most lines need nothing: look rather than rebuild the string. Where some characters fold,
  // only they are replaced (the rest is copied natively, not rebuilt character by character).
  let i = 0;
  while (i < s.length && FOLDS_AT[s.charCodeAt(i)] === 0) i++;
  if (i === s.length) return s;
  return s.replace(EVERY_FOLD, foldChar);
}

/** Page footers and headers that PDF extraction leaves inside tables: "- 5 -", "第 5 页 共 9 页". */
const FOOTER = /^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;
/** Word-processor debris that extractors print: "[bookmark: _GoBack]". */
const DEBRIS = /\[bookmark:[^\]]*\]/g;

/** One source line as a layout line: folded, footers blanked, debris spaced out. */
export function lineOf(raw: string, n: number): Line {
  let t = fold(raw);
  if (FOOTER.test(t)) t = '';
  if (t.includes('[bookmark:')) t = t.replace(DEBRIS, (m) => ' '.repeat(m.length));
  return { n, raw, text: t };
}

export function toLines(text: string): Line[] {
  return text.split(/\r\n|\r|\n/).map((raw, i) => lineOf(raw, i + 1));
}

/** What the layout stage did that a reader of the numbers should know (becomes a note on the report). */
export interface LayoutNote {
  code: string;
  zh: string;
  en: string;
  line: number | null;
}

/** Two pieces of one cell's or paragraph's text joined: a space only between Latin letters or digits (Chinese runs on). */
export const joinWords = (a: string, b: string): string => (a && b && /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b);
