import { APPLICANT_KEYS, applicationRows, type ApplicationRow, type Template } from '../schema/index.ts';
import { labelsAfter, matchCount, matchLabel } from './match.ts';
import { isCount } from './numbers.ts';
import { alignments, tableRows, type Field, type TableRow } from './rows.ts';
import { addsUp, agreed, splitRuns, splitTokens } from './split.ts';
import type { Line } from './text.ts';
import { bi, type ApplicationCell, type Said, type Warning } from './types.ts';

const WIDTH = APPLICANT_KEYS.length;
/** Each version's rows, one array each: label matches are remembered per array (src/parse/match.ts). */
const ROWS: Record<Template, readonly ApplicationRow[]> = { 2019: applicationRows('2019'), 2021: applicationRows('2021') };

interface Placed {
  row: ApplicationRow;
  source: TableRow;
  /** Placed by the prescribed row order, not by its label: must be confirmed by the sum rules. */
  byOrder: boolean;
  cells: (Field | null)[];
}

/**
 * Table 三. Rows are placed by the meaning of their labels; rows that lost their labels are
 * placed by the prescribed order between labelled rows, and kept only when the sum rules hold.
 */
export function readApplications(lines: Line[], template: Template, warnings: Warning[]): ApplicationCell[] {
  const prescribed = ROWS[template];
  const warn = (code: string, said: Said, line: number | null) => warnings.push({ severity: 'warning', code, ...said, line });

  // Rows with a label we know, in order; the rest wait for placement by order.
  let rows = tableRows(lines).filter((r) => r.fields.length > 0);
  const follow = labelsAfter(rows, prescribed, 3);
  if (follow) {
    warnings.push({ severity: 'note', code: 't3_labels_after', ...bi(`表三各行的标签印在数字之后（按其后文字匹配 ${follow.after} 行，按其前文字仅 ${follow.before} 行）`, `Table 三 prints each row's label after its numbers.`), line: rows[0]?.line ?? null });
    rows = follow.rows;
  }
  const anchors: { index: number; source: TableRow }[] = [];
  const loose: { after: number; source: TableRow }[] = [];
  let last = -1;
  for (const r of rows) {
    // Text read column by column puts every label before the first numbers: such a "label"
    // names many rows and places none.
    const many = matchCount(r.label, prescribed) >= 5;
    const row = many ? undefined : matchLabel(r.label, prescribed);
    const index = row ? prescribed.indexOf(row) : -1;
    if (index > last) {
      anchors.push({ index, source: r });
      last = index;
    } else if (r.fields.some((f) => f.raw !== '')) {
      // Header fragments and wrapped label lines carry no values; rows without labels do.
      if (row) warn('t3_row_order', bi(`表三“${row.zh}”出现在不应出现的位置，按无标签行处理`, `Table 三 row "${row.en}" is out of the prescribed order; treated as a row without label.`), r.line);
      loose.push({ after: last, source: r });
    }
  }

  const placed = new Map<string, Placed>();
  /** Rows whose run-together digits had one split: by count (a digit a cell) or by the row rule. */
  const split: { row: ApplicationRow; line: number; how: 'count' | 'rule' }[] = [];
  /** Rows whose run-together digits split several ways, waiting for the column rules. */
  const open = new Map<string, Open>();
  for (const a of anchors) placed.set(prescribed[a.index]!.key, { row: prescribed[a.index]!, source: a.source, byOrder: false, cells: fit(a.source, prescribed[a.index]!) });

  // Each gap between labelled rows takes its loose rows only if their count is the count of missing rows.
  const gaps = new Map<number, TableRow[]>();
  for (const l of loose) gaps.set(l.after, [...(gaps.get(l.after) ?? []), l.source]);
  for (const [after, sources] of gaps) {
    const nextAnchor = anchors.find((a) => a.index > after)?.index ?? prescribed.length;
    const missing = prescribed.slice(after + 1, nextAnchor);
    if (missing.length !== sources.length) {
      warn('t3_unplaced_rows', bi(`表三有 ${sources.length} 行丢失了标签，但按规定顺序此处应有 ${missing.length} 行（${missing.map((r) => r.zh).join('、') || '无'}），无法确定其位置，记为空`, `Table 三: ${sources.length} rows lost their labels where ${missing.length} rows are prescribed; cannot place them, left null.`), sources[0]!.line);
      continue;
    }
    missing.forEach((row, i) => placed.set(row.key, { row, source: sources[i]!, byOrder: true, cells: fit(sources[i]!, row) }));
  }

  function fit(source: TableRow, row: ApplicationRow): (Field | null)[] {
    const fields = source.fields;
    // Delimited cells that fit the columns one way only are read as printed (the checks then say
    // whether the row adds up); where blank cells leave several ways, the row rule chooses.
    const aligned = source.positional ? alignments(fields, WIDTH, source.open) : [];
    const candidates = source.positional ? (aligned.length === 1 && !aligned[0]!.some((f) => f.stacked) ? aligned : aligned.filter(rowSumHolds)) : fields.length === WIDTH ? [fields] : [];
    const distinct = new Set(candidates.map((c) => c.map((f) => f.value).join(',')));
    if (candidates.length > 0 && distinct.size === 1) return candidates[0]!;
    if (candidates.length > 1) {
      warn('t3_ambiguous_columns', bi(`表三“${row.zh}”的数值可有多种对齐方式，记为空`, `Table 三 row "${row.en}": the values fit the columns in more than one way; left null.`), source.line);
      return Array(WIDTH).fill(null);
    }
    // Digits of adjacent cells run together: only the row rule can split them. In space-separated
    // text that was not flattened, each run is one cell (a blank there vanished), so a row of
    // several runs is split only when it came out of flattened text.
    if (!source.positional && fields.length < WIDTH && fields.every((f) => /^\d+$/.test(f.raw)) && (source.flat || fields.length === 1)) {
      const digits = fields.map((f) => f.raw).join('');
      // As many digits as cells: one digit a cell is the only split there is, if the row adds up.
      // A row that does not may have lost a blank cell; it is not read.
      if (digits.length === WIDTH) {
        const cells = [...digits].map((d) => ({ value: Number(d), unit: null, raw: d, line: fields[0]!.line }));
        if (rowSumHolds(cells)) {
          split.push({ row, line: source.line, how: 'count' });
          return cells;
        }
        // The row does not add up as printed: read so only if the column rules confirm it.
        open.set(row.key, { splits: [cells.map((c) => c.value)], line: fields[0]!.line, runs: digits, confirm: true });
        return Array(WIDTH).fill(null);
      }
      const splits = splitRuns(fields.map((f) => f.raw), WIDTH);
      if (splits.length === 1) {
        split.push({ row, line: source.line, how: 'rule' });
        return splits[0]!.map((value) => ({ value, unit: null, raw: String(value), line: fields[0]!.line }));
      }
      if (splits.length > 1) {
        // Several splits fit the row: the table's column rules may still decide (see `solve`).
        if (splits.length <= 64) open.set(row.key, { splits, line: fields[0]!.line, runs: fields.map((f) => f.raw).join(' ') });
        else warn('t3_ambiguous_digits', bi(`表三“${row.zh}”的数字连在一起（${fields.map((f) => f.raw).join(' ')}），有 ${splits.length} 种以上拆分都符合行和规则，无法确定，记为空`, `Table 三 row "${row.en}": run-together digits split more than 64 ways that all satisfy the row rule; ambiguous, left null.`), source.line);
        return Array(WIDTH).fill(null);
      }
    }
    // Flattened text with its blanks printed ("/", "—") among run-together digits: each mark is
    // one blank cell; the digits are split where the row rule leaves one way, cell by cell.
    if (source.flat && fields.length < WIDTH && fields.some((f) => f.value === null && f.raw !== '') && fields.every((f) => /^\d+$/.test(f.raw) || f.value === null)) {
      const readings = splitTokens(fields.map((f) => f.raw), WIDTH, (c) => addsUp(c.slice(0, WIDTH - 1), c[WIDTH - 1]));
      if (readings.length > 0 && readings.length <= 16) {
        const cells = agreed(readings, WIDTH);
        const unsure = cells.filter((v, i) => v === null && readings[0]![i] !== null).length;
        if (unsure) warn('t3_ambiguous_digits', bi(`表三“${row.zh}”的数字连在一起（${fields.map((f) => f.raw).join(' ')}），有多种拆分，其中 ${unsure} 格无法确定，记为空`, `Table 三 row "${row.en}": run-together digits around blank cells split several ways; ${unsure} cells left null.`), source.line);
        else split.push({ row, line: source.line, how: 'rule' });
        return cells.map((value) => (value === null ? null : { value, unit: null, raw: String(value), line: fields[0]!.line }));
      }
    }
    // More values than columns (a stacked cell, a label read as a number): if every printed value is the same, each column holds it.
    const values = fields.flatMap((f) => f.stacked ?? [f]).filter((f) => f.raw !== '');
    if (values.length >= WIDTH && values.every((v) => v.value !== null && v.value === values[0]!.value)) {
      warn('t3_uniform_row', bi(`表三“${row.zh}”有 ${values.length} 个数值（应为 ${WIDTH} 个），全部为 ${values[0]!.value}，故各列均取 ${values[0]!.value}，并经勾稽关系核对`, `Table 三 row "${row.en}" has ${values.length} values where ${WIDTH} are prescribed, all ${values[0]!.value}; every column reads ${values[0]!.value}, subject to the sum rules.`), source.line);
      return Array.from({ length: WIDTH }, () => ({ value: values[0]!.value, unit: null, raw: String(values[0]!.value), line: values[0]!.line }));
    }
    warn('t3_row_width', bi(`表三“${row.zh}”有 ${fields.length} 个数值，应为 ${WIDTH} 个，无法确定各值所属列，记为空`, `Table 三 row "${row.en}" has ${fields.length} values where ${WIDTH} are prescribed; cannot tell the columns, left null.`), source.line);
    return Array(WIDTH).fill(null);
  }

  if (split.length) {
    // One note for the table, naming the rows: a note a row would bury the warnings that matter.
    const by = (how: 'count' | 'rule') => split.filter((x) => x.how === how).map((x) => x.row);
    const [count, rule] = [by('count'), by('rule')];
    warnings.push({ severity: 'note', code: 't3_split_digits', line: split[0]!.line, ...bi(
      `表三 ${split.length} 行的数字连在一起，各只有一种拆分：${[count.length ? `${count.length} 行数字个数等于格数，每格一位` : '', rule.length ? `${rule.length} 行按行和规则拆分（${rule.map((r) => r.zh).join('、')}）` : ''].filter(Boolean).join('；')}`,
      `Table 三: run-together digits in ${split.length} rows, each split the only way possible (${count.length} one digit a cell, ${rule.length} by the row rule).`) });
  }
  solve(placed, open, prescribed, warnings);

  // A count is a whole number from 0 up; a decimal or negative number was misread.
  for (const p of placed.values()) {
    p.cells = p.cells.map((f, col) => {
      if (!f || f.value === null || isCount(f.value)) return f;
      warn('t3_not_count', bi(`表三“${p.row.zh}”${APPLICANT_KEYS[col]} 列的“${f.raw}”不是件数，记为空`, `Table 三 row "${p.row.en}", column ${APPLICANT_KEYS[col]}: "${f.raw}" is not a count; left null.`), f.line);
      return { ...f, value: null };
    });
  }

  // Placement by order stands only when the sum rules confirm it.
  const byOrder = [...placed.values()].filter((p) => p.byOrder);
  if (byOrder.length) {
    const value = (key: string, col: number) => placed.get(key)?.cells[col]?.value ?? null;
    const problems: string[] = [];
    for (let col = 0; col < WIDTH; col++) {
      const results = prescribed.filter((r) => r.role === 'result').map((r) => value(r.key, col));
      const total = value('handled_total', col);
      if (total === null || results.some((v) => v === null)) problems.push(`${APPLICANT_KEYS[col]}: results incomplete`);
      else if (sum(results) !== total) problems.push(`${APPLICANT_KEYS[col]}: results ${sum(results)} ≠ total ${total}`);
    }
    for (const p of byOrder) if (!rowSumHolds(p.cells)) problems.push(`${p.row.key}: row sum`);
    const names = byOrder.map((p) => p.row.zh).join('、');
    if (problems.length) {
      warn('t3_order_unconfirmed', bi(`表三 ${byOrder.length} 行丢失标签（${names}），按规定顺序放置后勾稽关系不成立或无法核对（${problems.join('; ')}），记为空`, `Table 三: ${byOrder.length} rows without labels could be placed by order but the sum rules do not confirm it; left null.`), byOrder[0]!.source.line);
      for (const p of byOrder) placed.delete(p.row.key);
    } else {
      warnings.push({ severity: 'note', code: 't3_by_order', ...bi(`表三 ${byOrder.length} 行丢失标签（${names}），按规定顺序放置，勾稽关系核对无误`, `Table 三: ${byOrder.length} rows without labels placed by the prescribed order, confirmed by the sum rules.`), line: byOrder[0]!.source.line });
    }
  }

  const cells: ApplicationCell[] = [];
  for (const row of prescribed) {
    const p = placed.get(row.key);
    if (!p) warnings.push({ severity: 'warning', code: 't3_row_missing', ...bi(`表三找不到“${row.zh}”行，记为空`, `Table 三 row "${row.en}" not found; left null.`), line: null });
    APPLICANT_KEYS.forEach((applicant, col) => {
      const f = p?.cells[col];
      cells.push({ row: row.key, applicant, value: f?.value ?? null, line: f ? f.line : null, cell: f?.cell ?? null });
    });
  }
  return cells;
}

