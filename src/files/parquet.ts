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
function physical(col: Column, v: string | number | null): string | number | bigint | null {
  if (v === null) return null;
  if (col.type === 'integer') return BigInt(v);
  if (col.type === 'date') return isoDays(v as string);
  return v;
}

/** One Parquet file per table. Deterministic: no timestamps in the format, created_by is fixed. */
export function toParquet(def: TableDef, rows: readonly Row[]): Uint8Array {
  const schema: SchemaElement[] = [
    { name: 'root', num_children: def.columns.length },
    ...def.columns.map((c) => ({ name: c.name, ...ELEMENT[c.type] })),
  ];
  const columnData: ColumnSource[] = def.columns.map((c) => ({
    name: c.name,
    data: rows.map((row, i) => physical(c, cell(def, c, row, i))),
  }));
  return new Uint8Array(parquetWriteBuffer({ columnData, schema, createdBy: 'disclosure-atlas (hyparquet-writer)' }));
}
