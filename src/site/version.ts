/**
 * The data version every page footer, embed, export and download names: the date the data is
 * current to and a short hash of the published files, e.g. `2025-03-31.1a2b3c4`. Read from
 * datapackage.json, so it is the same on any day for the same inputs.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from './data.ts';

export interface DataVersion {
  /** `<date>.<hash>` */
  version: string;
  /** YYYY-MM-DD */
  date: string;
  /** 7 hex digits over the published files' hashes */
  hash: string;
}

let cached: DataVersion | undefined;

export function dataVersion(): DataVersion {
  if (cached) return cached;
  const pkg = JSON.parse(readFileSync(join(DATA_DIR, 'datapackage.json'), 'utf8')) as { resources: { path: string; hash?: string }[]; version?: string };
  const hash = createHash('sha256').update(pkg.resources.map((r) => `${r.path} ${r.hash ?? ''}\n`).join('')).digest('hex').slice(0, 7);
  // Placeholder date until build:data writes the version (issue 10): SOURCE_DATE_EPOCH or a fixed day.
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const date = Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000).toISOString().slice(0, 10) : '2026-01-01';
  return (cached = { version: `${date}.${hash}`, date, hash });
}
