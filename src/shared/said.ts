/**
 * Messages in both languages and the warnings made of them: shared by the parser (src/parse),
 * the agency registry (src/agencies) and the table builder, so none of them imports another for it.
 */
import type { Severity } from '../schema/tables.ts';

/** A message in both languages; `message` is both, Chinese first, for readers of either. */
export interface Said {
  message: string;
  zh: string;
  en: string;
}

/** Says one thing in Chinese and in English. */
export const bi = (zh: string, en: string): Said => ({ message: `${zh} ${en}`, zh, en });

/**
 * A warning says why a value is missing or uncertain. 'note' records how a value was found
 * (it does not count against the report); 'warning' means a value is null or uncertain;
 * 'error' means the report could not be read.
 */
export interface Warning extends Said {
  severity: Severity;
  code: string;
  /** 1-based source line, when the warning is about one. */
  line: number | null;
}
