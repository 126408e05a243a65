import { TABLES } from '../schema/tables.ts';

/** A SQL text with its comments (`-- …`, `/* … *\/`) blanked out; string literals and quoted names kept. */
export function withoutComments(sql: string): string {
  let out = '';
  for (let i = 0; i < sql.length;) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      // A literal or a quoted name, its doubled quotes included: copied as it is.
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      out += ' ';
      i = end < 0 ? sql.length : end;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      out += ' ';
      i = end < 0 ? sql.length : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * The published tables a SQL text names as words, strings included (`query_table('reports')`):
 * the query engine loads these before running it. A word in a comment, or a name given to a column
 * or table with AS (`… AS reports`), names no table, so the compare tool's SQL, which calls a
 * column `reports` and describes its measure in a comment ("New applications"), loads `summary`
 * alone. A word too many loads a table for nothing; a table the query reads is never missed.
 */
export function namedTables(sql: string): string[] {
  const text = withoutComments(sql);
  return TABLES.map((t) => t.name).filter((n) => new RegExp(`(?<!\\bas\\s+"?)(?<![\\w$])${n}(?![\\w$])`, 'i').test(text));
}
