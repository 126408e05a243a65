/** `npm run parse -- FILE...`: prints each parsed report as JSON, warnings included. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseFile } from '../src/parse/index.ts';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: npm run parse -- FILE...');
  process.exit(2);
}
const out = files.map((file) => {
  const { report, encoding } = parseFile(new Uint8Array(readFileSync(file)), file);
  return { file: basename(file), encoding, ...report };
});
process.stdout.write(JSON.stringify(files.length === 1 ? out[0] : out, null, 2) + '\n');
