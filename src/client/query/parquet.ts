/**
 * The published Parquet files, fetched once per page and decoded with hyparquet (pure JS). Both
 * the engine (which hands them to DuckDB as Arrow) and the compare tool's first chart (drawn
 * before DuckDB is ready) read them through here, so each file is downloaded once.
 */
import { parquetMetadata, parquetReadObjects, type SchemaElement } from 'hyparquet';
import { withBase } from '../../site/url.ts';

export type ParquetValue = string | number | bigint | boolean | Date | null | Uint8Array;
export interface ParquetTable {
  /** Leaf columns in file order, with their Parquet types. */
  schema: SchemaElement[];
  rows: Record<string, ParquetValue>[];
}

const files = new Map<string, Promise<ArrayBuffer>>();

/** The data folder: `<meta name="atlas-data">` where a page names one (an embed pinned to a data version), else `<base>/data/`. */
function dataRoot(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="atlas-data"]')?.content || withBase('data/');
}

/** The bytes of `<data folder>/<name>.parquet` (same origin, memoised). */
export function fetchParquet(name: string): Promise<ArrayBuffer> {
  if (!/^[a-z0-9_]+$/.test(name)) return Promise.reject(new Error(`bad table name ${name}`));
  let p = files.get(name);
  if (!p) {
    p = fetch(`${dataRoot()}${name}.parquet`).then((r) => {
      if (!r.ok) throw new Error(`data/${name}.parquet: HTTP ${r.status}`);
      return r.arrayBuffer();
    });
    p.catch(() => files.delete(name));
    files.set(name, p);
  }
  return p;
}

/** Decodes a Parquet file: every row as an object, and the schema to type the columns. */
export async function decodeParquet(buf: ArrayBuffer): Promise<ParquetTable> {
  const meta = parquetMetadata(buf);
  const schema = meta.schema.filter((e) => !e.num_children);
  const rows = (await parquetReadObjects({ file: buf, metadata: meta })) as Record<string, ParquetValue>[];
  return { schema, rows };
}

const decoded = new Map<string, Promise<ParquetTable>>();
/** A published table, fetched and decoded (memoised). */
export function readTable(name: string): Promise<ParquetTable> {
  let p = decoded.get(name);
  if (!p) {
    p = fetchParquet(name).then(decodeParquet);
    p.catch(() => decoded.delete(name));
    decoded.set(name, p);
  }
  return p;
}

/**
 * A table for the engine: the decoded one the page already has or is decoding (the compare tool's
 * first chart reads `summary` through readTable), else fetched and decoded without keeping the rows:
 * once DuckDB has them, a large table's row objects would only hold the page's memory.
 */
export function tableOnce(name: string): Promise<ParquetTable> {
  return decoded.get(name) ?? fetchParquet(name).then(decodeParquet);
}

/** A Parquet value as a plain JS value (INT64 → number, DATE → ISO string). */
export function plain(v: ParquetValue | undefined): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v instanceof Uint8Array) return null;
  return v;
}
