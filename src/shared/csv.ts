/**
 * CSV as every part of the project writes it (the published tables, the chart CSVs at build time,
 * query results in the browser): RFC 4180, '\n' after each record, NULL as an empty field, an
 * empty string as "". Pure: imported by build-time and browser code alike.
 */

/** A value a CSV field is made of. */
export type CsvValue = string | number | boolean | null;

/** Shortest round-trip decimal without exponent: String() switches to 1e-7 / 1e+21 notation. */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  const s = String(n); // also maps -0 to "0"
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, frac = '', e] = m;
  const exp = Number(e);
  // String() uses exponents only below 1e-6 or from 1e21 up, where exp > frac.length.
  return exp < 0 ? `${sign}0.${'0'.repeat(-exp - 1)}${lead}${frac}` : `${sign}${lead}${frac}${'0'.repeat(exp - frac.length)}`;
}

/**
 * Text as one CSV field: quoted only where RFC 4180 needs it (a quote, comma, CR or LF), and an
 * empty string as "" so that it stays apart from NULL for readers that can tell.
 */
export const csvQuote = (s: string): string => (s === '' || /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** One CSV field: NULL empty, numbers plain (NaN and ±Infinity as JavaScript prints them). */
export function csvField(v: CsvValue): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? plainNumber(v) : String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return csvQuote(v);
}

/** One CSV record with its line end. */
export const csvLine = (values: readonly CsvValue[]): string => values.map(csvField).join(',') + '\n';

/** The most a CSV made in the browser may hold: past it, a tab would run out of memory. */
export const CSV_MAX_BYTES = 256 * 1024 * 1024;

/** Thrown by CsvWriter.add when the next record would pass the limit. */
export class CsvTooLarge extends Error {
  constructor(readonly rows: number, readonly maxBytes: number) {
    super(`CSV larger than ${Math.round(maxBytes / 2 ** 20)} MB after ${rows} rows`);
    this.name = 'CsvTooLarge';
  }
}

/**
 * A CSV built record by record into UTF-8 chunks, with its size counted exactly and capped: the
 * text is encoded every ~1 MB, so the memory held is the bytes of the file and no more.
 */
export class CsvWriter {
  /** Data records added (the header not counted). */
  rows = 0;
  /** UTF-8 bytes so far, pending text included. */
  bytes = 0;
  private chunks: Uint8Array[] = [];
  private pending = '';
  private readonly encoder = new TextEncoder();

  constructor(header: readonly string[], readonly maxBytes = CSV_MAX_BYTES) {
    this.append(csvLine(header));
  }

  /** Adds one record; throws CsvTooLarge (and keeps nothing of it) past maxBytes. */
  add(values: readonly CsvValue[]): void {
    this.append(csvLine(values));
    this.rows++;
  }

  private append(line: string): void {
    const size = utf8Length(line);
    if (this.bytes + size > this.maxBytes) throw new CsvTooLarge(this.rows, this.maxBytes);
    this.bytes += size;
    this.pending += line;
    if (this.pending.length >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.pending) this.chunks.push(this.encoder.encode(this.pending));
    this.pending = '';
  }

  /** The UTF-8 chunks of the file so far. */
  parts(): Uint8Array[] {
    this.flush();
    return this.chunks;
  }

  blob(): Blob {
    return new Blob(this.parts() as BlobPart[], { type: 'text/csv;charset=utf-8' });
  }
}

/**
 * The size a CSV of `total` records would have, from the average of a sample of them: for refusing
 * at once a download that would pass the cap, instead of after building most of it.
 */
export function estimateCsvBytes(header: readonly string[], sample: readonly (readonly CsvValue[])[], total: number): number {
  const head = utf8Length(csvLine(header));
  if (!sample.length) return head;
  const body = sample.reduce((n, r) => n + utf8Length(csvLine(r)), 0);
  return head + Math.round((body / sample.length) * total);
}

/** UTF-8 length of a string without encoding it (a lone surrogate counts 3, as TextEncoder writes U+FFFD). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // four bytes for the pair's two units
      i++;
    } else n += 2;
  }
  return n;
}
