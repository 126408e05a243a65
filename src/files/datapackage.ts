import type { Label } from '../schema/template.ts';
import type { Column, TableDef } from '../schema/tables.ts';
import { fileHash, makeVersion, versionHash, type DataVersion } from './version.ts';

/** What describes the package as a whole; nothing here comes from the clock, so output is stable. */
export interface PackageMeta {
  /** Package id: lower case, digits, `-._/` only (Frictionless). */
  name: string;
  /** The tables' schema version (package.json): bumped when a column is renamed or removed. */
  schemaVersion: string;
  title: Label;
  description: Label;
  homepage?: string;
  keywords?: readonly string[];
  /** At least one; `name` is an Open Definition / SPDX id. */
  licenses: readonly { name: string; title?: string; path?: string }[];
  sources: readonly { title: string; path?: string }[];
}

/** A file's size and `sha256:<hex>`, as the descriptor states them (a streamed file is not held to be hashed). */
export interface FileFacts {
  bytes: number;
  hash: string;
}

/** One published table and its two serialisations: their bytes, or their facts when written as a stream. */
export interface TableFiles {
  def: TableDef;
  csv: Uint8Array | string | FileFacts;
  parquet: Uint8Array | FileFacts;
}

const bytesOf = (x: Uint8Array | string) => (typeof x === 'string' ? new TextEncoder().encode(x) : x);

function fileFacts(x: Uint8Array | string | FileFacts): FileFacts {
  if (typeof x !== 'string' && !(x instanceof Uint8Array)) return { bytes: x.bytes, hash: x.hash };
  const b = bytesOf(x);
  return { bytes: b.byteLength, hash: fileHash(b) };
}

/** The data version of these tables on that date: the hash covers every CSV and Parquet file. */
export function tablesVersion(tables: readonly TableFiles[], date: string): DataVersion {
  const files = tables.flatMap(({ def, csv, parquet }) => [
    { path: `${def.name}.csv`, hash: fileFacts(csv).hash },
    { path: `${def.name}.parquet`, hash: fileFacts(parquet).hash },
  ]);
  return makeVersion(date, versionHash(files));
}

function field(c: Column) {
  return {
    name: c.name,
    type: c.type, // TableDef types are already Table Schema type names
    title: c.zh,
    description: c.en,
    ...(c.values ? { constraints: { enum: [...c.values] } } : {}),
  };
}

/** Table Schema; `missingValues: ['']` says a blank CSV cell is NULL, as the contract does. */
function tableSchema(def: TableDef) {
  return { fields: def.columns.map(field), missingValues: [''], primaryKey: [...def.key] };
}

/**
 * Frictionless Data Package (v1, profile tabular-data-package). Each table is two resources:
 * `<name>` (the CSV) and `<name>-parquet` (the same rows as Parquet). The profile demands every
 * resource be a tabular-data-resource with a schema, so the Parquet one carries the same schema;
 * CSV-only tools take the first resource of a table and ignore format 'parquet'.
 * Title is Chinese, description English, for the package, every resource and every field.
 * `version` is the data version (`<date>.<hash>`, src/files/version.ts), `created` its date at
 * midnight UTC (the day the data is current to, not the moment of the build, so the descriptor is
 * reproducible), `schema_version` the tables' schema version.
 */
export function dataPackage(tables: readonly TableFiles[], meta: PackageMeta, version: DataVersion) {
  return {
    profile: 'tabular-data-package',
    name: meta.name,
    version: version.version,
    created: `${version.date}T00:00:00Z`,
    schema_version: meta.schemaVersion,
    title: `${meta.title.zh} ${meta.title.en}`,
    description: `${meta.description.zh}\n\n${meta.description.en}`,
    ...(meta.homepage ? { homepage: meta.homepage } : {}),
    ...(meta.keywords ? { keywords: [...meta.keywords] } : {}),
    licenses: meta.licenses.map((l) => ({ ...l })),
    sources: meta.sources.map((s) => ({ ...s })),
    resources: tables.flatMap(({ def, csv, parquet }) => [
      {
        profile: 'tabular-data-resource',
        name: def.name,
        path: `${def.name}.csv`,
        title: def.zh,
        description: def.en,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        ...fileFacts(csv),
        dialect: { delimiter: ',', lineTerminator: '\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: tableSchema(def),
      },
      {
        profile: 'tabular-data-resource',
        name: `${def.name}-parquet`,
        path: `${def.name}.parquet`,
        title: def.zh,
        description: `${def.en} (Parquet)`,
        format: 'parquet',
        mediatype: 'application/vnd.apache.parquet',
        ...fileFacts(parquet),
        schema: tableSchema(def),
      },
    ]),
  };
}

/** The file text: 2-space JSON plus a final newline. */
export const dataPackageJson = (pkg: ReturnType<typeof dataPackage>) => JSON.stringify(pkg, null, 2) + '\n';
