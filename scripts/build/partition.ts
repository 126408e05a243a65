/**
 * Pass 1 into a partition on disk, and partitions read back for the merge.
 *
 * A partition (one shard of the inputs, or all of them) is a folder:
 * - `partition.json`: which shard of how many, and a fingerprint of the folder listing and the
 *   manifest, so a merge refuses shards of different inputs;
 * - `keys.json`: one key per report (src/tables DraftKey and a few facts for the log), with where
 *   its draft lies in `drafts.bin`;
 * - `drafts.bin`: every report's draft, v8-serialised, one after another;
 * - `sources/`: originals (PDF, DOCX) and the structure read from them.
 * Keys are written in file-name order and drafts in the same order, whatever the thread count.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import Tinypool from 'tinypool';
import type { PageMeta } from '../../src/parse/index.ts';
import type { Draft } from '../../src/tables/index.ts';
import type { DraftTask, Drafted, ReportKey } from './draft-file.ts';
import { Progress } from './progress.ts';

export const FORMAT = 'disclosure-atlas-partition/1';

/** Files a pool task reads at most (fewer when there are few files, so every thread has work). */
const BATCH = 8;
/**
 * A worker's young generation, MB: parsing makes many short-lived objects, and V8's default (16 MB
 * semi-spaces) spends a fifth of the time collecting them; 96 (32 MB semi-spaces, as build:data's
 * main thread is given in package.json) took a sixth off pass 1's CPU time at 10,000 reports.
 */
const YOUNG_MB = 96;

export interface PartitionMeta {
  format: typeof FORMAT;
  /** 1-based. */
  shard: number;
  of: number;
  /** sha256 over the sorted listing of the reports folder and the manifest's bytes. */
  inputs: string;
  reports: number;
}

export interface StoredKey extends ReportKey {
  off: number;
  len: number;
}

/** The shard (1…N) a file belongs to: by a hash of its name, so it never moves as files are added. */
export function shardOf(file: string, of: number): number {
  return (createHash('sha256').update(file).digest().readUInt32BE(0) % of) + 1;
}

/** A fingerprint of what every shard must agree on: the folder's entries and the manifest. */
export function inputsFingerprint(files: readonly string[], manifest: Uint8Array | null): string {
  const h = createHash('sha256').update(files.join('\n')).update('\0');
  if (manifest) h.update(manifest);
  return h.digest('hex');
}

/**
 * Threads to use for `files` entries: asked for (default every core), but a pool costs more to start
 * (each worker loads the parser) than a small folder takes to read, so under 16 files a thread.
 */
export function threadsFor(asked: number | undefined, files: number): number {
  const want = asked ?? availableParallelism();
  return Math.max(1, Math.min(want, Math.floor(files / 16)));
}

export interface Pass1Options {
  dir: string;
  files: readonly string[];
  manifest: Map<string, PageMeta>;
  stemOf: (file: string) => string;
  /** Where the partition goes (made empty first). */
  out: string;
  /** Where originals go. */
  sources: string;
  threads: number;
  meta: Omit<PartitionMeta, 'format' | 'reports'>;
}

/** Reads, parses and drafts every file (in a pool of worker threads, or in-process with 1), spilling drafts to disk. */
export async function pass1(o: Pass1Options): Promise<void> {
  // A shard folder is rewritten whole; any other folder with files in it is not ours to empty.
  if (existsSync(o.out) && readdirSync(o.out).length && !existsSync(join(o.out, 'partition.json'))) {
    throw new Error(`${o.out} holds files but no partition.json: not a shard folder, not emptied (give a new or empty folder)`);
  }
  rmSync(o.out, { recursive: true, force: true });
  mkdirSync(o.out, { recursive: true });
  const fd = openSync(join(o.out, 'drafts.bin'), 'w');
  const keys: StoredKey[] = [];
  let off = 0;
  const store = ({ key, blob }: Drafted) => {
    const b = blob instanceof Uint8Array ? blob : new Uint8Array(blob);
    for (let w = 0; w < b.byteLength;) w += writeSync(fd, b, w, b.byteLength - w);
    keys.push({ ...key, off, len: b.byteLength });
    off += b.byteLength;
    progress.tick();
  };
  const task = (file: string): DraftTask => {
    const meta = o.manifest.get(o.stemOf(file));
    return { dir: o.dir, file, sources: o.sources, ...(meta ? { manifest: meta } : {}) };
  };
  const progress = new Progress('read+parse', o.files.length);
  if (o.threads <= 1) {
    // Loaded only here: with a pool, the readers of originals (pdfjs) live in the workers alone.
    const { draftFile } = await import('./draft-file.ts');
    for (const f of o.files) store(await draftFile(task(f)));
  } else {
    const pool = new Tinypool({ filename: new URL('./worker.mjs', import.meta.url).href, minThreads: o.threads, maxThreads: o.threads, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_MB } });
    try {
      // A window of batches in flight, results stored in file order: memory stays bounded however
      // many files, and the partition is the same whatever the thread count. Files go in batches
      // because each task costs the pool a message both ways and a reading of the worker's memory
      // (tinypool calls process.memoryUsage(), ~4% of a worker's time with one file a task).
      const batch = Math.max(1, Math.min(BATCH, Math.floor(o.files.length / (o.threads * 4))));
      const window = o.threads * 4;
      const inFlight: Promise<Drafted[]>[] = [];
      let next = 0;
      while (next < o.files.length || inFlight.length) {
        while (next < o.files.length && inFlight.length < window) {
          const files = o.files.slice(next, (next += batch));
          inFlight.push(pool.run(files.map(task)) as Promise<Drafted[]>);
        }
        for (const d of await inFlight.shift()!) store(d);
      }
    } finally {
      await pool.destroy();
    }
  }
  progress.end();
  closeSync(fd);
  writeFileSync(join(o.out, 'keys.json'), JSON.stringify(keys));
  const meta: PartitionMeta = { format: FORMAT, ...o.meta, reports: keys.length };
  writeFileSync(join(o.out, 'partition.json'), JSON.stringify(meta, null, 2) + '\n');
}

/** A partition read back: its keys, and its drafts one at a time. */
export class Partition {
  readonly meta: PartitionMeta;
  readonly keys: StoredKey[];
  private fd: number | null = null;
  constructor(readonly dir: string) {
    const meta = JSON.parse(readFileSync(join(dir, 'partition.json'), 'utf8')) as PartitionMeta;
    if (meta.format !== FORMAT) throw new Error(`${dir}: not a partition of this build (${String(meta.format)})`);
    this.meta = meta;
    this.keys = JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8')) as StoredKey[];
  }
  draft(k: StoredKey): Draft {
    this.fd ??= openSync(join(this.dir, 'drafts.bin'), 'r');
    const b = Buffer.allocUnsafe(k.len);
    for (let r = 0; r < k.len;) {
      const n = readSync(this.fd, b, r, k.len - r, k.off + r);
      if (n === 0) throw new Error(`${this.dir}/drafts.bin: cut short (a partition still being written?)`);
      r += n;
    }
    return deserialize(b) as Draft;
  }
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
