/** `npm run parse -- FILE...`: prints each parsed report as JSON, warnings included. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decode, parseReport } from '../src/parse/index.ts';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: npm run parse -- FILE...');
  process.exit(2);
}
const out = files.map((file) => {
  const d = decode(new Uint8Array(readFileSync(file)));
  const report = d.problem ? { ...parseReport(''), warnings: [d.problem], status: 'failed' as const } : parseReport(d.text);
  return { file: basename(file), encoding: d.encoding, ...report, warnings: [...d.notes, ...report.warnings] };
});
process.stdout.write(JSON.stringify(files.length === 1 ? out[0] : out, null, 2) + '\n');
