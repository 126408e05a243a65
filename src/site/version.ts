/**
 * The data version every page footer, embed, export and download names: the date the data is
 * current to and a short hash of the published table files, e.g. `2025-03-31.1a2b3c4`.
 * `npm run build:data` computes it (src/files/version.ts) and writes it into datapackage.json;
 * here it is read back, so it is the same on any day and in any time zone for the same data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseVersion, versionHash, type DataVersion } from '../files/version.ts';
import { DATA_DIR } from './data.ts';

export type { DataVersion };

let cached: { dir: string; version: DataVersion } | undefined;

/**
 * The data version of the tables in DATA_DIR (or `dir`), from its datapackage.json. Throws when the
 * descriptor names no version or one whose hash does not match the files it lists (a descriptor
 * from an older build, or edited by hand): run `npm run build:data`.
 */
export function dataVersion(dir: string = DATA_DIR): DataVersion {
  if (cached?.dir === dir) return cached.version;
  const path = join(dir, 'datapackage.json');
  const pkg = JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown; resources?: { path: string; hash?: string }[] };
  const version = parseVersion(pkg.version);
  if (!version) throw new Error(`${path}: "version" ${JSON.stringify(pkg.version)} is not a data version (<date>.<hash>): run npm run build:data`);
  const hash = versionHash((pkg.resources ?? []).map((r) => ({ path: r.path, hash: r.hash ?? '' })));
  if (hash !== version.hash) throw new Error(`${path}: version ${version.version} does not match the files it lists (hash ${hash}): run npm run build:data`);
  cached = { dir, version };
  return version;
}
