/**
 * `npm run bench:parse [-- --seconds S --corpus DIR --no-write]`: parse throughput on one core.
 * `npm run bench:parse -- --save FILE` / `--check FILE`: no timing; every report of the sets
 * (src/data/reports whole, the corpus texts and pages) parsed once and its report written to FILE
 * as JSON, or compared with FILE (exit 1 naming the files whose report changed): an optimisation
 * must leave every value, warning, line and cell as it was.
 *
 * For each set of report files — the five seeds (src/data/reports) and, when the folder exists,
 * the Pingtan corpus texts and HTML pages (DIR/txt, DIR/html; DIR defaults to
 * ../shared/corpus/pingtan beside the checkout) — reads every file into memory first, parses each
 * once to warm up, then runs `parseFile(bytes, file)` (src/parse/report.ts: decode, layout, every
 * section and table) over the whole set again and again for about S seconds (default 2) on
 * Node's main thread, and reports files per second. No disk I/O is timed. Replaces (or appends)
 * its section of BENCHMARKS.md unless --no-write.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFile } from '../src/parse/report.ts';
import { MANIFEST_NAMES } from '../src/parse/index.ts';
import { extract } from '../src/read/index.ts';
import { writeSection } from './benchmarks-file.ts';
import { cliFlags } from './cli.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const flags = cliFlags('usage: npm run bench:parse [-- --seconds S] [--corpus DIR] [--no-write] [--save FILE | --check FILE]', {
  seconds: { type: 'string' }, corpus: { type: 'string' }, 'no-write': { type: 'boolean' }, save: { type: 'string' }, check: { type: 'string' },
});
const seconds = Number(flags.seconds ?? 2);
if (!(seconds > 0)) {
  console.error(`--seconds takes a positive number, not ${JSON.stringify(flags.seconds)}`);
  process.exit(2);
}
const corpus = resolve(flags.corpus ?? join(ROOT, '..', 'shared', 'corpus', 'pingtan'));
const startLoad = loadavg();

interface Input { file: string; bytes: Uint8Array }
interface Result { name: string; dir: string; files: number; bytes: number; passes: number; ms: number; bestPass: number; slowest: { file: string; ms: number } }

/** Every report file of a folder (no dot files, no manifests), sorted, read into memory. */
function readSet(dir: string, only?: RegExp): Input[] {
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.') && !MANIFEST_NAMES.includes(f) && (!only || only.test(f)) && statSync(join(dir, f)).isFile())
    .sort()
    .map((file) => ({ file, bytes: new Uint8Array(readFileSync(join(dir, file))) }));
}

if (flags.save || flags.check) {
  // Parsed once each, keyed by folder and file: the snapshot an optimisation is checked against.
  const now: Record<string, string> = {};
  for (const dir of [join(ROOT, 'src', 'data', 'reports'), join(corpus, 'txt'), join(corpus, 'html')]) {
    if (!existsSync(dir)) continue;
    for (const x of readSet(dir)) now[`${relative(ROOT, dir)}/${x.file}`] = JSON.stringify(parseFile(x.bytes, x.file));
  }
  if (flags.save) {
    writeFileSync(flags.save, JSON.stringify(now));
    console.error(`bench:parse: ${Object.keys(now).length} reports saved to ${flags.save}`);
    process.exit(0);
  }
  const was = JSON.parse(readFileSync(flags.check!, 'utf8')) as Record<string, string>;
  const changed = [...new Set([...Object.keys(was), ...Object.keys(now)])].filter((k) => was[k] !== now[k]);
  for (const k of changed) console.error(`changed: ${k}`);
  console.error(`bench:parse: ${changed.length} of ${Object.keys(now).length} reports differ from ${flags.check}`);
  process.exit(changed.length ? 1 : 0);
}

let sink = 0;
const parseAll = (inputs: readonly Input[]) => {
  for (const x of inputs) sink += parseFile(x.bytes, x.file).report.warnings.length;
};

function bench(name: string, dir: string, only?: RegExp): Result | null {
  if (!existsSync(dir)) {
    console.error(`bench:parse: ${name}: ${dir} not found, skipped`);
    return null;
  }
  const inputs = readSet(dir, only);
  if (inputs.length === 0) return null;
  parseAll(inputs); // warm-up
  const budget = seconds * 1000;
  let passes = 0;
  const started = performance.now();
  let ms = 0, bestPass = Infinity;
  do {
    const t = performance.now();
    parseAll(inputs);
    bestPass = Math.min(bestPass, performance.now() - t);
    passes++;
    ms = performance.now() - started;
  } while (ms < budget);
  // Once more, file by file, warm: the slowest file says where the time goes.
  let slowest = { file: '', ms: 0 };
  for (const x of inputs) {
    const t = performance.now();
    sink += parseFile(x.bytes, x.file).report.warnings.length;
    const took = performance.now() - t;
    if (took > slowest.ms) slowest = { file: x.file, ms: took };
  }
  const bytes = inputs.reduce((n, x) => n + x.bytes.byteLength, 0);
  const r = { name, dir, files: inputs.length, bytes, passes, ms, bestPass, slowest };
  console.error(`bench:parse: ${name}: ${(r.files * passes / (ms / 1000)).toFixed(1)} files/s (${r.files} files × ${passes} passes in ${ms.toFixed(0)} ms)`);
  return r;
}

const results = [
  // The seeds only: the Pingtan corpus beside them is measured from its own folders below.
  bench('seeds (src/data/reports, text)', join(ROOT, 'src', 'data', 'reports'), /^\d{3}_[0-9a-f]{16}\.txt$/),
  bench('Pingtan corpus, txt (flattened page text)', join(corpus, 'txt')),
  bench('Pingtan corpus, html (article HTML)', join(corpus, 'html')),
].filter((r): r is Result => r !== null);

