/**
 * The query engine: the one module that talks to DuckDB-WASM. Pages start it, watch its progress,
 * run SQL and cancel; they never see DuckDB itself.
 *
 * - DuckDB-WASM comes from node_modules (Vite `?url` imports: hashed files under the site's base
 *   path, no CDN); only the mvp and eh bundles ship. It is imported on demand, so it costs nothing
 *   until a page starts the engine.
 * - The tables of the data contract are loaded from the published Parquet files when a query
 *   first names them (DuckDB's parser says which): fetched and decoded with hyparquet, turned into
 *   Arrow tables, inserted under their own names. DuckDB's own Parquet reader would fetch an
 *   extension from the network; extension autoload and autoinstall are off so nothing tries.
 * - Before any table or query, external access is switched off and the configuration locked: a
 *   query (say, from someone else's permalink) cannot read a URL, a file or an extension.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { DataType, RecordBatch, Schema, Vector } from 'apache-arrow';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { TABLES } from '../../schema/tables.ts';
import { namedTables } from '../../query/sql.ts';
import { tableOnce, type ParquetTable } from './parquet.ts';
import { CSV_MAX_BYTES, CsvTooLarge, CsvWriter, estimateCsvBytes } from '../../shared/csv.ts';
import type { Kind, ResultColumn, Value } from './values.ts';

export type { ResultColumn, Value } from './values.ts';

export type Phase = 'download' | 'start' | 'tables' | 'ready' | 'restart' | 'failed';
export interface Progress {
  phase: Phase;
  /** Bytes (download) or tables (tables) done, of total; 0 of 0 when unknown. */
  done: number;
  total: number;
  /** The table being loaded, the DuckDB version when ready, the message when failed. */
  detail?: string;
}

/** A query that did not run: a SQL error, a refusal, or a cancel. */
export class QueryError extends Error {
  constructor(message: string, readonly cancelled = false) {
    super(message);
    this.name = 'QueryError';
  }
}

/** Rows a result keeps in memory for paging and charts; beyond it, a count and a CSV download. */
export const KEEP_ROWS = 10_000;

export interface Result {
  columns: ResultColumn[];
  /** Every row of the result, counted. */
  rowCount: number;
  /** Rows kept (the first `kept` of rowCount). */
  kept: number;
  truncated: boolean;
  /** Time from sending the query to the last row counted. */
  ms: number;
  /** Kept rows [start, end) as arrays of plain values, in column order. */
  rows(start?: number, end?: number): Value[][];
  /** Kept rows as objects by column name (for charts). */
  objects(): Record<string, Value>[];
  /**
   * The full result as CSV: from memory when nothing was cut, else the query is run again and read
   * batch by batch. Rejects with CsvTooLarge past CSV_MAX_BYTES (at once when the rows kept show the
   * whole would be far larger), with a cancelled QueryError when `signal` aborts.
   */
  csv(options?: CsvOptions): Promise<Blob>;
}

export interface CsvOptions {
  /** Called as rows are written (after each batch). */
  onProgress?: (rows: number) => void;
  /** Aborting stops the export (and the query it runs). */
  signal?: AbortSignal;
  /** The cap in bytes (CSV_MAX_BYTES). */
  maxBytes?: number;
}

export { CsvTooLarge } from '../../shared/csv.ts';

export interface TableInfo {
  name: string;
  rows: number;
}

export interface Engine {
  /** DuckDB's version string. */
  version: string;
  tables: TableInfo[];
  /** Runs SQL (one statement or several; the last one's rows are the result). */
  query(sql: string): Promise<Result>;
  /** Cancels the query that is running, if any: its promise rejects with a cancelled QueryError. */
  cancel(): Promise<void>;
  /** True while a query runs. */
  readonly busy: boolean;
}

type Duck = typeof import('@duckdb/duckdb-wasm');
type Arrow = typeof import('apache-arrow');

const listeners = new Set<(p: Progress) => void>();
let last: Progress = { phase: 'download', done: 0, total: 0 };
function report(p: Progress): void {
  last = p;
  for (const fn of listeners) fn(p);
}

