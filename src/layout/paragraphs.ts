import { fold, type Cell, type Line } from './lines.ts';

/** One value alone on its line: a number, or a blank written as "/" or "—". */
const VALUE = /^\s*(?:[+-]?\d[\d,]*(?:\.\d+)?\s*(?:万元|元|%)?|\/|-|—|——|–|无)\s*$/;
const LABEL = /[\u4e00-\u9fa5]/;

/**
 * One cell per line or per paragraph (a DOCX table pasted into a page, each cell its own
 * paragraph): a label line followed by its values, each alone on a line. Each such group becomes
 * one row of cells, every cell keeping its line. Only where the document has several groups of
 * two to fifteen values (a table row's widths), so prose and other shapes are left alone.
 */
export function cellPerLine(lines: Line[]): Line[] {
  const groups: { label: number; values: number[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    // Lines led by a tab are DOCX text's own cell layout, read by the table readers as such.
    if (l.cells || l.text.startsWith('\t') || !LABEL.test(l.text) || /\d\s*$/.test(l.text) || l.text.length > 80) continue;
    const values: number[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const t = lines[j]!;
      if (t.text.trim() === '') continue;
      if (t.cells || t.text.startsWith('\t') || !VALUE.test(t.text)) break;
      values.push(j);
    }
    if (values.length >= 2 && values.length <= 15) groups.push({ label: i, values });
  }
  if (groups.length < 3) return lines;
  const take = new Map(groups.map((g) => [g.label, g]));
  const skip = new Set(groups.flatMap((g) => g.values));
  const out: Line[] = [];
  lines.forEach((l, i) => {
    if (skip.has(i)) return;
    const g = take.get(i);
    if (!g) return void out.push(l);
    const cells: Cell[] = [{ text: l.text.trim(), raw: l.raw.trim(), line: l.n },
      ...g.values.map((k) => ({ text: fold(lines[k]!.text).trim(), raw: lines[k]!.raw.trim(), line: lines[k]!.n }))];
    out.push({ n: l.n, raw: cells.map((c) => c.raw).join('\t'), text: cells.map((c) => c.text).join('\t'), cells });
  });
  return out;
}
