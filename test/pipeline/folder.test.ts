/**
 * Every folder entry appears (issue 12): a dangling symbolic link, a link loop, an unreadable
 * file, a hidden file, a subfolder and a FIFO each become a `failed` report with the reason, and
 * the build goes on and writes everything. Duplicate files without an agency get ids of their
 * own, not a `duplicate_report` warning meant for two reports on one agency and year.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/agencies/index.ts';
import { buildDataset } from '../../src/tables/index.ts';
import { readEntry, unreadable } from '../../scripts/folder.ts';
import { buildData, readCsv, SEED_DIR, SEEDS, type Run } from './helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'atlas-folder-'));
const reports = join(root, 'reports'), out = join(root, 'out');
const SEED = SEEDS[0]!.file;
const isRoot = process.getuid?.() === 0;
let run: Run;

beforeAll(async () => {
  mkdirSync(join(reports, 'sub'), { recursive: true });
  copyFileSync(join(SEED_DIR, SEED), join(reports, 'a.txt'));
  copyFileSync(join(SEED_DIR, SEED), join(reports, '.hidden.txt'));
  copyFileSync(join(SEED_DIR, SEED), join(reports, 'sub', 'x.txt'));
  symlinkSync('missing.txt', join(reports, 'dangling.txt'));
  symlinkSync('loop-b.txt', join(reports, 'loop-a.txt'));
  symlinkSync('loop-a.txt', join(reports, 'loop-b.txt'));
  symlinkSync('a.txt', join(reports, 'link.txt'));
  execFileSync('mkfifo', [join(reports, 'pipe.txt')]);
  writeFileSync(join(reports, 'locked.txt'), 'x');
  chmodSync(join(reports, 'locked.txt'), 0o000);
  run = await buildData(reports, out);
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const rows = () => readCsv(join(out, 'reports.csv')).rows;
const row = (file: string) => rows().find((r) => r.source_file === file);
const warningsOf = (id: string) => readCsv(join(out, 'warnings.csv')).rows.filter((w) => w.report_id === id);

describe('build:data on a folder with every kind of entry', () => {
  it('does not stop: exit 0, every table written', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^Files written: \d+/m);
  });

  it('lists every entry in reports', () => {
    const files = rows().map((r) => r.source_file).sort();
    expect(files).toEqual(['.hidden.txt', 'a.txt', 'dangling.txt', 'link.txt', 'locked.txt', 'loop-a.txt', 'loop-b.txt', 'pipe.txt', 'sub']);
  });

  it.each([
    ['dangling.txt', 'unreadable_file', /ENOENT/],
    ['loop-a.txt', 'unreadable_file', /ELOOP/],
    ['loop-b.txt', 'unreadable_file', /ELOOP/],
    ['.hidden.txt', 'hidden_file', /hidden/],
    ['sub', 'subfolder', /subfolder/],
    ['pipe.txt', 'not_a_file', /FIFO/],
  ])('%s is a failed report with the reason (%s)', (file, code, why) => {
    const r = row(file)!;
    expect(r.status).toBe('failed');
    expect(r.source_sha256).toBe('');
    const w = warningsOf(r.report_id!);
    expect(w.map((x) => x.code)).toEqual([code]);
    expect(w[0]!.message_en).toMatch(why);
    expect(run.stderr).toContain(`FAILED ${file}:`);
  });

  it('reads a regular file and a link to one', () => {
    expect(row('a.txt')!.status).not.toBe('failed');
    expect(row('link.txt')!.status).not.toBe('failed');
    expect(row('link.txt')!.source_sha256).toBe(row('a.txt')!.source_sha256);
  });

  it.skipIf(isRoot)('an unreadable file (EACCES) is a failed report with the reason', () => {
    const r = row('locked.txt')!;
    expect(r.status).toBe('failed');
    expect(warningsOf(r.report_id!)[0]!.message_en).toMatch(/EACCES/);
  });

  it('names the entries not read in the summary', () => {
    expect(run.stderr).toMatch(new RegExp(`^Not read: ${isRoot ? 6 : 7} folder entries`, 'm'));
  });
});

describe('reasons for entries not read', () => {
  it('EACCES and other system errors are said with their code', () => {
    const e = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(unreadable(e)).toMatchObject({ severity: 'error', code: 'unreadable_file' });
    expect(unreadable(e).en).toMatch(/EACCES.*permission denied/);
    expect(unreadable(Object.assign(new Error('odd'), { code: 'EIO' })).en).toMatch(/EIO.*odd/);
  });

  it('readEntry never throws', () => {
    expect(readEntry(reports, 'no-such-file.txt').unread?.code).toBe('unreadable_file');
    expect(readEntry(reports, 'a.txt').bytes?.length).toBeGreaterThan(0);
  });
});

describe('duplicate files', () => {
  const registry = loadRegistry();
  const input = (file: string, text: string) => ({ file, bytes: new TextEncoder().encode(text) });

  it('two files without an agency get ids of their own and no duplicate_report warning', () => {
    const entries = buildDataset([input('a.txt', 'not a report'), input('a.html', '<p>not a report</p>'), input('a b.txt', 'neither')], registry);
    expect(new Set(entries.map((e) => e.reportId)).size).toBe(3);
    expect(new Set(entries.map((e) => e.agencyId)).size).toBe(3);
    for (const e of entries) expect(e.report.warnings.map((w) => w.code)).not.toContain('duplicate_report');
  });

  it('two files on one agency and year still get the warning', () => {
    const entries = buildDataset([input('a.txt', SEEDS[0]!.text), input('b.txt', SEEDS[0]!.text)], registry);
    expect(entries[1]!.reportId).toBe(`${entries[0]!.reportId}-2`);
    expect(entries[1]!.report.warnings.map((w) => w.code)).toContain('duplicate_report');
  });
});
