/**
 * The text layer: source lines kept as printed (for `raw` and provenance) beside a normalised
 * copy used for matching. Normalisation maps one character to one character, so a position in
 * the normalised line is the same position in the printed one.
 */
export interface Line {
  /** 1-based line number in the source file. */
  n: number;
  /** As printed. */
  raw: string;
  /** Folded for matching (see `fold`); page footers blanked. */
  text: string;
}

import { TRADITIONAL } from './traditional.ts';

const FOLD: Record<string, string> = {
  ...TRADITIONAL,
  '＋': '+', '－': '-', '−': '-', '．': '.', '％': '%', '／': '/', '\u3000': ' ', '\u00a0': ' ',
  '\u2002': ' ', '\u2003': ' ', '\u2009': ' ', '\u200b': ' ', '\ufeff': ' ',
};

/** One-to-one fold: full-width digits and signs to ASCII, odd spaces to a space, traditional to simplified. */
export function fold(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else out += FOLD[ch] ?? ch;
  }
  return out;
}

/** Page footers and headers that PDF extraction leaves inside tables: "- 5 -", "第 5 页 共 9 页". */
const FOOTER = /^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;
/** Word-processor debris that extractors print: "[bookmark: _GoBack]". */
const DEBRIS = /\[bookmark:[^\]]*\]/g;

export function toLines(text: string): Line[] {
  return text.split(/\r\n|\r|\n/).map((raw, i) => {
    let t = fold(raw);
    if (FOOTER.test(t)) t = '';
    t = t.replace(DEBRIS, (m) => ' '.repeat(m.length));
    return { n: i + 1, raw, text: t };
  });
}

export const isBlank = (l: Line): boolean => l.text.trim() === '';

/** Removes all white space: wrapped CJK text carries no meaningful spaces. */
export const squash = (s: string): string => s.replace(/\s+/g, '');

/**
 * Joins wrapped prose lines into one string and remembers where each line starts, so a match
 * in the joined text can be traced back to its source line.
 */
export interface Prose {
  text: string;
  lineAt(offset: number): number;
}

export function prose(lines: Line[]): Prose {
  let text = '';
  const starts: { offset: number; n: number }[] = [];
  for (const l of lines) {
    const t = l.text.trim();
    if (!t) continue;
    // CJK wraps without spaces; a space is kept only between two Latin/digit characters.
    if (text && /[\w%]$/.test(text) && /^[\w]/.test(t)) text += ' ';
    starts.push({ offset: text.length, n: l.n });
    text += t;
  }
  return {
    text,
    lineAt(offset) {
      let n = starts[0]?.n ?? 0;
      for (const s of starts) {
        if (s.offset > offset) break;
        n = s.n;
      }
      return n;
    },
  };
}
