import { ARTICLE20, type Article20Clause, type Article20Item, type Template } from '../schema/index.ts';
import { readNum } from './numbers.ts';
import { labelsAfter, matchLabel } from './match.ts';
import { alignments, tableRows, type Field } from './rows.ts';
import { splitCells, splitTokens, vanishedBlanks } from './split.ts';
import { squash, type Line } from './text.ts';
import { bi, type Article20Cell, type Warning } from './types.ts';

/** Each version's rows with their clause, one array each: label matches are remembered per array (src/parse/match.ts). */
const itemsOf = (template: Template) => ARTICLE20[template].flatMap((c) => c.items.map((item) => ({ ...item, clauseDef: c })));
const ITEMS: Record<Template, ReturnType<typeof itemsOf>> = { 2019: itemsOf('2019'), 2021: itemsOf('2021') };

/** Table 二: rows placed by the meaning of their labels, values by the version's columns. */
export function readArticle20(lines: Line[], template: Template, warnings: Warning[]): Article20Cell[] {
  const clauses = ARTICLE20[template];
  const items = ITEMS[template];
  const found = new Map<string, { label: string; fields: Field[] }>();
  const headerUnit = unitsByClause(lines, clauses);
  let rows = tableRows(lines).filter((r) => r.fields.length > 0);
  // Rows of table 二 differ in width, so a label is only credited where its values fit it.
  const follow = labelsAfter(rows, items, 2, (r, item) => r.positional || r.fields.length === item.clauseDef.measures.length);
  if (follow) {
    warnings.push({ severity: 'note', code: 't2_labels_after', ...bi(`表二各行的标签印在数字之后`, `Table 二 prints each row's label after its numbers.`), line: rows[0]?.line ?? null });
    rows = follow.rows;
  }
  const byHeader = headerPlaced(lines, items);
  // Flattened table 二 whose rows part their cells with spaces ("规章 0 0 0"): there a row with
  // fewer runs than cells lost a blank as likely as a space. Where every row runs its digits
  // together ("规章000"), a single run is split the one way it splits.
  const spaced = rows.some((r) => r.flat && r.fields.filter((f) => /^\d+$/.test(f.raw)).length >= 2);
  for (const row of rows) {
    const item = matchLabel(row.label, items);
    if (!item || row.fields.length === 0) continue;
    const id = `${item.clause}/${item.key}`;
    const placed = byHeader.get(`${row.line}/${id}`);
    if (placed && !found.has(id)) {
      found.set(id, { label: row.label.slice(row.label.search(item.match)), fields: placed.fields });
      continue;
    }
    if (found.has(id)) {
      warnings.push({ severity: 'warning', code: 't2_duplicate_row', ...bi(`表二“${item.zh}”出现两次，只取第一次`, `Table 二 row "${item.en}" appears twice; kept the first.`), line: row.line });
      continue;
    }
    const width = item.clauseDef.measures.length;
    let fits = row.positional ? alignments(row.fields, width, row.open) : row.fields.length === width ? [row.fields] : [];
    const label = row.label.slice(row.label.search(item.match));
    const runs = row.fields.map((f) => f.raw);
    // Flattened text with a blank printed among run-together digits ("行政规范性文件/024"): each
    // mark one blank cell, the digits split only if one way is left.
    if (fits.length === 0 && row.flat && runs.length < width && row.fields.some((f) => f.value === null && f.raw !== '') && runs.every((r) => /^\d+$/.test(r) || readNum(r)?.value === null)) {
      const readings = splitTokens(runs, width, () => true);
      if (readings.length === 1) {
        warnings.push({ severity: 'note', code: 't2_split_digits', ...bi(`表二“${item.zh}”的数字与空白格连在一起（${runs.join(' ')}），只有一种拆分`, `Table 二 row "${item.en}": run-together digits around a blank cell split the only way possible.`), line: row.line });
        fits = [readings[0]!.map((value) => ({ value, unit: null, raw: value === null ? '' : String(value), line: row.fields[0]!.line }))];
      }
    }
    // Flattened text runs a row's cells together ("行政规范性文件021"): split only the one way possible.
    // A leading zero ("02025") means digits of several cells ran together, even when the count fits.
    // The last cell may carry its unit ("政府集中采购00元"): it stays with that cell.
    const unit = row.fields.at(-1)?.unit ?? null;
    const digits = unit ? [...runs.slice(0, -1), runs.at(-1)!.replace(/\s*(?:万元|元)$/, '')] : runs;
    const glued = row.flat && digits.some((r) => /^0\d/.test(r));
    if ((fits.length === 0 || glued) && row.flat && digits.length <= width && digits.every((r) => /^\d+$/.test(r))) {
      const run = runs.join(' ');
      const splits = splitCells(digits, [width], false);
      // Runs parted by spaces yet fewer than the cells: a blank that vanished reads as well as
      // digits that ran together ("行政许可 72 0": 7|2|0 or 72|·|0), and table 二 has no sum rule to choose.
      const vanished = digits.length > 1 || spaced ? vanishedBlanks(digits, width, () => true) : [];
      if (splits.length !== 1 || vanished.length > 0) {
        warnings.push({ severity: 'warning', code: 't2_ambiguous_digits', ...bi(`表二“${item.zh}”的数字连在一起（${run}），可有多种拆分，无法确定，记为空`, `Table 二 row "${item.en}": run-together digits (${run}) split more than one way; ambiguous, left null.`), line: row.line });
        found.set(id, { label, fields: [] });
        continue;
      }
      warnings.push({ severity: 'note', code: 't2_split_digits', ...bi(`表二“${item.zh}”的数字连在一起（${run}），只有一种拆分：${splits[0]!.join('|')}`, `Table 二 row "${item.en}": run-together digits split the only way possible.`), line: row.line });
      fits = [splits[0]!.map((value, i) => ({ value, unit: i === width - 1 ? unit : null, raw: String(value), line: row.fields[0]!.line }))];
    }
    if (fits.length !== 1) {
      warnings.push({ severity: 'warning', code: 't2_row_width', ...bi(`表二“${item.zh}”有 ${row.fields.length} 个数值，应为 ${width} 个，无法确定各值所属列，记为空`, `Table 二 row "${item.en}" has ${row.fields.length} values where ${width} are prescribed; cannot tell the columns, left null.`), line: row.line });
      found.set(id, { label, fields: [] });
      continue;
    }
    found.set(id, { label, fields: fits[0]! });
  }
  const cells: Article20Cell[] = [];
  for (const c of clauses) {
    for (const item of c.items) {
      const got = found.get(`${c.clause}/${item.key}`);
      if (!got) warnings.push({ severity: 'warning', code: 't2_row_missing', ...bi(`表二找不到“${item.zh}”行`, `Table 二 has no row "${item.en}".`), line: null });
      c.measures.forEach((m, i) => {
        const f = got?.fields[i];
        cells.push({
          clause: c.clause, item: item.key, itemLabel: got?.label || item.zh, measure: m.key,
          value: f?.value ?? null,
          unit: f?.value != null ? (f.unit ?? headerUnit.get(`${c.clause}/${i}`) ?? m.unit ?? null) : null,
          raw: f ? f.raw : null, line: f && f.raw !== '' ? f.line : null, cell: f && f.raw !== '' ? f.cell ?? null : null,
        });
      });
    }
  }
  return cells;
}

