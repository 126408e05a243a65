import { TABLES } from '../schema/tables.ts';

/**
 * The published tables whose names appear in a SQL text as words, comments and strings included:
 * the query engine loads these before running it. A word too many loads a table for nothing; a
 * table the query reads is never missed.
 */
export function namedTables(sql: string): string[] {
  return TABLES.map((t) => t.name).filter((n) => new RegExp(`(?<![\\w$])${n}(?![\\w$])`, 'i').test(sql));
}
