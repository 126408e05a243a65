/**
 * build:data on a folder mixing text, Markdown, HTML, PDF and DOCX: every file appears, the
 * originals are read from their structure (values with their PDF page), bad ones fail and the
 * build goes on; the original and the structure read from it are kept for the site.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceView } from '../../src/site/data.ts';
import { buildData, readCsv, ROOT, SEED_DIR, SEEDS, type Run } from './helpers.ts';

const ORIGINALS = join(ROOT, 'test', 'originals');
const PICK = ['ptzhsyqjjf_2023.print.pdf', 'ptzhsyqgyz_2024.docx', 'bad-notzip.docx', 'bad-truncated.pdf'];

describe('build:data on a folder of mixed shapes', () => {
  let dir: string, out: string, run: Run;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'atlas-mixed-'));
    out = mkdtempSync(join(tmpdir(), 'atlas-mixed-out-'));
    copyFileSync(join(SEED_DIR, SEEDS[0]!.file), join(dir, 'seed.txt'));
    writeFileSync(join(dir, 'seed.md'), SEEDS[1]!.text);
    for (const f of PICK) copyFileSync(join(ORIGINALS, f), join(dir, f));
    run = await buildData(dir, out);
  }, 60_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('exits 0 and lists every file once', () => {
    expect(run.code, run.stderr).toBe(0);
    const files = readCsv(join(out, 'reports.csv')).rows.map((r) => r.source_file).sort();
    expect(files).toEqual(['seed.txt', 'seed.md', ...PICK].sort());
  });

  it('reads the PDF and the DOCX; the bad ones fail with their reason', () => {
    const reports = new Map(readCsv(join(out, 'reports.csv')).rows.map((r) => [r.source_file, r]));
    // Read whole (the registry may not know these agencies yet: that is a warning, not a failure).
    for (const f of ['ptzhsyqjjf_2023.print.pdf', 'ptzhsyqgyz_2024.docx']) {
      expect(reports.get(f)!.status).not.toBe('failed');
      expect(reports.get(f)!.cells_read).toBe(reports.get(f)!.cells_expected);
    }
    expect(reports.get('bad-notzip.docx')!.status).toBe('failed');
    expect(reports.get('bad-truncated.pdf')!.status).toBe('failed');
    const warnings = readCsv(join(out, 'warnings.csv')).rows;
    const codes = (file: string) => warnings.filter((w) => w.report_id === reports.get(file)!.report_id && w.severity === 'error').map((w) => w.code);
    expect(codes('bad-notzip.docx')).toEqual(['docx_unreadable']);
    expect(codes('bad-truncated.pdf')).toEqual(['pdf_unreadable']);
  });

  it('a value from the PDF names its page; from the DOCX its table cell', () => {
    const reports = new Map(readCsv(join(out, 'reports.csv')).rows.map((r) => [r.source_file, r.report_id]));
    const apps = readCsv(join(out, 'applications.csv')).rows;
    const pdf = apps.find((a) => a.report_id === reports.get('ptzhsyqjjf_2023.print.pdf') && a.row === 'new_received' && a.applicant === 'natural_person')!;
    expect(pdf.value).toBe('3');
    expect(pdf.source_page).toBe('4');
    const docx = apps.filter((a) => a.report_id === reports.get('ptzhsyqgyz_2024.docx'));
    expect(docx.every((a) => a.source_page === '' && /^\d+-\d+-\d+$/.test(a.source_cell!))).toBe(true);
  });

  it('keeps each readable original and the structure read from it under sources/', () => {
    for (const f of ['ptzhsyqjjf_2023.print.pdf', 'ptzhsyqgyz_2024.docx']) {
      expect(readFileSync(join(out, 'sources', f))).toEqual(readFileSync(join(ORIGINALS, f)));
      expect(readFileSync(join(out, 'sources', `${f}.html`), 'utf8')).toMatch(/<table/);
    }
    expect(existsSync(join(out, 'sources', 'bad-notzip.docx.html'))).toBe(false);
  });

  it("the report page shows the structure read from a PDF: each number's cell id and its page, in its row", () => {
    const apps = readCsv(join(out, 'applications.csv')).rows;
    const id = readCsv(join(out, 'reports.csv')).rows.find((r) => r.source_file === 'ptzhsyqjjf_2023.print.pdf')!.report_id;
    const a = apps.find((x) => x.report_id === id && x.row === 'new_received' && x.applicant === 'natural_person')!;
    const view = sourceView('ptzhsyqjjf_2023.print.pdf', dir, out);
    const row = view.find((l) => l.cells?.some((c) => c.id === `C${a.source_cell}`))!;
    const cell = row.cells!.find((c) => c.id === `C${a.source_cell}`)!;
    expect(cell).toMatchObject({ text: '3', page: 4 });
    expect(row.cells![0]!.text).toBe('一、本年新收政府信息公开申请数量');
    expect(row.n).toBe(Number(a.line));
  });
});