const norm = (s: string) => squash(s).replace(/[（(][^）)]*[)）]/g, '');

/**
 * Delimited tables (HTML, pipes) say where each column is: the heading row ("信息内容 | 本年新制作
 * 数量 | …") puts every measure in its cell, and a row's values are read from those cells, blank
 * ones included. Returns, by source line, the rows so placed.
 */
function headerPlaced(lines: Line[], items: (Article20Item & { clauseDef: Article20Clause })[]): Map<string, { item: Article20Item; fields: Field[] }> {
  const out = new Map<string, { item: Article20Item; fields: Field[] }>();
  // Each measure's columns: its heading cell and the cells its colspan covers.
  let columns: Map<string, number[]> | null = null;
  for (const l of lines) {
    if (!l.cells) continue;
    const texts = l.cells.map((c) => norm(c.text));
    if (texts.some((t) => /^信息内容$/.test(t))) {
      columns = new Map();
      for (const it of items) {
        it.clauseDef.measures.forEach((m) => {
          const heading = norm(m.zh);
          const k = texts.findIndex((t) => t !== '' && t === heading);
          if (k < 0) return;
          const span = [k];
          while (l.cells![span.length + k]?.spanned && l.cells![span.length + k]!.at?.row === l.cells![k]!.at?.row) span.push(k + span.length);
          columns!.set(m.key, span);
        });
      }
      continue;
    }
    if (!columns) continue;
    const labelAt = texts.findIndex((t) => t !== '');
    const item = labelAt >= 0 ? matchLabel(texts[labelAt]!, items) : undefined;
    if (!item) continue;
    const spans = item.clauseDef.measures.map((m) => columns!.get(m.key));
    if (spans.some((c) => c === undefined || c[0]! <= labelAt)) continue;
    const fields = spans.map((span) => {
      // Under a heading that spans columns, the value is the one filled cell among them.
      const filled = span!.filter((c) => l.cells![c] && l.cells![c]!.text !== '');
      if (filled.length > 1) return null;
      const cell = l.cells![filled[0] ?? span![0]!];
      return cell ? { ...(readNum(cell.text, cell.raw) ?? { value: null, unit: null, raw: cell.raw }), line: cell.line, ...(cell.at ? { cell: cell.at } : {}) } : null;
    });
    // A cell that holds words, not a number, leaves the reading to the other readers.
    if (fields.some((f) => !f || (f.value === null && f.raw !== '' && readNum(f.raw) === undefined))) continue;
    const key = `${l.n}/${item.clause}/${item.key}`;
    if (!out.has(key)) out.set(key, { item, fields: fields as Field[] });
  }
  return out;
}

/** Units printed in a clause's column headings ("采购总金额（万元）"), by column. */
function unitsByClause(lines: Line[], clauses: Article20Clause[]): Map<string, string> {
  const units = new Map<string, string>();
  const text = squash(lines.map((l) => l.text).join(''));
  for (const c of clauses) {
    c.measures.forEach((m, i) => {
      // The heading as prescribed, possibly followed by a unit in brackets.
      const head = m.zh.replace(/（.*$/, '');
      const u = new RegExp(`${head.replace(/[/\\]/g, '\\$&')}[（(](?:单位[:：])?(万元|元)[)）]`).exec(text);
      if (u) units.set(`${c.clause}/${i}`, u[1]!);
    });
  }
  return units;
}
