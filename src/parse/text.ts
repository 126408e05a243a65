import type { Line } from '../layout/lines.ts';

export { fold, toLines, type Line } from '../layout/lines.ts';

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
    if (text && /[\w%]/.test(text[text.length - 1]!) && /^[\w]/.test(t)) text += ' ';
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
