/**
 * The data version: `<date>.<hash>`, e.g. `2026-01-30.1a2b3c4`. The hash is over the published
 * table files, the date is the day the data is current to. Both come from the inputs alone, never
 * from the clock or the time zone, so the same reports give the same version on any machine.
 */
import { createHash } from 'node:crypto';

export interface DataVersion {
  /** `<date>.<hash>` */
  version: string;
  /** YYYY-MM-DD */
  date: string;
  /** 7 hex digits over the published table files' SHA-256 */
  hash: string;
}

/** How many hex digits of the hash the version keeps (as git's short hashes do). */
export const HASH_DIGITS = 7;

const VERSION = /^(\d{4}-\d{2}-\d{2})\.([0-9a-f]{7})$/;

/**
 * The version hash: SHA-256 of one line `<path> sha256:<hex>\n` per table file, sorted by path,
 * cut to 7 hex digits. The lines are what datapackage.json's resources state (`path`, `hash`), so
 * anyone can recompute it from the descriptor, or from the files with sha256sum.
 */
export function versionHash(files: readonly { path: string; hash: string }[]): string {
  const lines = files.map((f) => `${f.path} ${f.hash}\n`).sort();
  return createHash('sha256').update(lines.join('')).digest('hex').slice(0, HASH_DIGITS);
}

/** `sha256:<hex>` of a file's bytes (a string is its UTF-8 bytes), as datapackage.json states it. */
export function fileHash(data: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const isDay = (s: unknown): s is string => typeof s === 'string' && ISO_DAY.test(s);

/** The fields of a `reports` row the date is taken from. */
export interface DatedReport {
  published_at?: string | null;
  published_on?: string | null;
  year?: number | null;
}

/** The date when nothing gives one: no SOURCE_DATE_EPOCH, no report with a date or a year. */
export const NO_DATE = '1970-01-01';

/**
 * The date the data is current to:
 * 1. SOURCE_DATE_EPOCH (whole seconds, the reproducible-builds convention) when set: its UTC day;
 * 2. else the newest report's publication date — `published_at` (page metadata or manifest), or
 *    where a report has none, `published_on` (the date it is signed);
 * 3. else 31 December of the newest year reported on; else 1970-01-01.
 * UTC days and string comparison only: no time zone can move it.
 */
export function versionDate(reports: readonly DatedReport[], env: Record<string, string | undefined> = process.env): string {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  if (raw) {
    if (!/^\d+$/.test(raw)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not ${JSON.stringify(raw)}`);
    return new Date(Number(raw) * 1000).toISOString().slice(0, 10);
  }
  let newest = '';
  for (const r of reports) {
    const d = isDay(r.published_at) ? r.published_at : isDay(r.published_on) ? r.published_on : '';
    if (d > newest) newest = d;
  }
  if (newest) return newest;
  const years = reports.map((r) => r.year).filter((y): y is number => typeof y === 'number' && Number.isInteger(y));
  return years.length ? `${String(Math.max(...years)).padStart(4, '0')}-12-31` : NO_DATE;
}

export function makeVersion(date: string, hash: string): DataVersion {
  if (!isDay(date)) throw new Error(`a data version's date is YYYY-MM-DD, not ${JSON.stringify(date)}`);
  if (!/^[0-9a-f]{7}$/.test(hash)) throw new Error(`a data version's hash is 7 hex digits, not ${JSON.stringify(hash)}`);
  return { version: `${date}.${hash}`, date, hash };
}

/** A version string read back (`2026-01-30.1a2b3c4`), or null when it is not one. */
export function parseVersion(s: unknown): DataVersion | null {
  const m = typeof s === 'string' ? VERSION.exec(s) : null;
  return m ? { version: s as string, date: m[1]!, hash: m[2]! } : null;
}
