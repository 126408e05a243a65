/**
 * Prints the SHA-256 of the workbook and zip bytes the site makes, as JSON: run under two TZ
 * values by test/site/zip.test.ts and site.test.ts, which require the same hashes. With
 * ATLAS_DATA_DIR set, also the Data page's own workbook and zip (built from that folder).
 */
import { createHash } from 'node:crypto';
import { xlsx } from '../../src/site/xlsx.ts';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const out: Record<string, string> = {
  xlsx: sha(xlsx([{ name: 'a', rows: [['x', 'y'], ['中文', 1.5], [null, 2]] }])),
};
if (process.env.ATLAS_DATA_DIR) {
  const { downloads } = await import('../../src/site/downloads.ts');
  const d = downloads();
  out.workbook = sha(d.workbook);
  out.zip = sha(d.zip);
  out.listed = d.extra.map((f) => `${f.name} ${f.sha256}`).join('; ');
}
process.stdout.write(JSON.stringify(out));