/** Follow the engine's progress (called at once with the latest state). Returns an unsubscribe. */
export function onProgress(fn: (p: Progress) => void): () => void {
  listeners.add(fn);
  fn(last);
  return () => listeners.delete(fn);
}

/** The table names of the data contract, in the dictionary's order. */
export const TABLE_NAMES: readonly string[] = TABLES.map((t) => t.name);

const abs = (url: string) => new URL(url, location.href).href;

/** The kind of an Arrow column: how to show and chart its values. */
function kindOf(arrow: Arrow, type: DataType): Kind {
  const D = arrow.DataType;
  if (D.isInt(type) || D.isFloat(type) || D.isDecimal(type)) return 'number';
  if (D.isUtf8(type) || D.isLargeUtf8(type) || D.isDictionary(type)) return 'string';
  if (D.isDate(type) || D.isTimestamp(type)) return 'date';
  if (D.isBool(type)) return 'boolean';
  return 'other';
}

const json = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x));

/** An Arrow value as a plain value: numbers, text, ISO dates; nested values as JSON text. */
function plainValue(arrow: Arrow, type: DataType, v: unknown): Value {
  if (v === null || v === undefined) return null;
  const D = arrow.DataType;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') {
    if (typeof v === 'number' && D.isDate(type)) return new Date(v).toISOString().slice(0, 10);
    if (typeof v === 'number' && D.isTimestamp(type)) return new Date(v).toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
    return v;
  }
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) return D.isDate(type) ? v.toISOString().slice(0, 10) : v.toISOString();
  if (v instanceof Uint8Array) return [...v].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return json((v as { toJSON(): unknown }).toJSON());
  if (typeof (v as { toArray?: unknown }).toArray === 'function') return json([...(v as { toArray(): Iterable<unknown> }).toArray()]);
  return String(v);
}

/** Arrow record batches of a result, read into plain values page by page. */
class Rows {
  private batches: RecordBatch[] = [];
  private starts: number[] = [];
  /** Rows held in the batches. */
  stored = 0;
  constructor(private arrow: Arrow, readonly schema: Schema) {}
  add(b: RecordBatch): void {
    this.starts.push(this.stored);
    this.batches.push(b);
    this.stored += b.numRows;
  }
  get(start: number, end: number): Value[][] {
    const out: Value[][] = [];
    const fields = this.schema.fields;
    for (let bi = 0; bi < this.batches.length; bi++) {
      const b = this.batches[bi]!;
      const s = this.starts[bi]!;
      if (s + b.numRows <= start) continue;
      if (s >= end) break;
      const cols = fields.map((_, i) => b.getChildAt(i));
      for (let r = Math.max(0, start - s); r < b.numRows && s + r < end; r++) {
        out.push(fields.map((f, i) => plainValue(this.arrow, f.type, cols[i]?.get(r))));
      }
    }
    return out;
  }
}

/** A Parquet column's Arrow type, from its Parquet physical and logical types. */
function arrowType(arrow: Arrow, el: ParquetTable['schema'][number], sample: unknown): DataType {
  const logical = el.logical_type?.type;
  if (el.converted_type === 'DATE' || logical === 'DATE') return new arrow.DateDay();
  if (sample instanceof Date) return new arrow.TimestampMillisecond();
  switch (el.type) {
    case 'INT64': return new arrow.Int64();
    case 'INT32': return new arrow.Int32();
    case 'DOUBLE': return new arrow.Float64();
    case 'FLOAT': return new arrow.Float32();
    case 'BOOLEAN': return new arrow.Bool();
    default: return new arrow.Utf8();
  }
}

