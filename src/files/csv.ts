import type { Column, Row, TableDef } from '../schema/tables.ts';
import { csvField } from '../shared/csv.ts';

export { plainNumber } from '../shared/csv.ts';

/** A cell checked against its column type: the one place both file formats learn what a value may be. */
export type Cell = string | number | null;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for an ISO date, or throws: Parquet DATE stores this, CSV the string. */
export function isoDays(iso: string): number {
  const m = ISO_DATE.exec(iso);
  const ms = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) : NaN;
  // Date.UTC rolls 2021-02-30 over to March; the round trip catches it.
  if (!m || new Date(ms).toISOString().slice(0, 10) !== iso) throw new Error(`not an ISO date: ${iso}`);
  return ms / 86_400_000;
}

const isIsoDate = (s: string) => {
  try {
    return Number.isInteger(isoDays(s));
  } catch {
    return false;
  }
};

/**
 * The value of `col` in `row`, validated. A missing key throws rather than becoming NULL, so a
 * renamed column upstream fails the build instead of publishing an empty column.
 */
export function cell(def: TableDef, col: Column, row: Row, i: number): Cell {
  const v = row[col.name];
  if (v === undefined) throw new Error(`${where(def, col, i)}: missing (use null for NULL)`);
  if (v === null) return null;
  const ok =
    col.type === 'string' ? typeof v === 'string'
    : col.type === 'integer' ? Number.isSafeInteger(v)
    : col.type === 'number' ? typeof v === 'number' && Number.isFinite(v)
    : typeof v === 'string' && isIsoDate(v);
  if (!ok) throw new Error(`${where(def, col, i)}: ${JSON.stringify(v)} is not a valid ${col.type}`);
  return v;
}

// Not a closure inside cell(): it runs for every cell of every table, and a closure made per call
// costs more than the check (tsx keeps function names by defining them on every closure made).
function where(def: TableDef, col: Column, i: number): string {
  return `${def.name} row ${i} column ${col.name}`;
}

/** A checked cell as a CSV field: numbers plain (cell() let only finite ones through), "" for an empty string. */
const field = (v: Cell): string => csvField(v);

/** The header record (no line end): column names in TABLES order. */
export const csvHeader = (def: TableDef): string => def.columns.map((c) => field(c.name)).join(',');

/** One row as a CSV record (no line end), every cell checked; `i` is its index, for the error. */
export const csvRecord = (def: TableDef, row: Row, i: number): string => def.columns.map((c) => field(cell(def, c, row, i))).join(',');

/** RFC 4180 CSV, UTF-8 without BOM, '\n' after every record, header = TABLES column order. */
export function toCsv(def: TableDef, rows: readonly Row[]): string {
  const lines = [csvHeader(def)];
  rows.forEach((row, i) => lines.push(csvRecord(def, row, i)));
  return lines.join('\n') + '\n';
}
