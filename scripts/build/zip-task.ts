/** The zip of every table's files (src/files/downloads.ts writeZip), from what a worker thread is handed. */
import { Worker } from 'node:worker_threads';
import { writeZip, type DataVersion, type PackageMeta } from '../../src/files/index.ts';
import { TABLES } from '../../src/schema/tables.ts';

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
