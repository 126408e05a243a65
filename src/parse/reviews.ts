import { REVIEW_CELLS } from '../schema/index.ts';
import { isCount } from './numbers.ts';
import { alignments, tableRows, type Field } from './rows.ts';
import { addsUp, agreed, splitCells, splitTokens } from './split.ts';
import type { Line } from './text.ts';
import { bi, type ReviewCell, type Warning } from './types.ts';

const WIDTH = REVIEW_CELLS.length;

/**
 * Table 四: fifteen cells in one row. PDF extraction sometimes prints that row far from its
 * header, after the signature at the end of the file, so `tail` (the lines after section 六)
 * is searched when the section itself holds no row of fifteen.
 */
export function readReviews(lines: Line[], tail: Line[], warnings: Warning[]): ReviewCell[] {
  const fromSection = rowOf(lines) ?? runTogether(lines, warnings);
  let fields = fromSection;
  if (!fields) {
    fields = rowOf(tail, true);
    if (fields) warnings.push({ severity: 'note', code: 't4_after_signature', ...bi(`表四的数值不在表头下，而在落款之后第 ${fields[0]!.line} 行`, `Table 四's values are printed after the signature, at line ${fields[0]!.line}.`), line: fields[0]!.line });
  }
  if (!fields) {
    warnings.push({ severity: 'warning', code: 't4_missing', ...bi('找不到表四的 15 个数值，记为空', 'Table 四: no row of fifteen values found; left null.'), line: lines[0]?.n ?? null });
  }
  return REVIEW_CELLS.map((c, i) => {
    const f = fields?.[i];
    if (f && f.value !== null && !isCount(f.value)) {
      warnings.push({ severity: 'warning', code: 't4_not_count', ...bi(`表四第 ${i + 1} 格“${f.raw}”不是件数，记为空`, `Table 四 cell ${i + 1}: "${f.raw}" is not a count; left null.`), line: f.line });
      return { ...c, value: null, line: f.line, cell: f.cell ?? null };
    }
    return { ...c, value: f?.value ?? null, line: f ? f.line : null, cell: f?.cell ?? null };
  });
}

/**
 * HTML flattened without separators runs the fifteen cells together ("00 0 00 0 0 0 00…"):
 * split by the group rule (in each group of five the first four sum to the fifth), only when
 * exactly one split satisfies it.
 */
function runTogether(lines: Line[], warnings: Warning[]): Field[] | undefined {
  for (const r of tableRows(lines)) {
    const runs = r.fields.map((f) => f.raw);
    // Flattened text with blanks printed among the digits: each mark one blank cell, the groups
    // of five adding up as far as their printed cells tell; a cell stands where every reading agrees.
    if (r.flat && runs.length < WIDTH && r.fields.some((f) => f.value === null && f.raw !== '') && r.fields.every((f) => /^\d+$/.test(f.raw) || f.value === null)) {
      const groups = (c: (number | null)[]) => [0, 5, 10].every((g) => addsUp(c.slice(g, g + 4), c[g + 4]));
      const readings = splitTokens(runs, WIDTH, groups);
      if (readings.length > 0 && readings.length <= 16) {
        const cells = agreed(readings, WIDTH);
        const line = r.fields[0]!.line;
        warnings.push(readings.length === 1
          ? { severity: 'note', code: 't4_split_digits', ...bi(`表四的数字与空白格连在一起（${runs.join(' ')}），按每组之和唯一拆分`, `Table 四: run-together digits around blank cells split the only way the group rule allows.`), line }
          : { severity: 'warning', code: 't4_ambiguous_digits', ...bi(`表四的数字与空白格连在一起（${runs.join(' ')}），有多种拆分，不一致的格记为空`, `Table 四: run-together digits around blank cells split several ways; the cells they disagree on are left null.`), line });
        return cells.map((value) => ({ value, unit: null, raw: value === null ? '' : String(value), line }));
      }
    }
    // Space-separated text that was not flattened keeps each cell a run of its own.
    if (r.positional || runs.length === 0 || runs.length >= WIDTH || !runs.every((x) => /^\d+$/.test(x)) || !(r.flat || runs.length === 1)) continue;
    if (runs.join('').length < WIDTH) continue;
    // Each group of five adds up: that alone splits the digits (one a cell, where there are fifteen).
    const splits = splitCells(runs, [5, 5, 5], true);
    const line = r.fields[0]!.line;
    if (splits.length === 1) {
      warnings.push({ severity: 'note', code: 't4_split_digits', ...bi(`表四的数字连在一起（${runs.join(' ')}），按每组前四项之和等于总计唯一拆分为 ${splits[0]!.join('|')}`, `Table 四: run-together digits split the only way the group rule allows.`), line });
      return splits[0]!.map((value) => ({ value, unit: null, raw: String(value), line }));
    }
    if (splits.length > 1) {
      warnings.push({ severity: 'warning', code: 't4_ambiguous_digits', ...bi(`表四的数字连在一起（${runs.join(' ')}），有多种拆分都符合每组之和，无法确定，记为空`, `Table 四: run-together digits split several ways that all satisfy the group rule; ambiguous, left null.`), line });
      return undefined;
    }
  }
  return undefined;
}

function rowOf(lines: Line[], strict = false): Field[] | undefined {
  const rows = tableRows(lines).filter((r) => r.fields.some((f) => f.raw !== ''));
  for (const r of rows) {
    // After the signature only a bare row of fifteen values counts: prose there ends in numbers too.
    if (strict && (r.positional || r.fields.length !== WIDTH)) continue;
    const fits = r.positional ? alignments(r.fields, WIDTH, r.open) : r.fields.length === WIDTH ? [r.fields] : [];
    if (fits.length === 1) return fits[0];
  }
  // Three groups printed one per row.
  const groups = rows.filter((r) => !r.positional && r.fields.length === 5);
  if (!strict && groups.length === 3 && rows.length === 3) return groups.flatMap((g) => g.fields);
  return undefined;
}
