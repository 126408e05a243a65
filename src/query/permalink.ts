/**
 * The notebook in a URL: JSON, deflated, base64url, after `#nb=`. The fragment never reaches a
 * server. Whatever a link holds is checked here before it becomes a notebook: only known fields,
 * strings of bounded length, known marks.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { MARKS, type ChartSpec, type Mark } from './spec.ts';

export interface SqlCell { type: 'sql'; sql: string }
/** `source`: the position of the SQL cell it draws, when that is not the nearest SQL cell above it. */
export interface ChartCell extends ChartSpec { type: 'chart'; source?: number }
export type Cell = SqlCell | ChartCell;
export interface Notebook { title?: string; cells: Cell[] }

export const MAX_CELLS = 60;
const MAX_SQL = 100_000;
const MAX_NAME = 300;
const MAX_JSON = 2_000_000;

const b64url = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const unb64url = (s: string) => {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
};

/** Compact form: t title; c cells; a SQL cell is a string, a chart cell an object. */
type Packed = { v: 1; t?: string; c: (string | { m: Mark; x?: string; y?: string; c?: string; f?: string; s?: number })[] };

export function encodeNotebook(nb: Notebook): string {
  const packed: Packed = {
    v: 1,
    ...(nb.title ? { t: nb.title } : {}),
    c: nb.cells.map((c) => (c.type === 'sql' ? c.sql : {
      m: c.mark, ...(c.x ? { x: c.x } : {}), ...(c.y ? { y: c.y } : {}), ...(c.color ? { c: c.color } : {}), ...(c.facet ? { f: c.facet } : {}),
      ...(c.source !== undefined ? { s: c.source } : {}),
    })),
  };
  return b64url(deflateSync(strToU8(JSON.stringify(packed)), { level: 9 }));
}

const str = (v: unknown, max: number): string | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string' || v.length > max) throw new Error('a value is not text or too long');
  return v;
};

/** Reads a notebook from its encoded form; throws on anything it does not recognise. */
export function decodeNotebook(code: string): Notebook {
  if (code.length > 400_000 || !/^[A-Za-z0-9_-]*$/.test(code)) throw new Error('not a notebook code');
  // Into a bounded buffer: a small link cannot inflate into gigabytes.
  const bytes = inflateSync(unb64url(code), { out: new Uint8Array(MAX_JSON + 1) });
  if (bytes.length > MAX_JSON) throw new Error('too large');
  const json = strFromU8(bytes);
  const data = JSON.parse(json) as Packed;
  if (typeof data !== 'object' || data === null || data.v !== 1 || !Array.isArray(data.c)) throw new Error('not a notebook');
  if (data.c.length > MAX_CELLS) throw new Error(`more than ${MAX_CELLS} cells`);
  const cells: Cell[] = data.c.map((c): Cell => {
    if (typeof c === 'string') return { type: 'sql', sql: str(c, MAX_SQL)! };
    if (typeof c !== 'object' || c === null || !MARKS.includes(c.m)) throw new Error('unknown cell');
    const cell: ChartCell = { type: 'chart', mark: c.m };
    const x = str(c.x, MAX_NAME), y = str(c.y, MAX_NAME), color = str(c.c, MAX_NAME), facet = str(c.f, MAX_NAME);
    if (x) cell.x = x;
    if (y) cell.y = y;
    if (color) cell.color = color;
    if (facet) cell.facet = facet;
    if (c.s !== undefined) {
      // The SQL cell a chart draws must be one of this notebook's SQL cells.
      if (!Number.isInteger(c.s) || typeof data.c[c.s] !== 'string') throw new Error('unknown cell');
      cell.source = c.s;
    }
    return cell;
  });
  const title = str(data.t, 200);
  return { ...(title ? { title } : {}), cells };
}

/**
 * The notebook code in a URL hash ("#nb=…"), or null when the hash holds none. Whatever follows
 * "nb=" is the code, well-formed or not: a damaged link must be reported, never taken for no link.
 */
export function notebookCodeOf(hash: string): string | null {
  const m = /^#?nb=([\s\S]*)$/.exec(hash);
  return m ? m[1]! : null;
}

/** What a URL hash holds: no notebook, a notebook, or a notebook link that cannot be read (and why). */
export type NotebookLink = { kind: 'none' } | { kind: 'notebook'; notebook: Notebook } | { kind: 'unreadable'; reason: string };

/** Reads the notebook of a URL hash; never throws. */
export function readNotebookLink(hash: string): NotebookLink {
  const code = notebookCodeOf(hash);
  if (code === null) return { kind: 'none' };
  try {
    return { kind: 'notebook', notebook: decodeNotebook(code) };
  } catch (e) {
    // atob, inflate and JSON.parse name their failures in their own words; the reader needs one.
    const reason = e instanceof Error && /^(not a notebook|too large|more than|unknown cell|a value)/.test(e.message) ? e.message : 'damaged or incomplete';
    return { kind: 'unreadable', reason };
  }
}
