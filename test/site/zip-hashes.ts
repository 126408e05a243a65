/**
 * Prints, as JSON, the SHA-256 of a workbook written in memory (src/site/xlsx.ts) and of a zip
 * streamed to disk (src/files/zip.ts): run under several TZ values by test/site/zip.test.ts, which
 * requires the same hashes.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipFileWriter } from '../../src/files/zip.ts';
import { xlsx } from '../../src/site/xlsx.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const dir = mkdtempSync(join(tmpdir(), 'zip-hashes-'));
try {
  const zip = new ZipFileWriter(join(dir, 'a.zip'));
  zip.add('a.txt', new TextEncoder().encode('中文'), 6);
  zip.add('b.bin', new Uint8Array(5000).fill(7), 0);
  zip.close();
  process.stdout.write(JSON.stringify({
    xlsx: sha(xlsx([{ name: 'a', rows: [['x', 'y'], ['中文', 1.5], [null, 2]] }])),
    streamed: sha(readFileSync(join(dir, 'a.zip'))),
  }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
