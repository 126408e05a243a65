import { parquetWriteBuffer, type ColumnSource, type SchemaElement } from 'hyparquet-writer';
import type { Column, Row, TableDef } from '../schema/tables.ts';
import { cell, isoDays } from './csv.ts';

/**
 * Physical and logical types per column type. Both converted_type (legacy) and logical_type are
 * set: hyparquet decodes by converted_type, DuckDB prefers logical_type. Plain INT64 reads as BIGINT.
 */
const ELEMENT: Record<Column['type'], Omit<SchemaElement, 'name'>> = {
  integer: { type: 'INT64', repetition_type: 'OPTIONAL' },
  number: { type: 'DOUBLE', repetition_type: 'OPTIONAL' },
  date: { type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' }, repetition_type: 'OPTIONAL' },
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type: 'OPTIONAL' },
};

/** The writer wants physical values: bigint for INT64, days since epoch for DATE. */
export function physical(col: Column, v: string | number | null): string | number | bigint | null {
  if (v === null) return null;
  if (col.type === 'integer') return BigInt(v);
  if (col.type === 'date') return isoDays(v as string);
  return v;
}

/** The file's schema: these columns (a table's, or a Hive partition's without the partition column). */
export function parquetSchema(columns: readonly Column[]): SchemaElement[] {
  return [{ name: 'root', num_children: columns.length }, ...columns.map((c) => ({ name: c.name, ...ELEMENT[c.type] }))];
}

/** Fixed, so a file written at once and one written row group by row group (src/files/stream.ts) are the same bytes. */
export const CREATED_BY = 'disclosure-atlas (hyparquet-writer)';
/** Rows per row group: the first 1,000, then 100,000 each (hyparquet-writer's default, stated). */
export const ROW_GROUPS = [1000, 100_000];

/** One Parquet file per table. Deterministic: no timestamps in the format, created_by is fixed. */
export function toParquet(def: TableDef, rows: readonly Row[]): Uint8Array {
  const columnData: ColumnSource[] = def.columns.map((c) => ({
    name: c.name,
    data: rows.map((row, i) => physical(c, cell(def, c, row, i))),
  }));
  return new Uint8Array(parquetWriteBuffer({ columnData, schema: parquetSchema(def.columns), createdBy: CREATED_BY, rowGroupSize: ROW_GROUPS }));
}