/** A decoded Parquet table as an Arrow table with the same columns and types. */
function toArrow(arrow: Arrow, t: ParquetTable) {
  const columns: Record<string, Vector> = {};
  for (const el of t.schema) {
    const values = t.rows.map((r) => r[el.name] ?? null);
    const type = arrowType(arrow, el, values.find((v) => v !== null));
    const typed = arrow.DataType.isInt(type) && type.bitWidth === 64
      ? values.map((v) => (v === null ? null : typeof v === 'bigint' ? v : BigInt(v as number)))
      : arrow.DataType.isInt(type) || arrow.DataType.isFloat(type)
        ? values.map((v) => (v === null ? null : Number(v)))
        : arrow.DataType.isUtf8(type)
          ? values.map((v) => (v === null ? null : String(v)))
          : values;
    columns[el.name] = arrow.vectorFromArray(typed as unknown[], type);
  }
  return new arrow.Table(columns);
}

/**
 * DuckDB's message, readable: some errors arrive as JSON ({"exception_type":"Parser",
 * "exception_message":…}), all with an "Error: " prefix from the worker.
 */
export function errorMessage(e: unknown): string {
  let m = (e instanceof Error ? e.message : String(e)).replace(/^(Error: )+/, '');
  if (m.startsWith('{')) {
    try {
      const j = JSON.parse(m) as { exception_type?: string; exception_message?: string };
      if (j.exception_message) m = `${j.exception_type ? `${j.exception_type} Error: ` : ''}${j.exception_message}`;
    } catch {
      // Not JSON after all: keep it as it came.
    }
  }
  return m.trim();
}

