/**
 * `npx tsx scripts/make-originals.ts [CORPUS]`: renders corpus reports to the originals agencies
 * publish (DOCX and PDF), the test fixtures of `test/originals/`. Run once by hand and commit the
 * output: tests and CI need no converter. Needs LibreOffice (`soffice`), qpdf and Chromium.
 *
 * Per report, three originals made the ways agencies make them:
 * - `<stem>.docx`: LibreOffice, HTML → DOCX (Word tables with merged cells);
 * - `<stem>.lo.pdf`: LibreOffice, that DOCX → PDF (A4);
 * - `<stem>.print.pdf`: Chromium printing the page (A4, "- n -" page footers, the side headers of
 *   table 三 one character wide, so they print one character per line, wrapped labels).
 * And the awkward ones: a scan without text, a rotated page, a table split over three pages, an
 * encrypted PDF, a truncated PDF, a DOCX that is not a zip.
 * `expected.json` holds every report's cells as read from its HTML, the values the originals
 * must give back.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { parseFile, readManifest, reportCells } from '../src/parse/index.ts';

const corpus = resolve(process.argv[2] ?? '../shared/corpus/pingtan');
const out = resolve('test/originals');
const STEMS = ['ptzhsyqhtp_2019', 'ptzhsyqjjp_2020', 'ptzhsyqspp_2021', 'ptzhsyqhzs_2022', 'ptzhsyqjjf_2023', 'ptzhsyqgyz_2024', 'ptzhsyqzrz_2024', 'ptzhsyqczj_2025'];
const manifest = readManifest(readFileSync(join(corpus, 'SOURCES.tsv'), 'utf8'));
const tmp = mkdtempSync(join(tmpdir(), 'originals-'));
mkdirSync(out, { recursive: true });

const page = (title: string, body: string, css = '') => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;font-size:12pt;line-height:1.5}
h1{font-size:18pt;text-align:center}table{border-collapse:collapse;margin:0 auto}td,th{border:1px solid #000;padding:2px 4px;font-size:10.5pt}${css}</style>
</head><body><h1>${title}</h1>${body}</body></html>`;
// The side headers of table 三 (rowspan cells in the first column) one character wide.
const VERTICAL = 'td[rowspan]:first-child{width:1em;max-width:1em;word-break:break-all}';

const soffice = (args: string[]) => execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${tmp}/profile`, ...args], { stdio: 'pipe' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const tab = await browser.newPage();
const print = async (html: string, file: string, options: { footer?: boolean; scale?: number } = {}) => {
  await tab.setContent(html);
  await tab.pdf({
    path: file, format: 'A4', margin: { top: '25mm', bottom: '25mm', left: '20mm', right: '20mm' }, scale: options.scale ?? 1,
    displayHeaderFooter: options.footer ?? true, headerTemplate: '<span></span>',
    footerTemplate: '<div style="font-size:9pt;width:100%;text-align:center">- <span class="pageNumber"></span> -</div>',
  });
};

const expected: Record<string, unknown> = {};
for (const stem of STEMS) {
  const meta = manifest.get(stem)!;
  const article = readFileSync(join(corpus, 'html', `${stem}.html`), 'utf8');
  const html = page(meta.title!, article);
  writeFileSync(join(tmp, `${stem}.html`), html);
  soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', tmp, join(tmp, `${stem}.html`)]);
  copyFileSync(join(tmp, `${stem}.docx`), join(out, `${stem}.docx`));
  soffice(['--convert-to', 'pdf', '--outdir', join(tmp, 'lo'), join(tmp, `${stem}.docx`)]);
  copyFileSync(join(tmp, 'lo', `${stem}.pdf`), join(out, `${stem}.lo.pdf`));
  await print(page(meta.title!, article, VERTICAL), join(out, `${stem}.print.pdf`));
  // The HTML page with the manifest's title is what the originals were made from.
  const { report } = parseFile(new TextEncoder().encode(html), `${stem}.html`, meta);
  expected[stem] = Object.fromEntries([...reportCells(report)].filter(([, v]) => v !== null));
  process.stderr.write(`${stem}\n`);
}

// Awkward originals, from the first reports.
const [a, b] = STEMS.map((s) => ({ stem: s, meta: manifest.get(s)!, article: readFileSync(join(corpus, 'html', `${s}.html`), 'utf8') }));
// A table over three pages: large type on a short page.
await tab.setContent(page(b!.meta.title!, b!.article, 'td{font-size:16pt;padding:6px}'));
await tab.pdf({ path: join(out, 'awkward-split.pdf'), width: '210mm', height: '160mm', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' }, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: '<div style="font-size:9pt;width:100%;text-align:center">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>' });
expected['awkward-split'] = expected[b!.stem];
// Every page rotated a quarter turn (as a scanner or a landscape setting leaves them).
execFileSync('qpdf', [join(out, `${a!.stem}.print.pdf`), '--rotate=+90:1-z', join(out, 'awkward-rotated.pdf')]);
expected['awkward-rotated'] = expected[a!.stem];
// A scan: the first page as a picture, no text layer.
await tab.setViewportSize({ width: 794, height: 1123 });
await tab.setContent(page(a!.meta.title!, a!.article));
const png = await tab.screenshot({ type: 'png' });
await tab.setContent(`<!doctype html><html><body style="margin:0"><img style="width:100%" src="data:image/png;base64,${png.toString('base64')}"></body></html>`);
await tab.pdf({ path: join(out, 'awkward-scan.pdf'), format: 'A4', printBackground: true });
// Bad files: encrypted, truncated, not a zip.
execFileSync('qpdf', ['--encrypt', 'secret', 'owner-secret', '256', '--', join(out, `${a!.stem}.lo.pdf`), join(out, 'bad-encrypted.pdf')]);
const whole = readFileSync(join(out, `${a!.stem}.lo.pdf`));
writeFileSync(join(out, 'bad-truncated.pdf'), whole.subarray(0, Math.floor(whole.length / 3)));
writeFileSync(join(out, 'bad-notzip.docx'), '这不是一个 Word 文件。\n');
writeFileSync(join(out, 'expected.json'), JSON.stringify(expected, null, 1) + '\n');
await browser.close();
rmSync(tmp, { recursive: true, force: true });
