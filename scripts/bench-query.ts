/**
 * `npm run bench:query [-- --no-build --runs N --dist DIR]`: the cost of DuckDB-WASM on the query pages, in
 * Chromium, on the production build (base /atlas/) served from 127.0.0.1 by the tests' static
 * server, a fresh browser context (cold caches) per load.
 *
 * On the compare page (the Changzhi lineage) it reads the page's own performance marks:
 * - first chart: the chart drawn from the Parquet files with hyparquet, before DuckDB is ready;
 * - DuckDB ready: engine downloaded, instantiated, the ten tables inserted, external access off;
 * - first result: the same chart redrawn from DuckDB's answer to the SQL;
 * and, beside them, the same page with DuckDB's files blocked: its first chart from the Parquet
 * alone. The notebook's ready and first-result times come last. Appends (or replaces) its section
 * at the end of BENCHMARKS.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { buildSite, DIST, HAS_CHROMIUM, launch, ROOT, serve } from './browser.ts';
import { writeSection } from './benchmarks-file.ts';
import { cliFlags, positiveInt } from './cli.ts';

const flags = cliFlags(`usage: npm run bench:query [-- --no-build] [--runs N] [--dist DIR] [--lineage ID] [--json]
  --lineage ID  the compare page's lineage (default changzhi-sme, a seed)
  --json        print the medians as JSON instead of writing BENCHMARKS.md (bench:scale --site reads it)`, {
  'no-build': { type: 'boolean' }, runs: { type: 'string' }, dist: { type: 'string' }, lineage: { type: 'string' }, json: { type: 'boolean' },
});
const runs = positiveInt('runs', flags.runs, 7);
if (!HAS_CHROMIUM) {
  console.error('bench:query: /usr/bin/chromium not found (apt-get install -y chromium fonts-noto-cjk)');
  process.exit(1);
}
// --dist DIR: an existing build under /atlas/ (nothing is built); else the test build folder (DIST), built unless --no-build.
const distArg = flags.dist;
const dist = distArg ?? DIST;
if (!distArg && (!flags['no-build'] || !existsSync(join(DIST, 'compare', 'index.html')))) {
  console.error('bench:query: building the data and the site (ATLAS_BASE=/atlas/)…');
  buildSite();
}

const site = await serve(dist, '/atlas/');
const MARKS = ['atlas:first-chart', 'atlas:duckdb-ready', 'atlas:first-result'] as const;
type Mark = (typeof MARKS)[number];

interface Load { marks: Partial<Record<Mark, number>>; bytes: Record<string, [number, number]> }

function kind(url: string): string {
  if (/\.wasm(\?|$)/.test(url)) return 'wasm';
  if (/\.parquet(\?|$)/.test(url)) return 'parquet';
  if (/\.js(\?|$)/.test(url)) return /duckdb/.test(url) ? 'duckdb js' : 'js';
  if (/\.css(\?|$)/.test(url)) return 'css';
  return 'html/other';
}

async function load(browser: Browser, url: string, wait: Mark[], opts: { blockDuckdb?: boolean; bytes?: boolean } = {}): Promise<Load> {
  const context = await browser.newContext();
  await context.route('**/*', (r) => {
    const u = new URL(r.request().url());
    if (u.hostname !== '127.0.0.1') return r.abort();
    if (opts.blockDuckdb && /duckdb/.test(u.pathname)) return r.abort();
    return r.continue();
  });
  const page = await context.newPage();
  const bytes: Record<string, [number, number]> = {};
  const pending: Promise<void>[] = [];
  if (opts.bytes) {
    // On the context, not the page: the wasm is fetched by DuckDB's worker.
    context.on('response', (res) => pending.push((async () => {
      const k = kind(res.url());
      let body = await res.body().catch(() => Buffer.alloc(0));
      // A worker's response body is not readable here: the same file, from the build.
      if (!body.length && k === 'wasm') body = readFileSync(join(dist, new URL(res.url()).pathname.replace(/^\/atlas\//, '')));
      const [raw, gz] = bytes[k] ?? [0, 0];
      bytes[k] = [raw + body.length, gz + gzipSync(body).length];
    })()));
  }
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction((names) => names.every((n) => performance.getEntriesByName(n).length > 0), wait, { timeout: 60_000 });
  const marks = await page.evaluate((names) => Object.fromEntries(names.map((n) => [n, performance.getEntriesByName(n)[0]?.startTime])), [...MARKS]);
  await Promise.all(pending);
  await context.close();
  return { marks: marks as Partial<Record<Mark, number>>, bytes };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const range = (xs: number[]) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;

async function series(browser: Browser, url: string, wait: Mark[], opts: { blockDuckdb?: boolean } = {}) {
  const first = await load(browser, url, wait, { ...opts, bytes: true }); // warms the server and the OS cache
  const loads: Load[] = [];
  for (let i = 0; i < runs; i++) loads.push(await load(browser, url, wait, opts));
  const of = (m: Mark) => loads.map((l) => l.marks[m]).filter((x): x is number => typeof x === 'number');
  return { bytes: first.bytes, of };
}

const browser = await launch();
const compareUrl = site.url + `compare/?lineage=${encodeURIComponent(flags.lineage ?? 'changzhi-sme')}`;
const cmp = await series(browser, compareUrl, ['atlas:first-chart', 'atlas:duckdb-ready', 'atlas:first-result']);
const parquetOnly = await series(browser, compareUrl, ['atlas:first-chart'], { blockDuckdb: true });
const nb = await series(browser, site.url + 'notebook/', ['atlas:duckdb-ready', 'atlas:first-result']);
await browser.close();
await site.close();

if (flags.json) {
  const m = (xs: number[]) => Math.round(median(xs));
  console.log(JSON.stringify({
    firstChart: m(cmp.of('atlas:first-chart')), firstChartParquetOnly: m(parquetOnly.of('atlas:first-chart')),
    duckdbReady: m(cmp.of('atlas:duckdb-ready')), firstResult: m(cmp.of('atlas:first-result')),
    notebookReady: m(nb.of('atlas:duckdb-ready')), notebookFirstResult: m(nb.of('atlas:first-result')),
    parquetKB: Math.round((cmp.bytes.parquet?.[0] ?? 0) / 1024),
  }));
  process.exit(0);
}

const row = (label: string, xs: number[]) => `| ${label} | ${Math.round(median(xs))} | ${range(xs)} |`;
const kb = (n = 0) => (n / 1024).toFixed(1);
const bytesRows = Object.entries(cmp.bytes).sort().map(([k, [raw, gz]]) => `| ${k} | ${kb(raw)} | ${kb(gz)} |`);

const section = `## Query pages: DuckDB-WASM (issue 4)

Measured by \`npm run bench:query\` (scripts/bench-query.ts) on ${new Date().toISOString().slice(0, 10)}: the production build
(\`ATLAS_BASE=/atlas/\`) served from 127.0.0.1 by the tests' static server (no compression, no cache),
Debian's Chromium headless (${process.platform}, Node ${process.version}, ${(await import('node:os')).cpus().length} cores), a fresh browser context per load,
median (and range) of ${runs} cold loads after one warm-up, in ms from navigation start. The times
are the pages' own performance marks, each taken at the animation frame after the chart is drawn.

| compare page, Changzhi lineage (\`compare/?lineage=changzhi-sme\`) | median ms | range ms |
|---|---:|---:|
${row('first chart, drawn from the Parquet with hyparquet (DuckDB loading meanwhile)', cmp.of('atlas:first-chart'))}
${row('first chart, same page with DuckDB blocked (Parquet and hyparquet only)', parquetOnly.of('atlas:first-chart'))}
${row('DuckDB ready (download, instantiate, 10 tables inserted, external access off)', cmp.of('atlas:duckdb-ready'))}
${row('first result: the chart redrawn from DuckDB\'s answer to the SQL', cmp.of('atlas:first-result'))}
${row('notebook: DuckDB ready', nb.of('atlas:duckdb-ready'))}
${row('notebook: first SQL cell result on screen', nb.of('atlas:first-result'))}

Bytes of one cold load of the compare page, KB (gzipped in the second column: what a compressing
host sends). Only one of the two DuckDB bundles is fetched (eh where WebAssembly exceptions work,
as in Chromium; else mvp); the other ships but is not loaded.

| kind | KB | gzip KB |
|---|---:|---:|
${bytesRows.join('\n')}

DuckDB is never on the path to the compare page's first chart: that chart comes from the Parquet
files (a few KB) decoded in JavaScript, and is redrawn from SQL when DuckDB is ready. The gap
between the two rows is the price of the engine: mostly downloading and compiling the wasm.
`;

writeSection('## Query pages: DuckDB-WASM', section);
console.log(section);
