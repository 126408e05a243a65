import { readFileSync } from 'node:fs';
import { parseReport } from '../../src/parse/index.ts';
import { splitRuns } from '../../src/parse/split.ts';
const t = readFileSync('src/data/reports/000_49efb77cae9f07bc.txt', 'utf8');
for (const run of ['1234567891234567891234567891234567891234', '1111111111111111111111111111111111111111', '9'.repeat(40), '12345678912345678912345']) {
  let s = performance.now();
  const r = splitRuns([run], 7);
  console.log(run.length, r.length, (performance.now() - s).toFixed(0), 'ms');
  s = performance.now();
  const p = parseReport(t.replace('（一）予以公开 0 0 0 0 0 0 0', '（一）予以公开 ' + run));
  console.log(' parse', (performance.now() - s).toFixed(0), 'ms', p.applications.find(c=>c.row==='granted'&&c.applicant==='total')?.value);
}