/**
 * Originals (test/originals: DOCX and PDF rendered from corpus reports): the read stage
 * (pdfjs text layer and borders, or the DOCX XML, to structure) and the parse after it, file by
 * file, once warm. pdfjs is asynchronous and does most of the work; measured as it runs here.
 */
async function benchOriginals(): Promise<string[]> {
  const dir = join(ROOT, 'test', 'originals');
  const files = readdirSync(dir).filter((f) => /^ptzh.*\.(pdf|docx)$/.test(f)).sort();
  const out: string[] = [];
  for (const kind of ['docx', 'pdf'] as const) {
    const set = files.filter((f) => f.endsWith(kind)).map((file) => ({ file, bytes: new Uint8Array(readFileSync(join(dir, file))) }));
    const run = async () => {
      let pages = 0;
      const t = performance.now();
      for (const x of set) {
        const e = await extract(x.bytes, kind);
        pages += e.pages ?? 0;
        sink += parseFile(x.bytes, x.file, undefined, e).report.warnings.length;
      }
      return { ms: performance.now() - t, pages };
    };
    await run(); // warm-up
    const { ms, pages } = await run();
    const bytes = set.reduce((n, x) => n + x.bytes.byteLength, 0);
    console.error(`bench:parse: originals ${kind}: ${(set.length / (ms / 1000)).toFixed(1)} files/s`);
    out.push(`| ${kind.toUpperCase()} originals (test/originals) | ${set.length} | ${(bytes / 1024).toFixed(0)} | ${kind === 'pdf' ? pages : '—'} | ${(set.length / (ms / 1000)).toFixed(1)} | ${(ms / set.length).toFixed(1)} | ${kind === 'pdf' && pages ? (ms / pages).toFixed(1) : '—'} |`);
  }
  // Memory: the largest PDF read once more, alone; the heap and resident size it adds while its
  // pages are held (sampled after each page would need hooks in pdfjs; this is before and after).
  const largest = files.filter((f) => f.endsWith('.pdf')).map((file) => ({ file, bytes: new Uint8Array(readFileSync(join(dir, file))) }))
    .sort((a, b) => b.bytes.byteLength - a.bytes.byteLength)[0];
  if (largest) {
    const before = process.memoryUsage();
    const e = await extract(largest.bytes, 'pdf');
    const after = process.memoryUsage();
    memory = `The largest PDF (${largest.file}, ${(largest.bytes.byteLength / 1024).toFixed(0)} KB, ${e.pages ?? '?'} pages): resident memory ${(before.rss / 1048576).toFixed(0)} → ${(after.rss / 1048576).toFixed(0)} MB, heap ${(before.heapUsed / 1048576).toFixed(0)} → ${(after.heapUsed / 1048576).toFixed(0)} MB while reading it (the process already holds the parser and the sets above).`;
  }
  return out;
}
let memory = '';
const originals = await benchOriginals();

const rel = (p: string) => relative(ROOT, p) || '.';
const rows = results.map((r) => {
  const n = r.files * r.passes;
  return `| ${r.name} | ${r.files} | ${(r.bytes / 1024).toFixed(0)} | ${r.passes} | ${(n / (r.ms / 1000)).toFixed(1)} | ${(r.files / (r.bestPass / 1000)).toFixed(1)} | ${(r.ms / n).toFixed(2)} | ${((r.bytes * r.passes) / 1048576 / (r.ms / 1000)).toFixed(2)} | ${r.slowest.ms.toFixed(0)} (${r.slowest.file}) |`;
});

const section = `## Parse throughput (one core)

Measured by \`npm run bench:parse\` (scripts/bench-parse.ts) on ${new Date().toISOString().slice(0, 10)}: every file of a set read
into memory first, parsed once to warm up, then \`parseFile(bytes, file)\` (src/parse/report.ts:
decode, layout, sections, every table, narrative) run over the whole set again and again for
at least ${seconds} s on Node's main thread (${process.platform}, Node ${process.version}, ${cpus()[0]?.model.trim() ?? 'unknown CPU'}).
No disk I/O and no checks, agencies or table writing are timed. *files/s* is all passes over
all their time; *best pass* is the fastest single pass (less touched by other work on the
machine); ms/file and MB/s go with files/s. *Slowest file* is its time in
one more pass, file by file, after the timed ones. Load average at the start of this run: ${startLoad.map((x) => x.toFixed(1)).join(', ')} on ${cpus().length} cores; on
a shared machine the figures move a lot between runs: on 2026-11-29, with test runs, browsers
and other work sharing this 2-core machine (load 3.8–7), ten runs gave 86–335 files/s for the
seeds, 96–365 for the corpus texts and 33–146 for the HTML, the highest when one core was free.
Compare figures from one run, or from a quiet machine.

| set | files | KB | passes | files/s | best pass, files/s | ms/file | MB/s | slowest file, ms |
|---|---:|---:|---:|---:|---:|---:|---:|---|
${rows.join('\n')}

Folders: ${results.map((r) => `\`${rel(r.dir)}\``).join(', ')}.

Originals, read and parsed (\`extract\` in src/read/ then \`parseFile\`), one warm pass, file by file:

| set | files | KB | pages | files/s | ms/file | ms/page |
|---|---:|---:|---:|---:|---:|---:|
${originals.join('\n')}

${memory}
`;

if (!flags['no-write']) writeSection('## Parse throughput', section);
console.log(section);
if (sink < 0) console.log(sink); // keeps the parse results alive
