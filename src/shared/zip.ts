/**
 * Zip archives with the same bytes for the same files in any time zone and on any day, pure (no
 * process.env): the browser makes its workbooks with it too; src/files/zip.ts adds the build's
 * SOURCE_DATE_EPOCH.
 *
 * A zip entry stores its time as MS-DOS local date and time fields, and fflate fills them from a
 * Date's local fields (getHours(), …), so one instant gave 00:00 under TZ=UTC and 08:00 under
 * Asia/Shanghai. Here every entry's fields are written afterwards, in UTC, from one given time.
 */
import { zipSync, type Zippable } from 'fflate';

/** The time every entry carries unless told otherwise: 2020-01-01 00:00:00 UTC. */
export const ZIP_EPOCH = Date.UTC(2020, 0, 1) / 1000;

/** MS-DOS date and time fields of a UTC instant (two-second steps; years 1980–2107, clamped). */
export function dosDateTime(epochSeconds: number): { date: number; time: number } {
  const lo = Date.UTC(1980, 0, 1) / 1000;
  const hi = Date.UTC(2107, 11, 31, 23, 59, 58) / 1000;
  const d = new Date(Math.min(hi, Math.max(lo, epochSeconds)) * 1000);
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
  };
}

/**
 * Sets the date and time of every entry (central directory and local headers) of a zip written by
 * fflate (no archive comment, no zip64). Changes `zip` in place and returns it.
 */
export function stampZip(zip: Uint8Array, epochSeconds: number): Uint8Array {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  if (eocd < 0 || v.getUint32(eocd, true) !== 0x06054b50) throw new Error('not a zip without comment');
  const { date, time } = dosDateTime(epochSeconds);
  const entries = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  for (let i = 0; i < entries; i++) {
    if (v.getUint32(p, true) !== 0x02014b50) throw new Error(`zip central directory entry ${i} not found`);
    v.setUint16(p + 12, time, true);
    v.setUint16(p + 14, date, true);
    const local = v.getUint32(p + 42, true);
    if (v.getUint32(local, true) !== 0x04034b50) throw new Error(`zip local header ${i} not found`);
    v.setUint16(local + 10, time, true);
    v.setUint16(local + 12, date, true);
    p += 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return zip;
}

/** zipSync, then every entry stamped with `epochSeconds`: the bytes depend on the files alone. */
export function zipAt(files: Zippable, level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9, epochSeconds = ZIP_EPOCH): Uint8Array {
  // Any time fflate accepts (1980–2099 in local time) will do: stampZip overwrites the fields.
  return stampZip(zipSync(files, { level, mtime: ZIP_EPOCH * 1000 }), epochSeconds);
}
