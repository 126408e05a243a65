/**
 * Where each report's rows sit in a published CSV, by byte offset, so a report page parses only
 * its own rows and the site build never holds a large table (at 10,000 reports `applications.csv`
 * is 220 MB: ~2.5 million rows, several GB as objects). One pass over the file in fixed chunks
 * finds each record's first field (report_id) and its byte range, honouring quoted fields that
 * hold commas, quotes or line breaks (RFC 4180, as the tables are written: src/files/csv.ts).
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface RowsIndex {
  /** The header line's bytes (the column names and its line break). */
  header: Uint8Array;
  /** Byte ranges [start, end) of each report's records, in file order; adjacent records merged. */
  ranges: Map<string, number[]>;
  /** Records in the file, the header not counted. */
  rows: number;
}

const QUOTE = 0x22, COMMA = 0x2c, LF = 0x0a, CR = 0x0d;
const CHUNK = 1 << 20;

/** Scans a CSV file once; memory is the chunk and the index, never the file. */
export function indexRows(path: string, chunk = CHUNK): RowsIndex {
  const fd = openSync(path, 'r');
  try {
    const buf = new Uint8Array(chunk);
    const ranges = new Map<string, number[]>();
    const decoder = new TextDecoder();
    let pos = 0; // file offset of buf[0]
    let recordStart = 0, inQuotes = false, closed = false, inFirst = true, rows = -1;
    let first: number[] = []; // the first field's bytes, unquoted
    let header: Uint8Array = new Uint8Array(0);
    let headerBytes: number[] | null = [];
    const end = (at: number) => {
      // A record ends at `at` (just past its line break).
      if (rows === -1) header = Uint8Array.from(headerBytes!), headerBytes = null;
      else if (at > recordStart) {
        const id = decoder.decode(Uint8Array.from(first));
        const list = ranges.get(id);
        if (list && list[list.length - 1] === recordStart) list[list.length - 1] = at;
        else if (list) list.push(recordStart, at);
        else ranges.set(id, [recordStart, at]);
      }
      rows++;
      recordStart = at;
      inFirst = true;
      first = [];
    };
    for (;;) {
      const n = readSync(fd, buf, 0, chunk, pos);
      if (n === 0) break;
      for (let i = 0; i < n; i++) {
        const b = buf[i]!;
        if (headerBytes) headerBytes.push(b);
        if (inQuotes) {
          if (b === QUOTE) inQuotes = false, closed = true;
          else if (inFirst) first.push(b);
          continue;
        }
        if (b === QUOTE) {
          // A quote right after a closing one is an escaped quote ("" → ").
          if (closed && inFirst) first.push(b);
          inQuotes = true;
          closed = false;
          continue;
        }
        closed = false;
        if (b === LF) end(pos + i + 1);
        else if (inFirst) {
          if (b === COMMA) inFirst = false;
          else if (b !== CR) first.push(b);
        }
      }
      pos += n;
    }
    if (pos > recordStart) end(pos); // a last record without a line break
    return { header, ranges, rows: Math.max(rows, 0) };
  } finally {
    closeSync(fd);
  }
}

/** The CSV text of one report's records, with the header: what parseTable reads. */
export function reportCsv(path: string, index: RowsIndex, reportId: string): string | null {
  const list = index.ranges.get(reportId);
  if (!list) return null;
  const size = list.reduce((n, x, i) => (i % 2 ? n + x - list[i - 1]! : n), 0);
  const out = new Uint8Array(index.header.length + size);
  out.set(index.header);
  const fd = openSync(path, 'r');
  try {
    let at = index.header.length;
    for (let i = 0; i < list.length; i += 2) at += readSync(fd, out, at, list[i + 1]! - list[i]!, list[i]!);
  } finally {
    closeSync(fd);
  }
  return new TextDecoder().decode(out);
}
