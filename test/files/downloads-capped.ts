/**
 * Writes the workbook and the zip for one table, `applications`, of `n` rows in DIR: run by
 * test/files/downloads.test.ts under a heap cap far below the size of the sheet's XML.
 * Usage: node --max-old-space-size=MB --import tsx test/files/downloads-capped.ts DIR N
 */
import { writeDownloads } from '../../src/files/zip-task.ts';
import { PACKAGE } from '../../src/files/package.ts';
import { makeVersion } from '../../src/files/version.ts';
import { table } from '../../src/schema/tables.ts';

const [dir, n] = process.argv.slice(2);
await writeDownloads(dir!, [{ def: table('applications'), count: Number(n) }], makeVersion('2024-01-31', 'abcdef0'), PACKAGE, {
  env: {},
  // Bounds for this heap: the defaults' 16 million characters would not fit in 40 MB.
  sharedStrings: { maxCount: 100_000, maxChars: 2_000_000 },
});
