/**
 * Zip archives written to disk as a stream (fflate's Zip): entries go out as they are pushed, so
 * memory holds one chunk, not the archive. Entries are dated like every zip the project makes
 * (src/shared/zip.ts): SOURCE_DATE_EPOCH when set, else 2020-01-01 00:00:00, in UTC, whatever
 * the time zone, so the same files give the same bytes.
 */
import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { dosDateTime, ZIP_EPOCH } from '../shared/zip.ts';

/** The entries' time in seconds since 1970: SOURCE_DATE_EPOCH when it is a whole number, else ZIP_EPOCH. */
export function zipEpoch(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  if (!raw) return ZIP_EPOCH;
  if (!/^\d+$/.test(raw)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** 0 stores an entry as it is (for bytes already compressed); 1–9 deflate it. */
export type ZipLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** One entry being written: push its bytes in order, then end it. */
export interface ZipEntry {
  push(chunk: Uint8Array): void;
  end(): void;
}

const CHUNK = 1 << 20;

/**
 * A zip file written as entries come, one entry at a time. fflate writes each entry's local time
 * fields, so close() rewrites every entry's date and time (local headers and central directory) on
 * disk from `epochSeconds`. The file appears under its name only when complete.
 */
export class ZipFileWriter {
  private fd: number;
  private zip: Zip;
  private open: ZipEntry | null = null;
  private failed: Error | null = null;
  constructor(readonly path: string, private epochSeconds: number = zipEpoch()) {
    this.fd = openSync(`${path}.partial`, 'w+');
    this.zip = new Zip((err, data) => {
      if (err) this.failed = err;
      else for (let off = 0; off < data.byteLength;) off += writeSync(this.fd, data, off, data.byteLength - off);
    });
  }

  /** Starts an entry; the one before must be ended. */
  entry(name: string, level: ZipLevel): ZipEntry {
    if (this.open) throw new Error(`zip ${this.path}: ${name} started before the entry before it ended`);
    const file = level === 0 ? new ZipPassThrough(name) : new ZipDeflate(name, { level });
    // Any time fflate accepts: close() overwrites the fields.
    file.mtime = ZIP_EPOCH * 1000;
    this.zip.add(file);
    const entry: ZipEntry = {
      push: (chunk) => {
        if (chunk.byteLength) file.push(chunk);
        this.check();
      },
      end: () => {
        file.push(new Uint8Array(0), true);
        this.open = null;
        this.check();
      },
    };
    this.open = entry;
    return entry;
  }

  /** An entry of bytes held. */
  add(name: string, bytes: Uint8Array, level: ZipLevel): void {
    const e = this.entry(name, level);
    e.push(bytes);
    e.end();
  }

  /** An entry read from a file a megabyte at a time. */
  addFile(name: string, path: string, level: ZipLevel): void {
    const e = this.entry(name, level);
    const fd = openSync(path, 'r');
    try {
      const buf = new Uint8Array(CHUNK);
      for (let n; (n = readSync(fd, buf, 0, CHUNK, null)) > 0;) e.push(buf.slice(0, n));
    } finally {
      closeSync(fd);
    }
    e.end();
  }

  /** Writes the central directory, dates every entry, and puts the file in place; returns its size. */
  close(): number {
    if (this.open) throw new Error(`zip ${this.path}: closed with an entry open`);
    this.zip.end();
    this.check();
    try {
      stampZipFile(this.fd, this.epochSeconds);
      const bytes = fstatSync(this.fd).size;
      closeSync(this.fd);
      renameSync(`${this.path}.partial`, this.path);
      return bytes;
    } catch (e) {
      closeSync(this.fd);
      throw e;
    }
  }

  /** Gives up: the file is not written (nothing is left under either name). */
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // Already closed by a failed close().
    }
    rmSync(`${this.path}.partial`, { force: true });
  }

  /** `write` inside a try: the file is closed and in place, or aborted and the error thrown on. */
  static write(path: string, epochSeconds: number, write: (zip: ZipFileWriter) => void): number {
    const zip = new ZipFileWriter(path, epochSeconds);
    try {
      write(zip);
      return zip.close();
    } catch (e) {
      zip.abort();
      throw e;
    }
  }

  private check(): void {
    if (this.failed) throw new Error(`zip ${this.path}: ${this.failed.message}`);
  }
}

/**
 * stampZip (src/shared/zip.ts) for a zip on disk: reads the central directory (small), rewrites
 * each entry's date and time there and in its local header. A zip without comment, no zip64.
 */
export function stampZipFile(fd: number, epochSeconds: number): void {
  const size = fstatSync(fd).size;
  const eocdBytes = Buffer.alloc(22);
  if (size < 22 || readSync(fd, eocdBytes, 0, 22, size - 22) !== 22 || eocdBytes.readUInt32LE(0) !== 0x06054b50) throw new Error('not a zip without comment');
  const entries = eocdBytes.readUInt16LE(10);
  const cdSize = eocdBytes.readUInt32LE(12);
  const cdAt = eocdBytes.readUInt32LE(16);
  const cd = Buffer.alloc(cdSize);
  if (readSync(fd, cd, 0, cdSize, cdAt) !== cdSize) throw new Error('zip central directory cut short');
  const { date, time } = dosDateTime(epochSeconds);
  const stamp = Buffer.alloc(4);
  stamp.writeUInt16LE(time, 0);
  stamp.writeUInt16LE(date, 2);
  const sig = Buffer.alloc(4);
  let p = 0;
  for (let i = 0; i < entries; i++) {
    if (cd.readUInt32LE(p) !== 0x02014b50) throw new Error(`zip central directory entry ${i} not found`);
    stamp.copy(cd, p + 12);
    const local = cd.readUInt32LE(p + 42);
    readSync(fd, sig, 0, 4, local);
    if (sig.readUInt32LE(0) !== 0x04034b50) throw new Error(`zip local header ${i} not found`);
    writeSync(fd, stamp, 0, 4, local + 10);
    p += 46 + cd.readUInt16LE(p + 28) + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
  }
  writeSync(fd, cd, 0, cdSize, cdAt);
}
