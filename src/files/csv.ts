import type { Column, Row, TableDef } from '../schema/tables.ts';

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
  const where = () => `${def.name} row ${i} column ${col.name}`;
  if (v === undefined) throw new Error(`${where()}: missing (use null for NULL)`);
  if (v === null) return null;
  const ok =
    col.type === 'string' ? typeof v === 'string'
    : col.type === 'integer' ? Number.isSafeInteger(v)
    : col.type === 'number' ? typeof v === 'number' && Number.isFinite(v)
    : typeof v === 'string' && isIsoDate(v);
  if (!ok) throw new Error(`${where()}: ${JSON.stringify(v)} is not a valid ${col.type}`);
  return v;
}

/** Shortest round-trip decimal without exponent: String() switches to 1e-7 / 1e+21 notation. */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  const s = String(n); // also maps -0 to "0"
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, frac = '', e] = m;
  const exp = Number(e);
  // String() uses exponents only below 1e-6 or from 1e21 up, where exp > frac.length.
  return exp < 0 ? `${sign}0.${'0'.repeat(-exp - 1)}${lead}${frac}` : `${sign}${lead}${frac}${'0'.repeat(exp - frac.length)}`;
}

function field(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return plainNumber(v);
  // "" keeps an empty string apart from NULL for readers that can tell (DuckDB with allow_quoted_nulls = false).
  return v === '' || /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** RFC 4180 CSV, UTF-8 without BOM, '\n' after every record, header = TABLES column order. */
export function toCsv(def: TableDef, rows: readonly Row[]): string {
  const lines = [def.columns.map((c) => field(c.name)).join(',')];
  rows.forEach((row, i) => lines.push(def.columns.map((c) => field(cell(def, c, row, i))).join(',')));
  return lines.join('\n') + '\n';
}
