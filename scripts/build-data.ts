/**
 * `npm run build:data [-- --reports DIR --out DIR --manifest FILE --strict]`: report texts in, checked tables out.
 * Defaults: src/data/reports → public/data (served at <base>/data/).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadRegistry } from '../src/agencies/index.ts';
import { writeTables } from '../src/files/index.ts';
import { buildDataset, tables, type Input } from '../src/tables/index.ts';
import { extract, originalOf } from '../src/read/index.ts';
import { PACKAGE } from '../src/files/package.ts';
import { MANIFEST_NAMES, readManifest, stemOf } from '../src/parse/index.ts';
import { cliFlags } from './cli.ts';
import { isRegularFile, listFolder, readEntry, unreadable, type FolderEntry } from './folder.ts';

const flags = cliFlags(`usage: npm run build:data -- [--reports DIR] [--out DIR] [--manifest FILE] [--strict]
  --reports DIR    the folder of reports (default src/data/reports): .txt, .md, .html, .pdf, .docx
  --out DIR        where the tables go (default public/data)
  --manifest FILE  a manifest (SOURCES.tsv, manifest.csv) kept elsewhere
  --strict         exit 1 if any report failed`, {
  reports: { type: 'string' }, out: { type: 'string' }, manifest: { type: 'string' }, strict: { type: 'boolean' },
});
const reportsDir = resolve(flags.reports ?? 'src/data/reports');
const outDir = resolve(flags.out ?? 'public/data');
const strict = flags.strict === true;

// Every entry of the folder appears in `reports`: read, or failed with why not (scripts/folder.ts).
const all = listFolder(reportsDir);
const log = (s: string) => process.stderr.write(s + '\n');
// A manifest beside the reports (SOURCES.tsv, manifest.csv) supplies what files lack; it is not a report.
const manifestFile = MANIFEST_NAMES.find((m) => all.includes(m) && isRegularFile(join(reportsDir, m)));
// The manifest named, else one among the reports, else one in the folder above (a corpus keeps
// SOURCES.tsv beside its txt/ and html/ folders).
const manifestPath = flags.manifest !== undefined ? resolve(flags.manifest)
  : manifestFile ? join(reportsDir, manifestFile)
  : MANIFEST_NAMES.map((m) => join(reportsDir, '..', m)).find((p) => existsSync(p)) ?? null;
let manifest: ReturnType<typeof readManifest> = new Map();
try {
  if (manifestPath) manifest = readManifest(readFileSync(manifestPath, 'utf8'));
} catch (e) {
  // An unreadable manifest leaves the reports to their own metadata; the build goes on.
  log(`  manifest ${relative(process.cwd(), manifestPath!)} not read: ${unreadable(e).en}`);
}
const files = all.filter((f) => f !== manifestFile);
log(`Reading ${files.length} report file(s) from ${relative(process.cwd(), reportsDir) || '.'}${manifestPath ? ` with the manifest ${relative(process.cwd(), manifestPath)} (${manifest.size} rows)` : ''}`);
const inputs: Input[] = [];
const unread: FolderEntry[] = [];
for (const [i, file] of files.entries()) {
  if (files.length > 20 && (i + 1) % Math.ceil(files.length / 20) === 0) log(`  read ${i + 1}/${files.length}`);
  const meta = manifest.get(stemOf(file));
  const entry = readEntry(reportsDir, file);
  if (!entry.bytes) {
    unread.push(entry);
    inputs.push({ file, bytes: new Uint8Array(), ...(meta ? { manifest: meta } : {}), unread: entry.unread! });
    continue;
  }
  const bytes = entry.bytes;
  // Originals (PDF, DOCX) are read to their structure first; the site shows that structure and
  // offers the original for download, both under <out>/sources/.
  const original = originalOf(file, bytes);
  const extracted = original ? await extract(bytes, original) : undefined;
  if (extracted) {
    mkdirSync(join(outDir, 'sources'), { recursive: true });
    writeFileSync(join(outDir, 'sources', file), bytes);
    if (!extracted.problem) writeFileSync(join(outDir, 'sources', `${file}.html`), extracted.html);
  }
  inputs.push({ file, bytes, ...(meta ? { manifest: meta } : {}), ...(extracted ? { extracted } : {}) });
}
if (unread.length) {
  log(`Not read: ${unread.length} folder entr${unread.length === 1 ? 'y' : 'ies'} (each a failed report with the reason):`);
  for (const u of unread) log(`  ${u.file}: ${u.unread!.en}`);
}
const started = Date.now();
const registry = loadRegistry();
const entries = buildDataset(inputs, registry);
const built = tables(entries, registry);
const written = await writeTables(outDir, built, PACKAGE);

const count = (s: string) => entries.filter((e) => e.report.status === s).length;
const failedChecks = entries.reduce((n, e) => n + e.checks.filter((c) => c.status === 'fail').length, 0);
for (const e of entries.filter((e) => e.report.status === 'failed')) {
  log(`  FAILED ${e.file}: ${e.report.warnings.filter((w) => w.severity === 'error').map((w) => w.message).join('; ')}`);
}
log(`Reports read: ${entries.length} — ok ${count('ok')}, with warnings ${count('warnings')}, failed ${count('failed')}`);
const cellsExpected = entries.reduce((n, e) => n + e.coverage.expected, 0);
const cellsRead = entries.reduce((n, e) => n + e.coverage.read, 0);
const underHalf = entries.filter((e) => 2 * e.coverage.read < e.coverage.expected).length;
const pct = cellsExpected ? ` (${((100 * cellsRead) / cellsExpected).toFixed(1)}%)` : '';
log(`Cells read: ${cellsRead} of ${cellsExpected} prescribed${pct}; reports under 50%: ${underHalf}`);
log(`Checks failed: ${failedChecks}`);
log(`Files written: ${written.length} to ${relative(process.cwd(), outDir) || '.'} (${(Date.now() - started)} ms)`);
if (strict && count('failed') > 0) {
  log(`--strict: ${count('failed')} report(s) failed`);
  process.exit(1);
}
