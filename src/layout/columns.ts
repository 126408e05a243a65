import { APPLICANTS, applicationRows, type Template } from '../schema/index.ts';
import { fold, type Cell, type LayoutNote, type Line } from './lines.ts';

const WIDTH = APPLICANTS.length;
const NUMBER = /^\d+$/;

/**
 * PDF text read column by column: table 三's labels come as a block, then its numbers one column
 * after another (all 自然人 first, then 商业企业, …). 23 or 25 rows (the 2019 or 2021 version)
 * follow from the count of numbers. The 总计 column may be printed before 其他: it is found as
 * the one column that equals the sum of the others in every row. The block is rewritten into
 * one line of cells per row in place of the numbers, each cell keeping its own source line; it is rewritten only when
 * that reading satisfies the row rule and a row-by-row reading of the same numbers does not (or
 * gives the same table).
 */
export function columnMajor(lines: Line[], notes: LayoutNote[] = []): Line[] {
  for (let i = 0; i < lines.length; i++) {
    if (!isNumbers(lines[i]!)) continue;
    let j = i;
    const tokens: { v: string; line: number }[] = [];
    while (j < lines.length && (isNumbers(lines[j]!) || lines[j]!.text.trim() === '')) {
      for (const t of lines[j]!.text.trim().split(/\s+/)) if (t) tokens.push({ v: t, line: lines[j]!.n });
      j++;
    }
    const rows = tokens.length / WIDTH;
    const template: Template | null = rows === 25 ? '2021' : rows === 23 ? '2019' : null;
    if (!template || !labelledBefore(lines, i, template)) {
      i = j;
      continue;
    }
    const rebuilt = reshape(tokens, template, lines[i]!.n);
    if (rebuilt) {
      notes.push({ code: 't3_column_major', line: lines[i]!.n,
        zh: `表三的数字按列排印（先列出全部标签，再逐列列出数字）：由数字个数定为 ${rows} 行，按规定行序放回各行，行和规则逐行成立`,
        en: `Table 三 is printed column by column; ${rows} rows from the count of numbers, put back in the prescribed row order, the row rule holding in every row.` });
      return [...lines.slice(0, i), ...rebuilt, ...lines.slice(j)];
    }
    i = j;
  }
  return lines;
}

const isNumbers = (l: Line) => !l.cells && /^\s*\d+(?:\s+\d+)*\s*$/.test(l.text);

/** Where the block of labels before the numbers begins: after the last line holding a number. */
function labelStart(lines: Line[], at: number): number {
  let k = at;
  while (k > 0 && !/\d\s*$/.test(lines[k - 1]!.text.replace(/^\s*\d\s*[.．、]/, '')) && at - k < 80) k--;
  return k;
}

/** The lines before the numbers name the prescribed rows, in order, for the most part. */
function labelledBefore(lines: Line[], at: number, template: Template): boolean {
  const text = lines.slice(labelStart(lines, at), at).map((l) => l.text.replace(/\s+/g, '')).join('');
  let from = 0, named = 0;
  const rows = applicationRows(template);
  for (const r of rows) {
    const re = new RegExp(r.match.source, r.match.flags.replace('g', '') + 'g');
    re.lastIndex = from;
    const m = re.exec(text);
    if (m) (named++, (from = m.index + m[0].length));
  }
  return named >= rows.length * 0.8;
}

function reshape(tokens: { v: string; line: number }[], template: Template, firstLine: number): Line[] | undefined {
  if (!tokens.every((t) => NUMBER.test(t.v))) return undefined;
  const prescribed = applicationRows(template);
  const R = prescribed.length;
  const rowSum = (r: number[]) => r.slice(0, -1).reduce((a, b) => a + b, 0) === r.at(-1);
  // Read row by row, do the numbers already make a table? Then it is not column-major.
  const byRow = Array.from({ length: R }, (_, r) => tokens.slice(r * WIDTH, r * WIDTH + WIDTH).map((t) => Number(t.v)));
  const cols = Array.from({ length: WIDTH }, (_, c) => tokens.slice(c * R, c * R + R));
  // Which printed column is 总计 (last as prescribed, or before 其他): the one equal to the sum
  // of the others in every row.
  const totals = [WIDTH - 1, WIDTH - 2].filter((t) => Array.from({ length: R }, (_, r) => r).every((r) =>
    cols.reduce((a, col, c) => a + (c === t ? 0 : Number(col[r]!.v)), 0) === Number(cols[t]![r]!.v)));
  const orders = totals.map((t) => [...cols.keys()].filter((c) => c !== t).concat(t));
  const readings = new Set(orders.map((o) => o.map((c) => cols[c]!.map((x) => x.v).join(',')).join('|')));
  if (readings.size !== 1) return undefined;
  const order = orders[0]!;
  // Both readings add up: only where they give the same table (all zeros, say) does it not matter.
  if (byRow.every(rowSum) && byRow.some((row, r) => row.some((v, c) => v !== Number(cols[order[c]!]![r]!.v)))) return undefined;
  return prescribed.map((row, r) => {
    const cells: Cell[] = [
      { text: row.zh, raw: row.zh, line: firstLine },
      ...order.map((c) => ({ text: fold(cols[c]![r]!.v), raw: cols[c]![r]!.v, line: cols[c]![r]!.line })),
    ];
    return { n: cells[1]!.line, raw: cells.map((c) => c.raw).join('\t'), text: cells.map((c) => c.text).join('\t'), cells };
  });
}