/**
 * Rows whose digits split several ways by the row rule: every combination of their splits is
 * tried against the column rules (（一）…（六） sum to （七）总计; 一 + 二 = （七）总计 + 四), using
 * the rules whose other cells are known. A cell stands when every combination that satisfies
 * the rules gives it the same value (if none does, every split of its row); the rest is null.
 */
interface Open {
  splits: number[][];
  line: number;
  runs: string;
  /** One digit a cell in a row that does not add up: stands only where the column rules confirm it. */
  confirm?: boolean;
}

function solve(placed: Map<string, Placed>, open: Map<string, Open>, prescribed: readonly ApplicationRow[], warnings: Warning[]): void {
  if (open.size === 0) return;
  const keys = [...open.keys()].filter((k) => placed.has(k));
  const fixed = (key: string, col: number): number | null => (open.has(key) ? null : placed.get(key)?.cells[col]?.value ?? null);
  const results = prescribed.filter((r) => r.role === 'result').map((r) => r.key);
  const rules: { plus: string[]; minus: string[] }[] = [
    { plus: results, minus: ['handled_total'] },
    { plus: ['new_received', 'carried_over'], minus: ['handled_total', 'carried_forward'] },
  ];
  // A rule can judge a column only when all of its cells are known or open.
  const usable = (rule: { plus: string[]; minus: string[] }, col: number) =>
    [...rule.plus, ...rule.minus].every((k) => open.has(k) ? placed.has(k) : fixed(k, col) !== null);
  let combos = 1;
  for (const k of keys) combos *= open.get(k)!.splits.length;
  const valid: number[][][] = [];
  let judged = false;
  /** Open rows that some usable rule judged. */
  const judgedKeys = new Set<string>();
  if (combos <= 50000) {
    const pick: number[][] = [];
    const walk = (i: number) => {
      if (i === keys.length) {
        const val = (key: string, col: number) => {
          const j = keys.indexOf(key);
          return j >= 0 ? pick[j]![col]! : fixed(key, col)!;
        };
        for (let col = 0; col < WIDTH; col++) {
          for (const rule of rules) {
            if (!rule.plus.concat(rule.minus).some((k) => keys.includes(k)) || !usable(rule, col)) continue;
            judged = true;
            for (const k of rule.plus.concat(rule.minus)) if (keys.includes(k)) judgedKeys.add(k);
            const total = rule.plus.reduce((a, k) => a + val(k, col), 0) - rule.minus.reduce((a, k) => a + val(k, col), 0);
            if (total !== 0) return;
          }
        }
        valid.push([...pick]);
        return;
      }
      for (const s of open.get(keys[i]!)!.splits) {
        pick.push(s);
        walk(i + 1);
        pick.pop();
      }
    };
    walk(0);
  }
  keys.forEach((key, j) => {
    const { splits, line, runs, confirm } = open.get(key)!;
    const p = placed.get(key)!;
    // Rules that could judge and rejected every reading leave nothing standing; a reading that
    // needs confirming stands only where a rule judged it and held.
    const options = confirm ? (valid.length > 0 && judgedKeys.has(key) ? valid.map((v) => v[j]!) : [])
      : valid.length > 0 ? valid.map((v) => v[j]!) : judged ? [] : splits;
    const cells = Array.from({ length: WIDTH }, (_, col) => (options.length > 0 && options.every((o) => o[col] === options[0]![col]) ? options[0]![col]! : null));
    p.cells = cells.map((value) => (value === null ? null : { value, unit: null, raw: String(value), line }));
    const row = p.row;
    const unsure = cells.filter((v) => v === null).length;
    if (confirm) {
      if (unsure === 0) warnings.push({ severity: 'note', code: 't3_split_by_table', ...bi(`表三“${row.zh}”的 ${WIDTH} 位数字（${runs}）每格一位；该行各列之和不等于总计（原文如此），列的勾稽关系成立，按此读取`, `Table 三 row "${row.en}": ${WIDTH} digits, one a cell; the row does not add up as printed, the column rules hold.`), line });
      else warnings.push({ severity: 'warning', code: 't3_row_unconfirmed', ...bi(`表三“${row.zh}”的 ${WIDTH} 位数字（${runs}）若每格一位，该行各列之和不等于总计，列的勾稽关系也无法确认：可能有空白格丢失，记为空`, `Table 三 row "${row.en}": ${WIDTH} digits read one a cell do not add up and the column rules cannot confirm them (a blank cell may have vanished); left null.`), line });
      return;
    }
    if (unsure === 0) warnings.push({ severity: 'note', code: 't3_split_by_table', ...bi(`表三“${row.zh}”的数字连在一起（${runs}），行和规则允许 ${splits.length} 种拆分，按列的勾稽关系唯一确定为 ${cells.join('|')}`, `Table 三 row "${row.en}": run-together digits split ${splits.length} ways by the row rule; the column rules leave one.`), line });
    else warnings.push({ severity: 'warning', code: 't3_ambiguous_digits', ...bi(`表三“${row.zh}”的数字连在一起（${runs}），有多种拆分都符合勾稽关系，其中 ${unsure} 格无法确定，记为空`, `Table 三 row "${row.en}": run-together digits split several ways that satisfy the sum rules; ${unsure} cells cannot be told and are left null.`), line });
  });
}

const sum = (xs: (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);

/** The six applicant columns sum to 总计, as far as the printed cells tell. */
function rowSumHolds(cells: readonly (Field | null)[]): boolean {
  const total = cells[WIDTH - 1]?.value ?? null;
  if (cells.some((c) => c?.stacked)) return false;
  return addsUp(cells.slice(0, WIDTH - 1).map((c) => c?.value ?? null), total);
}
