import { SECTIONS, type SectionKey } from '../schema/index.ts';
import { squash, type Line } from './text.ts';

export interface Section {
  key: SectionKey;
  heading: string;
  /** Index into the line array of the heading line. */
  at: number;
  /** Index one past the section's last line. */
  end: number;
}

// "一、", "1、" or "1." in front of a heading ("（一）" numbers sub-headings, which say "主动公开情况" too).
const NUMBERED = /^\s*(?:[一二三四五六七八]|[1-8])\s*[、.．]\s*/;

/**
 * Finds the six section headings in order. A heading is a short numbered line whose text means
 * the section (labels vary: 一、概述 / 1、总体情况); table rows such as "四、结转下年度继续办理"
 * do not match because they mean something else.
 */
export function findSections(lines: Line[]): Section[] {
  // Each line's headings: its number stripped and its length measured once, then every section's words tried.
  const candidates = lines.map((l) => {
    const body = l.text.replace(NUMBERED, '');
    if (body === l.text || squash(body).length > 30) return [];
    return SECTIONS.filter((s) => s.match.test(body)).map((s) => s.key);
  });
  // A table of contents lists the headings one after another: a heading followed at once by
  // another, with the same heading again further on, is an entry of the contents, not the section.
  const next = (i: number) => {
    for (let j = i + 1; j < lines.length; j++) if (lines[j]!.text.trim()) return j;
    return -1;
  };
  const contents = (i: number, key: string) => {
    const j = next(i);
    return j >= 0 && candidates[j]!.length > 0 && candidates.some((c, k) => k > j && c.includes(key as never));
  };
  const found: Omit<Section, 'end'>[] = [];
  let from = 0;
  for (const s of SECTIONS) {
    for (let i = from; i < lines.length; i++) {
      if (!candidates[i]!.includes(s.key) || contents(i, s.key)) continue;
      found.push({ key: s.key, heading: squash(lines[i]!.raw), at: i });
      from = i + 1;
      break;
    }
  }
  return found.map((s, k) => ({ ...s, end: found[k + 1]?.at ?? lines.length }));
}

export function section(sections: Section[], key: SectionKey): Section | undefined {
  return sections.find((s) => s.key === key);
}
