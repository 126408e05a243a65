/**
 * The two downloads written at once (writeDownloads): the zip of every table's files in a worker
 * thread (zip-worker.mjs runs writeZipTask), the workbook on the calling thread. Apart from
 * downloads.ts so the site, which only names the files, does not bundle the worker.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { TABLES } from '../schema/tables.ts';
import type { PackageMeta } from './datapackage.ts';
import { writeWorkbook, writeZip, WORKBOOK, ZIP, type DownloadOptions, type DownloadTable } from './downloads.ts';
import type { DataVersion } from './version.ts';

export interface ZipTask {
  dir: string;
  tables: { name: string; count: number }[];
  version: DataVersion;
  meta: PackageMeta;
  env: Record<string, string | undefined>;
}

export function writeZipTask(t: ZipTask): number {
  const tables = t.tables.map(({ name, count }) => ({ def: TABLES.find((d) => d.name === name)!, count }));
  return writeZip(t.dir, tables, t.version, t.meta, { env: t.env });
}

/** Writes the zip in a worker thread; resolves to its size. Its error, if any, rejects. */
export function writeZipInWorker(task: ZipTask): Promise<number> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./zip-worker.mjs', import.meta.url), { workerData: task });
    let size: number | undefined;
    w.once('message', (n: number) => (size = n));
    w.once('error', reject);
    w.once('exit', (code) => (size !== undefined ? resolve(size) : reject(new Error(`the zip's worker thread stopped (exit code ${code})`))));
  });
}

/**
 * The workbook and the zip, into `dir` beside the tables; their paths and sizes. Both are mostly
 * deflating, so at once: the zip in a worker thread, the workbook here.
 */
export async function writeDownloads(dir: string, tables: readonly DownloadTable[], v: DataVersion, meta: PackageMeta, opts: DownloadOptions = {}): Promise<{ path: string; bytes: number }[]> {
  const zip = writeZipInWorker({ dir, tables: tables.map(({ def, count }) => ({ name: def.name, count })), version: v, meta, env: { SOURCE_DATE_EPOCH: (opts.env ?? process.env).SOURCE_DATE_EPOCH } });
  let workbook: number;
  // A failed workbook still waits for the zip's thread, so no .partial is being written after this returns.
  try {
    workbook = writeWorkbook(dir, tables, v, meta, opts);
  } finally {
    await zip.catch(() => undefined);
  }
  return [{ path: join(dir, WORKBOOK), bytes: workbook }, { path: join(dir, ZIP), bytes: await zip }];
}
