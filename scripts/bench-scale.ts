/**
 * `npm run bench:scale [-- --sizes 1000,10000 --runs N --no-write]`: the site's home page at
 * scale. For each size, generates that many reports (scripts/generate-reports.ts: corpus reports
 * moved to real counties), builds their data (timed, peak memory) and the site with only the
 * pages that do not multiply with the reports (ATLAS_PAGES=home: no report, agency or region
 * pages), then measures in Chromium the home page's HTML bytes and the time to its first chart,
 * against a plain static page with one inline SVG served the same way (median of paired runs).
 * Writes its section of BENCHMARKS.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { chromium, type Browser } from 'playwright-core';
import { writeSection } from './benchmarks-file.ts';
import { cliFlags, positiveInt } from './cli.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const opts = cliFlags(`usage: npm run bench:scale -- [--sizes 1000,10000] [--runs N] [--no-write]
       npm run bench:scale -- --data-only [--sizes 1000,10000] [--threads 1,2] [--no-write]
       npm run bench:scale -- --site [--sizes 1000,10000] [--runs N] [--no-write] [--reports DIR]
  --data-only  only the data build, at each size and thread count (section "Data build at scale")
  --site       the whole site (every page per report, agency and region): data build, site build
               (time, peak memory, pages, output) and the query pages' timings on it (section
               "Site build at scale"); --reports DIR reuses generated reports (one size)`, {
  sizes: { type: 'string' }, runs: { type: 'string' }, 'no-write': { type: 'boolean' }, 'data-only': { type: 'boolean' }, threads: { type: 'string' },
  site: { type: 'boolean' }, reports: { type: 'string' },
});
const sizes = (opts.sizes ?? '1000,10000').split(',').map((s) => positiveInt('sizes', s, 1000));
const runs = positiveInt('runs', opts.runs, 9);
const startLoad = loadavg();
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Vite's own variables must not reach a child build.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].includes(k))) as Record<string, string>;
const tsx = resolve(ROOT, 'node_modules/tsx/dist/cli.mjs');
/** build:data as `npm run build:data` runs it (package.json): tsx, its flags, the script. */
const BUILD_DATA = [tsx, '--max-semi-space-size=32', '--max-old-space-size=768', 'scripts/build-data.ts'];


