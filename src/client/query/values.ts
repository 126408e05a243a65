/** Query results as plain values: what the pages render (as text) and download (as CSV). */

export type Value = string | number | boolean | null;

/** How a column's values behave: right-aligned and charted on a linear scale, or not. */
export type Kind = 'number' | 'string' | 'date' | 'boolean' | 'other';

export interface ResultColumn {
  name: string;
  /** The type as DuckDB/Arrow names it, for display. */
  type: string;
  kind: Kind;
}

/** A value as text for a table cell: NULL is a dash (never zero), numbers with separators. */
export function display(v: Value, kind: Kind = typeof v === 'number' ? 'number' : 'string'): string {
  if (v === null) return '—';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    // Years and ids stay as printed: no thousands separator below 10 000 for integers.
    if (Number.isInteger(v) && Math.abs(v) < 10_000) return String(v);
    return v.toLocaleString('en-US', { maximumFractionDigits: 6 });
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  void kind;
  return v;
}

export { csvField, csvLine } from '../../shared/csv.ts';

export { saveBlob } from '../save.ts';

/** Milliseconds as readers read them. */
export const msLabel = (ms: number) => (ms < 10 ? `${ms.toFixed(1)} ms` : ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
