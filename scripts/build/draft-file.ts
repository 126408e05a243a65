/**
 * Pass 1 of the data build for one folder entry: read its bytes, read an original (PDF, DOCX) to
 * its structure (kept under `sources/`), parse, resolve the agency, count coverage
 * (src/tables draftReport), and hand back the small key the global step needs plus the draft
 * itself, serialised (v8: exact for every value a report holds), to be spilled to disk. Runs in a
 * worker thread or in-process alike: nothing here depends on which, or on the other files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { loadRegistry, type Registry } from '../../src/agencies/index.ts';
import type { PageMeta } from '../../src/parse/index.ts';
import { extract, originalOf } from '../../src/read/index.ts';
import { draftReport, keyOf, type DraftKey } from '../../src/tables/index.ts';
import { readEntry } from '../folder.ts';

export interface DraftTask {
  dir: string;
  file: string;
  manifest?: PageMeta;
  /** Where originals and the structure read from them go (`<out>/sources`, or a shard's). */
  sources: string;
}

/** What the global step keeps of a report (everything else stays on disk until the tables are written). */
export interface ReportKey extends DraftKey {
  cellsExpected: number;
  cellsRead: number;
  /** Why the entry was not read (for the "Not read" list). */
  unread?: string;
  /** The errors of a failed report (for its FAILED line). */
  errors?: string[];
}

export interface Drafted {
  key: ReportKey;
  /** The Draft, v8-serialised. */
  blob: Uint8Array;
}

let registry: Registry | undefined;

export async function draftFile(task: DraftTask): Promise<Drafted> {
  registry ??= loadRegistry();
  const { dir, file, manifest } = task;
  const entry = readEntry(dir, file);
  const bytes = entry.bytes ?? new Uint8Array();
  // Originals (PDF, DOCX) are read to their structure first; the site shows that structure and
  // offers the original for download, both under <out>/sources/.
  const original = entry.bytes ? originalOf(file, bytes) : undefined;
  const extracted = original ? await extract(bytes, original) : undefined;
  if (extracted) {
    mkdirSync(task.sources, { recursive: true });
    writeFileSync(join(task.sources, file), bytes);
    if (!extracted.problem) writeFileSync(join(task.sources, `${file}.html`), extracted.html);
  }
  const draft = draftReport({ file, bytes, ...(manifest ? { manifest } : {}), ...(extracted ? { extracted } : {}), ...(entry.unread ? { unread: entry.unread } : {}) }, registry);
  const errors = draft.report.warnings.filter((w) => w.severity === 'error').map((w) => w.message);
  const key: ReportKey = {
    ...keyOf(draft), cellsExpected: draft.coverage.expected, cellsRead: draft.coverage.read,
    ...(entry.unread ? { unread: entry.unread.en } : {}), ...(errors.length ? { errors } : {}),
  };
  return { key, blob: serialize(draft) };
}
