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
  // Built from parts and joined once, the last character kept aside: indexing a string that grows
  // by += flattens it every time, which made long sections quadratic (0.65 MB took 5 s).
  const parts: string[] = [];
  const starts: { offset: number; n: number }[] = [];
  let length = 0, last = '';
  for (const l of lines) {
    const t = l.text.trim();
    if (!t) continue;
    // CJK wraps without spaces; a space is kept only between two Latin/digit characters.
    if (length > 0 && /[\w%]/.test(last) && /^[\w]/.test(t)) {
      parts.push(' ');
      length += 1;
    }
    starts.push({ offset: length, n: l.n });
    parts.push(t);
    length += t.length;
    last = t[t.length - 1]!;
  }
  const text = parts.join('');
  return {
    text,
    lineAt(offset) {
      // The last line starting at or before offset (binary search: callers ask once per match).
      let lo = 0, hi = starts.length - 1, n = starts[0]?.n ?? 0;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]!.offset <= offset) (n = starts[mid]!.n), (lo = mid + 1);
        else hi = mid - 1;
      }
      return n;
    },
  };
}