const isQuery = (sql: string) => /^\s*(\(|select\b|with\b|from\b|values\b|table\b|pivot\b|unpivot\b)/i.test(sql.replace(/^(\s*(--[^\n]*\n|\/\*[\s\S]*?\*\/))*/, ''));
const stripSemicolons = (sql: string) => sql.replace(/(;\s*|\s+|--[^\n]*$)+$/, '');

interface Running {
  cancelled: boolean;
  /** Rejects the caller's promise at once. */
  reject: (e: QueryError) => void;
  /** Settles when DuckDB is done with the job (which may be later than a cancel). */
  settled: Promise<void>;
  /** Lets the next job start; held back while a stuck worker is replaced. */
  release: () => void;
  restarting: boolean;
}

class DuckEngine implements Engine {
  version = '';
  /** The tables loaded so far (they load as queries name them). */
  tables: TableInfo[] = [];
  private db!: AsyncDuckDB;
  private conn!: AsyncDuckDBConnection;
  private running: Running | null = null;
  private idle: Promise<unknown> = Promise.resolve();

  constructor(private duck: Duck, private arrow: Arrow) {}

  get busy() {
    return this.running !== null;
  }

  async start(restart = false): Promise<void> {
    const { duck } = this;
    const bundle = await duck.selectBundle({
      mvp: { mainModule: abs(mvpWasm), mainWorker: abs(mvpWorker) },
      eh: { mainModule: abs(ehWasm), mainWorker: abs(ehWorker) },
    });
    const worker = new Worker(bundle.mainWorker!);
    this.db = new duck.AsyncDuckDB(new duck.VoidLogger(), worker);
    const phase: Phase = restart ? 'restart' : 'download';
    report({ phase, done: 0, total: 0 });
    await this.db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) => {
      if (p.bytesTotal > 0) report({ phase, done: p.bytesLoaded, total: p.bytesTotal });
    });
    report({ phase: 'start', done: 0, total: 0 });
    await this.db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
    this.version = await this.db.getVersion();
    this.conn = await this.db.connect();
    // No extension may be fetched: any use of one fails at once, with a clear message.
    for (const s of ['SET autoinstall_known_extensions = false', 'SET autoload_known_extensions = false']) await this.conn.query(s);
    // From here on no query can reach a file, a URL or an extension, nor switch that back on.
    await this.conn.query('SET enable_external_access = false');
    await this.conn.query('SET lock_configuration = true');

    this.loaded = new Map();
    this.tables = [];
    // Tables load when a query first names them (`need`): at scale, the applications table alone
    // is most of the data, and the compare tool never reads it.
    report({ phase: 'ready', done: 0, total: 0, detail: this.version });
  }

  private loaded = new Map<string, Promise<void>>();

  /**
   * Loads the published tables a SQL text names, each once. The names are found in the text as
   * words (comments and strings included): a word too many loads a table for nothing, none is ever
   * missed. (DuckDB's getTableNames binds the query, so it fails on a join of tables not yet loaded.)
   * External access stays off throughout: the tables arrive as Arrow from this page's own fetch.
   */
  private async need(sql: string): Promise<void> {
    const named = namedTables(sql);
    const wanted = named.filter((n) => !this.loaded.has(n));
    if (wanted.length === 0) {
      await Promise.all(named.map((n) => this.loaded.get(n)));
      return;
    }
    let done = 0;
    report({ phase: 'tables', done, total: wanted.length });
    const decoded = wanted.map((name) => tableOnce(name));
    for (const [i, name] of wanted.entries()) {
      const load = decoded[i]!.then(async (t) => {
        await this.conn.insertArrowTable(toArrow(this.arrow, t), { name });
        this.tables.push({ name, rows: t.rows.length });
        report({ phase: 'tables', done: ++done, total: wanted.length, detail: name });
      });
      this.loaded.set(name, load);
      load.catch(() => this.loaded.delete(name));
    }
    await Promise.all(wanted.map((n) => this.loaded.get(n)));
    report({ phase: 'ready', done: this.tables.length, total: this.tables.length, detail: this.version });
  }

  /** One job at a time on the connection; a cancel rejects the caller at once. */
  private async exclusive<T>(work: (state: Running) => Promise<T>): Promise<T> {
    const prev = this.idle;
    let release!: () => void;
    this.idle = new Promise<void>((r) => (release = r));
    await prev;
    const state: Running = { cancelled: false, reject: () => {}, settled: Promise.resolve(), release, restarting: false };
    const caller = new Promise<never>((_ok, reject) => (state.reject = reject));
    const job = work(state);
    state.settled = job.then(() => {}, () => {});
    void state.settled.then(() => { if (!state.restarting) release(); });
    this.running = state;
    try {
      return await Promise.race([job, caller]);
    } catch (e) {
      if (e instanceof QueryError || e instanceof CsvTooLarge) throw e;
      throw new QueryError(errorMessage(e));
    } finally {
      if (this.running === state) this.running = null;
    }
  }

  query(sql: string): Promise<Result> {
    if (!sql.trim()) return Promise.reject(new QueryError('Empty query'));
    return this.exclusive((state) => this.run(sql, state));
  }

  private async run(sql: string, state: Running): Promise<Result> {
    await this.need(sql);
    const t0 = performance.now();
    const reader = await (await this.conn.send(sql, true)).open();
    const rows = new Rows(this.arrow, reader.schema);
    let total = 0;
    let counted = false;
    for await (const batch of reader) {
      if (state.cancelled) break;
      if (rows.stored < KEEP_ROWS) {
        rows.add(batch);
        total += batch.numRows;
        continue;
      }
      // Past the rows kept: DuckDB counts them if the SQL is one query, else we read on and count.
      if (!counted && isQuery(sql) && !stripSemicolons(sql).includes(';')) {
        const n = await this.count(sql);
        if (n >= 0) {
          total = n;
          counted = true;
          break;
        }
        counted = true;
      }
      total += batch.numRows;
    }
    if (state.cancelled) throw new QueryError('Cancelled', true);
    const kept = Math.min(rows.stored, KEEP_ROWS);
    const ms = performance.now() - t0;
    const columns: ResultColumn[] = rows.schema.fields.map((f) => ({ name: f.name, type: String(f.type), kind: kindOf(this.arrow, f.type) }));
    const self = this;
    return {
      columns, rowCount: total, kept, truncated: kept < total, ms,
      rows: (start = 0, end = kept) => rows.get(start, Math.min(end, kept)),
      objects() {
        return rows.get(0, kept).map((r) => Object.fromEntries(columns.map((c, i) => [c.name, r[i] ?? null])));
      },
      async csv({ onProgress, signal, maxBytes = CSV_MAX_BYTES }: CsvOptions = {}) {
        const header = columns.map((c) => c.name);
        if (kept >= total) {
          const w = new CsvWriter(header, maxBytes);
          for (let s = 0; s < kept; s += 5000) for (const r of rows.get(s, Math.min(kept, s + 5000))) w.add(r);
          return w.blob();
        }
        // Far past the cap by the rows kept: say so now rather than after minutes of writing.
        if (estimateCsvBytes(header, rows.get(0, Math.min(kept, 2000)), total) > maxBytes * 1.5) throw new CsvTooLarge(0, maxBytes);
        return self.exclusive((st) => self.streamCsv(sql, st, new CsvWriter(header, maxBytes), onProgress, signal));
      },
    };
  }

  /** COUNT(*) of a query on a second connection (the open result stream stays valid); -1 if it fails. */
  private async count(sql: string): Promise<number> {
    const c = await this.db.connect();
    try {
      const t = await c.query(`SELECT count(*) AS n FROM (\n${stripSemicolons(sql)}\n)`);
      return Number(t.getChildAt(0)?.get(0) ?? -1);
    } catch {
      return -1;
    } finally {
      await c.close();
    }
  }

  /**
   * The whole result as CSV, read in batches into `out` (UTF-8, capped): for results too large to
   * keep. An abort cancels the query like the Cancel button of a cell.
   */
  private async streamCsv(sql: string, state: Running, out: CsvWriter, onProgress?: (rows: number) => void, signal?: AbortSignal): Promise<Blob> {
    const stop = () => {
      if (this.running === state) void this.cancel();
      else state.cancelled = true;
    };
    if (signal?.aborted) throw new QueryError('Cancelled', true);
    signal?.addEventListener('abort', stop, { once: true });
    try {
      await this.need(sql);
      const reader = await (await this.conn.send(sql, true)).open();
      const fields = reader.schema.fields;
      for await (const batch of reader) {
        if (state.cancelled) throw new QueryError('Cancelled', true);
        const cols = fields.map((_, i) => batch.getChildAt(i));
        for (let r = 0; r < batch.numRows; r++) out.add(fields.map((f, i) => plainValue(this.arrow, f.type, cols[i]?.get(r))));
        onProgress?.(out.rows);
      }
      if (state.cancelled) throw new QueryError('Cancelled', true);
      return out.blob();
    } finally {
      signal?.removeEventListener('abort', stop);
    }
  }

  async cancel(): Promise<void> {
    const state = this.running;
    if (!state) return;
    state.cancelled = true;
    state.reject(new QueryError('Cancelled', true));
    // DuckDB stops a pending query between its polls; if the job does not settle soon (one long
    // step, or a stuck worker), the worker goes and a fresh one loads the tables again.
    const stopped = await Promise.race([
      this.conn.cancelSent().then(() => state.settled, () => state.settled).then(() => true),
      new Promise<boolean>((ok) => setTimeout(() => ok(false), 2500)),
    ]);
    if (stopped) return;
    state.restarting = true;
    try {
      await this.db.terminate();
    } catch {
      // The worker is gone either way.
    }
    try {
      await this.start(true);
    } catch (e) {
      report({ phase: 'failed', done: 0, total: 0, detail: e instanceof Error ? e.message : String(e) });
    } finally {
      state.release();
    }
  }
}

let engine: Promise<Engine> | undefined;

/**
 * Starts the engine once per page (later calls return the same promise). Progress goes to
 * onProgress listeners; performance marks `atlas:duckdb-start` and `atlas:duckdb-ready` time it.
 */
export function startEngine(): Promise<Engine> {
  if (!engine) {
    performance.mark('atlas:duckdb-start');
    engine = (async () => {
      const [duck, arrow] = await Promise.all([import('@duckdb/duckdb-wasm'), import('apache-arrow')]);
      const e = new DuckEngine(duck, arrow);
      await e.start();
      performance.mark('atlas:duckdb-ready');
      return e;
    })();
    engine.catch((e: unknown) => report({ phase: 'failed', done: 0, total: 0, detail: e instanceof Error ? e.message : String(e) }));
  }
  return engine;
}
