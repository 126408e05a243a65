/**
 * Tables written as they fill, for builds too large to hold: CSV record by record, Parquet row
 * group by row group (the same groups as toParquet, so the same bytes), each file hashed on the
 * way for datapackage.json. With write.ts, the only disk I/O of the files stage.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { ByteWriter, ParquetWriter, type ColumnSource } from 'hyparquet-writer';
import type { Column, Row, TableDef } from '../schema/tables.ts';
import { cell, csvHeader, csvRecord } from './csv.ts';
import type { FileFacts, TableFiles } from './datapackage.ts';
import { CREATED_BY, parquetSchema, physical, ROW_GROUPS } from './parquet.ts';

const CHUNK = 1 << 20;

/** A file written from the start, hashed as it goes. */
class Sink {
  private fd: number;
  private hash: Hash = createHash('sha256');
  bytes = 0;
  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
  }
  write(b: Uint8Array): void {
    this.hash.update(b);
    for (let off = 0; off < b.byteLength;) off += writeSync(this.fd, b, off, b.byteLength - off);
    this.bytes += b.byteLength;
  }
  close(): FileFacts {
    closeSync(this.fd);
    return { bytes: this.bytes, hash: `sha256:${this.hash.digest('hex')}` };
  }
}

/** CSV as toCsv writes it: header, then one record per row, each ending in '\n'. */
export class CsvStream {
  private sink: Sink;
  private pending: string[] = [];
  private size = 0;
  constructor(path: string, private def: TableDef) {
    this.sink = new Sink(path);
    this.line(csvHeader(def));
  }
  private line(s: string) {
    this.pending.push(s, '\n');
    this.size += s.length + 1;
    if (this.size > CHUNK) this.flush();
  }
  /** `i` is the row's index in the table (for the error a bad cell throws). */
  push(row: Row, i: number): void {
    this.line(csvRecord(this.def, row, i));
  }
  private flush() {
    this.sink.write(Buffer.from(this.pending.join('')));
    this.pending = [];
    this.size = 0;
  }
  close(): FileFacts {
    this.flush();
    return this.sink.close();
  }
}

/** hyparquet-writer's byte writer, emptied into the file as it fills (as its own fileWriter does). */
class SinkWriter extends ByteWriter {
  constructor(private sink: Sink) {
    super(CHUNK);
  }
  override ensure(size: number): void {
    if (this.index > CHUNK) this.flush();
    super.ensure(size);
  }
  flush(): void {
    this.sink.write(new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
  }
  override finish(): void {
    this.flush();
  }
}

/**
 * Parquet written one row group at a time: the rows of a group are held as column arrays of
 * physical values until the group is full (1,000 rows, then 100,000), then encoded and written.
 */
export class ParquetStream {
  private sink: Sink;
  private writer: ParquetWriter;
  private columns: (string | number | bigint | null)[][];
  private groups = 0;
  private held = 0;
  /** `groups`: rows per row group, the last repeating (the single files' are fixed: ROW_GROUPS). */
  constructor(path: string, private def: TableDef, private cols: readonly Column[] = def.columns, private groupSizes: readonly number[] = ROW_GROUPS) {
    this.sink = new Sink(path);
    this.writer = new ParquetWriter({ writer: new SinkWriter(this.sink), schema: parquetSchema(cols), createdBy: CREATED_BY });
    this.columns = cols.map(() => []);
  }
  private get groupSize() {
    return this.groupSizes[Math.min(this.groups, this.groupSizes.length - 1)]!;
  }
  push(row: Row, i: number): void {
    this.cols.forEach((c, j) => this.columns[j]!.push(physical(c, cell(this.def, c, row, i))));
    if (++this.held === this.groupSize) this.flush();
  }
  private flush() {
    if (this.held === 0) return;
    const columnData: ColumnSource[] = this.cols.map((c, j) => ({ name: c.name, data: this.columns[j]! }));
    void this.writer.write({ columnData, rowGroupSize: this.held });
    this.columns = this.cols.map(() => []);
    this.held = 0;
    this.groups++;
  }
  close(): FileFacts {
    this.flush();
    void this.writer.finish();
    return this.sink.close();
  }
}

/** One table's two files, written as rows come (in published order). */
export class TableStream {
  private csv: CsvStream;
  private parquet: ParquetStream;
  count = 0;
  constructor(dir: string, readonly def: TableDef) {
    this.csv = new CsvStream(`${dir}/${def.name}.csv`, def);
    this.parquet = new ParquetStream(`${dir}/${def.name}.parquet`, def);
  }
  push(row: Row): void {
    this.csv.push(row, this.count);
    this.parquet.push(row, this.count);
    this.count++;
  }
  close(): TableFiles & { count: number } {
    return { def: this.def, csv: this.csv.close(), parquet: this.parquet.close(), count: this.count };
  }
}