/** Runs a command under /usr/bin/time when there is one: wall seconds and peak resident MB. */
function timed(args: string[], extra: Record<string, string> = {}): { s: number; mb: number | null; stderr: string } {
  const t = performance.now();
  const time = spawnSync('sh', ['-c', 'command -v /usr/bin/time'], { encoding: 'utf8' }).stdout.trim();
  const r = time
    ? spawnSync('/usr/bin/time', ['-f', 'PEAK_KB %M', ...args], { cwd: ROOT, env: { ...env, ...extra }, encoding: 'utf8', maxBuffer: 256 << 20 })
    : spawnSync(args[0]!, args.slice(1), { cwd: ROOT, env: { ...env, ...extra }, encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  const kb = /PEAK_KB (\d+)/.exec(r.stderr ?? '')?.[1];
  return { s: (performance.now() - t) / 1000, mb: kb ? Number(kb) / 1024 : null, stderr: r.stderr ?? '' };
}

if (opts['data-only']) {
  await dataOnly();
  process.exit(0);
}
if (opts.site) {
  await wholeSite();
  process.exit(0);
}

/**
 * The whole site at each size: generated reports, their data (2 threads), then every page built
 * under /atlas/ as a deploy would; then bench:query's compare and notebook timings on that build,
 * for the lineage with the most reports.
 */
async function wholeSite() {
  const lines: string[] = [], parts: string[] = [];
  for (const n of opts.reports ? [0] : sizes) {
    const tmp = mkdtempSync(join(tmpdir(), `atlas-scale-site-${n}-`));
    const reports = opts.reports ? resolve(opts.reports) : join(tmp, 'reports');
    // The data folder under its own public folder, so the reports are not published with it.
    const data = join(tmp, 'public', 'data'), dist = join(tmp, 'dist');
    if (!opts.reports) execFileSync(process.execPath, [tsx, 'scripts/generate-reports.ts', '--n', String(n), '--out', reports], { cwd: ROOT, env, stdio: 'pipe' });
    const dataRun = timed([process.execPath, ...BUILD_DATA, '--reports', reports, '--out', data, '--threads', '2']);
    const count = readFileSync(join(data, 'reports.csv'), 'utf8').trim().split('\n').length - 1;
    console.error(`bench:scale: ${count} reports: data ${dataRun.s.toFixed(1)} s; building the whole site…`);
    const siteRun = timed([process.execPath, resolve(ROOT, 'node_modules/astro/astro.js'), 'build'],
      { ATLAS_BASE: '/atlas/', ATLAS_DATA_DIR: data, ATLAS_REPORTS_DIR: reports, ATLAS_OUT_DIR: dist, ASTRO_TELEMETRY_DISABLED: '1' });
    const pages = Number(execFileSync('sh', ['-c', `find '${dist}' -name '*.html' | wc -l`], { encoding: 'utf8' }).trim());
    const mb = (dir: string) => Number(execFileSync('du', ['-sm', dir], { encoding: 'utf8' }).split('\t')[0]);
    const top = execFileSync('sh', ['-c', `cd '${dist}' && du -sm $(ls | grep -vx en) en/* 2>/dev/null | sort -rn | head -8`], { encoding: 'utf8' }).trim().split('\n').map((l) => l.replace('\t', ' MB ')).join(', ');
    // The lineage with the most reports: the compare page at its fullest.
    const summary = Papa.parse<Record<string, string>>(readFileSync(join(data, 'summary.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const counts = new Map<string, number>();
    for (const { lineage_id: id } of summary) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    const lineage = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const q = JSON.parse(execFileSync(process.execPath, [tsx, 'scripts/bench-query.ts', '--dist', dist, '--lineage', lineage, '--runs', String(Math.min(runs, 5)), '--json'], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 << 20 }).trim().split('\n').pop()!) as Record<string, number>;
    lines.push(`| ${count.toLocaleString('en')} | ${dataRun.s.toFixed(1)} | ${dataRun.mb?.toFixed(0) ?? '—'} | ${siteRun.s.toFixed(0)} | ${siteRun.mb?.toFixed(0) ?? '—'} | ${pages.toLocaleString('en')} | ${mb(dist).toLocaleString('en')} | ${q.firstChart} | ${q.duckdbReady} | ${q.firstResult} | ${q.notebookFirstResult} | ${q.parquetKB} |`);
    parts.push(`- ${count.toLocaleString('en')} reports: ${top}`);
    console.error(`bench:scale: site ${siteRun.s.toFixed(0)} s, ${siteRun.mb?.toFixed(0)} MB, ${pages} pages, ${mb(dist)} MB; compare first result ${q.firstResult} ms`);
    rmSync(tmp, { recursive: true, force: true });
  }
  const section = `## Site build at scale

Measured by \`npm run bench:scale -- --site\` (scripts/bench-scale.ts) on ${new Date().toISOString().slice(0, 10)} (${cpus().length} cores, load at start ${startLoad.map((x) => x.toFixed(1)).join(', ')}):
reports generated from the corpus (scripts/generate-reports.ts, every shape), \`build:data --threads 2\`,
then the whole site under \`/atlas/\` (every page per report, agency and region; Node's default heap).
Times are wall seconds, memory the peak resident MB (/usr/bin/time), output \`du -sm\` of the build
(the data folder, DuckDB-WASM and the downloads included). Then \`bench:query --json\` on that build:
the compare page for the lineage with the most reports (first chart from the Parquet; DuckDB ready;
first DuckDB result) and the notebook's first result, medians of ${Math.min(runs, 5)} cold loads, ms; *Parquet KB*
is what the compare page fetched. Aims at 10,000 reports: site build under 5 minutes, 2 GB and 1.5 GB;
the compare page's first DuckDB result within 2× of the seeds' (section "Query pages").

| reports | data build, s | data build, peak MB | site build, s | site build, peak MB | pages | output, MB | compare first chart, ms | DuckDB ready, ms | compare first result, ms | notebook first result, ms | Parquet KB |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${lines.join('\n')}

Largest parts of each build (MB): 
${parts.join('\n')}
`;
  if (!opts['no-write']) writeSection('## Site build at scale', section);
  console.log(section);
}

/**
 * The data build alone: generate each size once, build it with each thread count (the build's own
 * stage times from its closing "Time:" line), peak resident memory from /usr/bin/time.
 */
async function dataOnly() {
  const threads = (opts.threads ?? '1,2').split(',').map((s) => positiveInt('threads', s, 1));
  const lines: string[] = [];
  for (const n of sizes) {
    const tmp = mkdtempSync(join(tmpdir(), `atlas-scale-data-${n}-`));
    const reports = join(tmp, 'reports');
    const g = performance.now();
    execFileSync(process.execPath, [tsx, 'scripts/generate-reports.ts', '--n', String(n), '--out', reports], { cwd: ROOT, env, stdio: 'pipe' });
    const genS = (performance.now() - g) / 1000;
    for (const t of threads) {
      const data = join(tmp, `data-${t}`);
      const run = timed([process.execPath, ...BUILD_DATA, '--reports', reports, '--out', data, '--threads', String(t)]);
      const stage = (name: string) => new RegExp(`${name.replace('+', '\\+')} ([\\d.]+) s`).exec(run.stderr)?.[1] ?? '—';
      const mb = (dir: string) => Number(execFileSync('du', ['-sm', dir], { encoding: 'utf8' }).split('\t')[0]);
      const downloadsMb = Math.round(['disclosure-atlas.xlsx', 'disclosure-atlas.zip'].reduce((s, f) => s + statSync(join(data, f)).size, 0) / 2 ** 20);
      const tablesMb = mb(data) - mb(join(data, 'hive')) - downloadsMb;
      lines.push(`| ${n.toLocaleString('en')} | ${t} | ${genS.toFixed(1)} | ${run.s.toFixed(1)} | ${(n / run.s).toFixed(0)} | ${run.mb?.toFixed(0) ?? '—'} | ${stage('read+parse')} | ${stage('merge')} | ${stage('write tables')} | ${stage('write hive')} | ${stage('write downloads')} | ${tablesMb} / ${mb(join(data, 'hive'))} / ${downloadsMb} |`);
      console.error(`bench:scale: ${n} reports, ${t} thread(s): ${run.s.toFixed(1)} s, ${run.mb?.toFixed(0)} MB`);
      rmSync(data, { recursive: true, force: true });
    }
    rmSync(tmp, { recursive: true, force: true });
  }
  const section = `## Data build at scale

Measured by \`npm run bench:scale -- --data-only\` (scripts/bench-scale.ts) on ${new Date().toISOString().slice(0, 10)} (${cpus().length} cores, load at start ${startLoad.map((x) => x.toFixed(1)).join(', ')}):
reports generated from the corpus (scripts/generate-reports.ts), then \`build:data --threads T\` on them
with \`npm run build:data\`'s Node flags (a 768 MB heap, 32 MB semi-spaces). *Build s* is wall time, *peak MB* the peak resident memory of the build and
its worker threads (/usr/bin/time), *stages* the build's own closing "Time:" line; *MB out* the
table files / the year partitions under hive/ / the workbook and zip of everything.

| reports | threads | generate, s | build, s | reports/s | peak MB | read+parse, s | merge, s | write tables, s | write hive, s | write downloads, s | MB out (tables / hive / downloads) |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${lines.join('\n')}
`;
  if (!opts['no-write']) writeSection('## Data build at scale', section);
  console.log(section);
}

const FIRST_CHART = `(() => {
  const check = () => {
    const svg = document.querySelector('.plot svg, svg.chart, figure svg');
    if (svg && svg.getBoundingClientRect().width > 0) { requestAnimationFrame(() => { window.__firstChart = performance.now(); }); return true; }
    return false;
  };
  const mo = new MutationObserver(() => { if (check()) mo.disconnect(); });
  mo.observe(document, { childList: true, subtree: true });
})();`;

async function firstChart(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  await context.route('**/*', (r) => (new URL(r.request().url()).hostname === '127.0.0.1' ? r.continue() : r.abort()));
  await context.addInitScript(FIRST_CHART);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { __firstChart?: number }).__firstChart !== undefined, null, { timeout: 30_000 });
  const ms = await page.evaluate(() => (window as unknown as { __firstChart: number }).__firstChart);
  await context.close();
  return ms;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const { serve } = await import('./browser.ts');
const plainDir = mkdtempSync(join(tmpdir(), 'atlas-scale-plain-'));
writeFileSync(join(plainDir, 'index.html'), `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>普通页面</title></head><body><h1>普通页面</h1>
<svg class="chart" viewBox="0 0 640 300" width="640" height="300" role="img" aria-label="柱状图"><rect x="40" y="100" width="100" height="180" fill="#4e79a7"/><text x="40" y="295">二〇一九年</text></svg></body></html>`);
const plain = await serve(plainDir, '/atlas/');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const rows: string[] = [];
for (const n of sizes) {
  const tmp = mkdtempSync(join(tmpdir(), `atlas-scale-${n}-`));
  const reports = join(tmp, 'reports'), data = join(tmp, 'data'), dist = join(tmp, 'dist');
  execFileSync(process.execPath, [tsx, 'scripts/generate-reports.ts', '--n', String(n), '--out', reports], { cwd: ROOT, env, stdio: 'pipe' });
  console.error(`bench:scale: ${n} reports generated; building the data…`);
  // The data build streams (scripts/build/): Node's default heap is enough; report its peak.
  const dataRun = timed([process.execPath, ...BUILD_DATA, '--reports', reports, '--out', data]);
  console.error(`bench:scale: data ${dataRun.s.toFixed(1)} s; building the site (home pages only)…`);
  const siteRun = timed([process.execPath, resolve(ROOT, 'node_modules/astro/astro.js'), 'build', '--outDir', dist],
    { ATLAS_BASE: '/atlas/', ATLAS_DATA_DIR: data, ATLAS_REPORTS_DIR: reports, ATLAS_PAGES: 'home', ASTRO_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '--max-old-space-size=16384' });
  const zh = readFileSync(join(dist, 'index.html')).byteLength, en = readFileSync(join(dist, 'en', 'index.html')).byteLength;
  const site = await serve(dist, '/atlas/');
  await firstChart(browser, site.url);
  await firstChart(browser, plain.url);
  const times: number[] = [], ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = await firstChart(browser, site.url), b = await firstChart(browser, plain.url);
    times.push(a);
    ratios.push(a / b);
  }
  await site.close();
  const agencies = readFileSync(join(data, 'agencies.csv'), 'utf8').trim().split('\n').length - 1;
  rows.push(`| ${n.toLocaleString('en')} | ${agencies.toLocaleString('en')} | ${dataRun.s.toFixed(1)} | ${dataRun.mb?.toFixed(0) ?? '—'} | ${siteRun.s.toFixed(1)} | ${siteRun.mb?.toFixed(0) ?? '—'} | ${(zh / 1024).toFixed(1)} / ${(en / 1024).toFixed(1)} | ${median(times).toFixed(0)} | ${median(ratios).toFixed(2)} |`);
  console.error(`bench:scale: ${n}: home ${(zh / 1024).toFixed(1)} KB, first chart ${median(times).toFixed(0)} ms (×${median(ratios).toFixed(2)} the plain page)`);
  rmSync(tmp, { recursive: true, force: true });
}
await browser.close();
await plain.close();
rmSync(plainDir, { recursive: true, force: true });

const section = `## The home page at scale

Measured by \`npm run bench:scale\` (scripts/bench-scale.ts) on ${new Date().toISOString().slice(0, 10)} (${cpus().length} cores, load at start ${startLoad.map((x) => x.toFixed(1)).join(', ')}):
reports generated from the corpus (scripts/generate-reports.ts; 17 departments per county, counties
spread over China), their data built, then the site built with \`ATLAS_PAGES=home\` (every page
but the ones made per report, agency or region). *Home HTML* is index.html in Chinese / English;
*first chart* is the median time from navigation to the first chart laid out in Chromium, over
${runs} loads alternated with a plain static page holding one inline SVG; *ratio* is the median of
the pairs' ratios (aim: within 1.5, and the home page under 100 KB, at any size). Data build time
and peak resident memory come from /usr/bin/time where present; the data build streams (two passes,
scripts/build/; Node's default heap, every core), the site build runs with a 16 GB heap limit.

| reports | agencies | data build, s | data build, peak MB | site build, s | site build, peak MB | home HTML, KB (zh / en) | first chart, ms | ratio to plain |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}
`;
if (!opts['no-write']) writeSection('## The home page at scale', section);
console.log(section);
