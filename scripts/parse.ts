/** `npm run parse -- FILE...`: prints each parsed report as JSON, warnings included. */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { extract, originalOf } from '../src/read/index.ts';
import { MANIFEST_NAMES, parseFile, readManifest, stemOf, type PageMeta } from '../src/parse/index.ts';

const USAGE = 'usage: npm run parse -- [--manifest FILE] FILE...   (.txt, .md, .html, .pdf, .docx)';
let parsed;
try {
  parsed = parseArgs({ options: { manifest: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (parsed.values.help) {
  console.log(USAGE);
  process.exit(0);
}
const manifestArg = parsed.values.manifest;
const files = parsed.positionals;
/** The manifest given, or one beside the file or in the folder above (SOURCES.tsv, manifest.csv). */
const manifestFor = (file: string): PageMeta | undefined => {
  const path = manifestArg ?? [dirname(file), join(dirname(file), '..')].flatMap((d) => MANIFEST_NAMES.map((n) => join(d, n))).find((p) => existsSync(p));
  return path ? readManifest(readFileSync(path, 'utf8')).get(stemOf(file)) : undefined;
};
if (files.length === 0) {
  console.error(USAGE);
  process.exit(2);
}
const out = [];
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  const original = originalOf(file, bytes);
  const { report, encoding } = parseFile(bytes, file, manifestFor(file), original ? await extract(bytes, original) : undefined);
  out.push({ file: basename(file), encoding, ...report });
}
process.stdout.write(JSON.stringify(files.length === 1 ? out[0] : out, null, 2) + '\n');
