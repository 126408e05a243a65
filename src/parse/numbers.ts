/** A value cell as printed: blank, a dash or slash (also blank), or a number with sign and unit. */
export interface Num {
  value: number | null;
  unit: string | null;
  /** As printed. */
  raw: string;
}

// Sign, digits with optional thousands separators, decimals, optional unit or percent.
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(万元|元|%|件|条|个|项)?$/;
/** Tokens that fill a cell without a number: a blank is not a zero. */
const EMPTY = /^(?:\/|-|—|——|–|无|空)$/;

/** Reads one cell (after folding). Returns undefined when the text is not a value at all. */
export function readNum(folded: string, raw: string = folded): Num | undefined {
  const t = folded.trim();
  if (t === '') return { value: null, unit: null, raw: raw.trim() };
  if (EMPTY.test(t)) return { value: null, unit: null, raw: raw.trim() };
  const m = NUMBER.exec(t);
  if (!m) return undefined;
  const [, sign, int = '', dec = '', unit] = m;
  const value = Number(`${sign}${int.replace(/,/g, '')}${dec}`);
  // A number too long to hold (Infinity) is still a value: src/parse/bounds.ts makes it NULL with a warning.
  return { value, unit: unit === '%' || !unit ? (unit ?? null) : unit, raw: raw.trim() };
}

export { isCount } from './bounds.ts';
