/**
 * Zip archives at build time: src/shared/zip.ts (same bytes in any time zone), every entry dated
 * SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) when set, else 2020-01-01 00:00:00.
 */
import type { Zippable } from 'fflate';
import { ZIP_EPOCH, zipAt } from '../shared/zip.ts';

export { dosDateTime, stampZip, ZIP_EPOCH } from '../shared/zip.ts';

/** The entries' time in seconds since 1970: SOURCE_DATE_EPOCH when it is a whole number, else ZIP_EPOCH. */
export function zipEpoch(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  if (!raw) return ZIP_EPOCH;
  if (!/^\d+$/.test(raw)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** zipSync, then every entry stamped with zipEpoch(): the bytes depend on the files alone. */
export function zipFixed(files: Zippable, level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9): Uint8Array {
  return zipAt(files, level, zipEpoch());
}
