/**
 * The build as a user runs it: `npx tsx scripts/build-data.ts --reports DIR --out DIR` on a folder
 * of report texts as they come (renamed, empty, binary, not a report, other encodings).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLES } from '../../src/schema/tables.ts';
import { buildData, readCsv, ROOT, runTsx, SEED_DIR, seedBuild, SEEDS, treeHashes, type Run } from './helpers.ts';

const seed = (i: number) => SEEDS[i]!;

/** Seed copies under names a collector might give them. */
const RENAMED: [string, number][] = [
  ['长治 2023 报告.txt', 0],
  ['B-001.TXT', 1],
  ['report (copy), "v2".md', 2],
  ['no-extension', 3],
  ['z.004.final.txt', 4],
];
const FAILED_FILES = ['empty.txt', 'blank.txt', 'random.bin', 'scan.pdf', 'prose.txt'];
/** Re-encoded seeds: file, the seed it copies, the encoding the build must report. */
const ENCODED: [string, number, string, Buffer][] = [
  ['enc-gb18030.txt', 0, 'gb18030', iconv.encode(seed(0).text, 'gb18030')],
  ['enc-utf16le-bom.txt', 1, 'utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(seed(1).text, 'utf-16le')])],
  ['enc-utf16le-nobom.txt', 0, 'utf-16le', iconv.encode(seed(0).text, 'utf-16le')],
  ['enc-utf16be-nobom.txt', 3, 'utf-16be', iconv.encode(seed(3).text, 'utf-16be')],
  ['enc-utf8-bom.txt', 4, 'utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed(4).text)])],
];

const PROSE = '春天来了，公园里的花都开了。孩子们在草地上奔跑，老人们在树下下棋。远处的山峦在薄雾中若隐若现，河水静静地流淌着。'
  + '这是一个宁静而美好的早晨，人们享受着生活的点点滴滴。午后下了一场小雨，空气里都是泥土的味道。\n';

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let tmp: string, reportsDir: string, badNumbersDir: string;
let srcDataBefore: Record<string, string>, reportsBefore: Record<string, string>;
let main: Run, strict: Run, cleanStrict: Run, badNumbers: Run, parseOne: Run, parseTwo: Run;
const out = (name: string) => join(tmp, name);

beforeAll(async () => {
  srcDataBefore = treeHashes(join(ROOT, 'src', 'data'));
  tmp = mkdtempSync(join(tmpdir(), 'pipeline-cli-'));
  reportsDir = join(tmp, 'reports');
  mkdirSync(reportsDir);
  for (const [name, i] of RENAMED) writeFileSync(join(reportsDir, name), seed(i).text);
  writeFileSync(join(reportsDir, 'empty.txt'), '');
  writeFileSync(join(reportsDir, 'blank.txt'), '\n \n\t\n\u3000\n');
  const rnd = mulberry32(42);
  const random = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i % 97 === 0 ? 0 : Math.floor(rnd() * 256))));
  writeFileSync(join(reportsDir, 'random.bin'), random);
  // A PDF header with no NUL in the first bytes: only the magic number says what it is.
  writeFileSync(join(reportsDir, 'scan.pdf'), Buffer.concat([
    Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]),
    Buffer.from('\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  ]));
  writeFileSync(join(reportsDir, 'prose.txt'), PROSE);
  for (const [name, , , bytes] of ENCODED) writeFileSync(join(reportsDir, name), bytes);
  reportsBefore = treeHashes(reportsDir);

  // Numbers a count column cannot hold: a decimal in table 三, a total beyond 2^53 in section 一.
  badNumbersDir = join(tmp, 'bad-numbers');
  mkdirSync(badNumbersDir);
  const decimal = seed(0).text.replace('（一）予以公开 0 0 0 0 0 0 0', '（一）予以公开 0.5 0 0 0 0 0 0.5');
  const huge = seed(1).text.replace("合计 49 条", "合计 99999999999999999999 条");
  writeFileSync(join(badNumbersDir, 'decimal.txt'), decimal);
  writeFileSync(join(badNumbersDir, 'huge.txt'), huge);
  writeFileSync(join(badNumbersDir, 'fine.txt'), seed(2).text);
  expect(decimal).not.toBe(seed(0).text);
  expect(huge).not.toBe(seed(1).text);

  [main, strict, cleanStrict, badNumbers, parseOne, parseTwo] = await Promise.all([
    buildData(reportsDir, out('out')),
    buildData(reportsDir, out('out-strict'), ['--strict']),
    // Only the seeds: --strict has nothing to complain about (the seeds' build the run shares is a --strict one).
    seedBuild().then((b) => b.run),
    buildData(badNumbersDir, out('out-bad')),
    runTsx('scripts/parse.ts', [join(SEED_DIR, seed(0).file)]),
    runTsx('scripts/parse.ts', [join(SEED_DIR, seed(0).file), join(SEED_DIR, seed(1).file)]),
  ]);
}, 60_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const reportsCsv = () => readCsv(join(out('out'), 'reports.csv')).rows;
const rowOf = (file: string) => {
  const rows = reportsCsv().filter((r) => r.source_file === file);
  expect(rows, file).toHaveLength(1);
  return rows[0]!;
};

describe('build-data on a messy folder', () => {
  it('exits 0 and touches neither src/data nor the reports folder', () => {
    expect(main.code, main.stderr).toBe(0);
    expect(treeHashes(join(ROOT, 'src', 'data'))).toEqual(srcDataBefore);
    expect(treeHashes(reportsDir)).toEqual(reportsBefore);
  });

  it('lists every input file exactly once in reports.csv, and nothing else', () => {
    const inputs = readdirSync(reportsDir).sort();
    expect(inputs).toHaveLength(RENAMED.length + FAILED_FILES.length + ENCODED.length);
    const files = reportsCsv().map((r) => r.source_file!).sort();
    expect(files).toEqual(inputs);
    const ids = reportsCsv().map((r) => r.report_id);
    expect(new Set(ids).size).toBe(ids.length);
    // source_sha256 is the hash of the file's bytes, whatever became of them.
    for (const r of reportsCsv()) {
      expect(r.source_sha256, r.source_file).toBe(createHash('sha256').update(readFileSync(join(reportsDir, r.source_file!))).digest('hex'));
    }
  });

  it('marks the empty, binary and non-report files failed, each with a readable error in warnings.csv', () => {
    const warnings = readCsv(join(out('out'), 'warnings.csv')).rows;
    const expectMessage: Record<string, RegExp> = {
      'empty.txt': /empty|为空/i,
      'blank.txt': /empty|为空/i,
      'random.bin': /binary|二进制|control|控制/i,
      'scan.pdf': /PDF/,
      'prose.txt': /title|标题|section|部分|report|报告/i,
    };
    for (const file of FAILED_FILES) {
      const r = rowOf(file);
      expect(r.status, file).toBe('failed');
      const errors = warnings.filter((w) => w.report_id === r.report_id && w.severity === 'error');
      expect(errors.length, file).toBeGreaterThan(0);
      for (const e of errors) {
        // A sentence, in Chinese and in English, not a bare code.
        expect(e.message, file).toMatch(/[\u4e00-\u9fff]{2,}/);
        expect(e.message, file).toMatch(/[A-Za-z]{3,} [A-Za-z]{2,}/);
        expect(e.message!.length, file).toBeGreaterThan(15);
        expect(e.message).not.toBe(e.code);
      }
      expect(errors.map((e) => e.message).join(' '), file).toMatch(expectMessage[file]!);
      // The summary row says failed too, and the console names the file.
      expect(main.stderr).toContain(`FAILED ${file}:`);
    }
  });

  it('parses the renamed seeds (none failed, agency and year found) and records their sha256 and utf-8', () => {
    const summary = readCsv(join(out('out'), 'summary.csv')).rows;
    for (const [file] of RENAMED) {
      const r = rowOf(file);
      expect(r.status, file).not.toBe('failed');
      expect(r.source_encoding, file).toBe('utf-8');
      expect(r.source_sha256, file).toMatch(/^[0-9a-f]{64}$/);
      expect(r.agency_name, file).not.toBe('');
      expect(r.year, file).toMatch(/^20\d\d$/);
      expect(summary.filter((s) => s.report_id === r.report_id)).toHaveLength(1);
    }
    const byFile = (f: string) => rowOf(f);
    expect(byFile('长治 2023 报告.txt')).toMatchObject({ agency_name: '长治市中小企业服务中心', year: '2023' });
    expect(byFile('B-001.TXT')).toMatchObject({ agency_name: '长治市中小企业局', year: '2019' });
    // Same bytes, same hash; different bytes, different hash.
    expect(byFile('enc-gb18030.txt').source_sha256).not.toBe(byFile('长治 2023 报告.txt').source_sha256);
  });

  describe.each(ENCODED.map(([file, i, encoding]) => ({ file, original: RENAMED.find(([, k]) => k === i)![0], encoding })))(
    'the seed re-encoded as $encoding ($file)', ({ file, original, encoding }) => {
      it(`is read as ${encoding} and gives the same proactive_total and table 三 as the UTF-8 copy`, () => {
        const enc = rowOf(file), utf8 = rowOf(original);
        expect(enc.source_encoding).toBe(encoding);
        expect(enc.status).not.toBe('failed');
        expect(enc.agency_name).toBe(utf8.agency_name);
        expect(enc.year).toBe(utf8.year);
        const summary = readCsv(join(out('out'), 'summary.csv')).rows;
        const s = (id: string) => summary.find((x) => x.report_id === id)!;
        expect(s(enc.report_id!).proactive_total).toBe(s(utf8.report_id!).proactive_total);
        const apps = readCsv(join(out('out'), 'applications.csv')).rows;
        const cells = (id: string) => apps.filter((a) => a.report_id === id).map((a) => [a.row, a.applicant, a.value, a.line]);
        expect(cells(utf8.report_id!).length).toBeGreaterThan(100);
        expect(cells(enc.report_id!)).toEqual(cells(utf8.report_id!));
      });
    });

  it('closes with a summary on stderr whose numbers match the files written', () => {
    const reports = reportsCsv();
    const m = /^Reports read: (\d+) — ok (\d+), with warnings (\d+), failed (\d+)$/m.exec(main.stderr);
    expect(m, main.stderr).not.toBeNull();
    const [n, ok, warned, failed] = m!.slice(1).map(Number);
    expect(n).toBe(readdirSync(reportsDir).length);
    expect(n).toBe(reports.length);
    expect(ok).toBe(reports.filter((r) => r.status === 'ok').length);
    expect(warned).toBe(reports.filter((r) => r.status === 'warnings').length);
    expect(failed).toBe(reports.filter((r) => r.status === 'failed').length);
    expect(failed).toBeGreaterThanOrEqual(FAILED_FILES.length);
    expect(ok! + warned! + failed!).toBe(n);

    const c = /^Checks failed: (\d+)$/m.exec(main.stderr);
    expect(c, main.stderr).not.toBeNull();
    const checks = readCsv(join(out('out'), 'checks.csv')).rows;
    expect(Number(c![1])).toBe(checks.filter((x) => x.status === 'fail').length);
    expect(Number(c![1])).toBe(reports.reduce((s, r) => s + Number(r.checks_failed), 0));

    const f = /^Files written: (\d+)\b/m.exec(main.stderr);
    expect(f, main.stderr).not.toBeNull();
    // Originals (here the fake scan.pdf) are kept apart, under sources/, and the year partitions under hive/.
    const written = readdirSync(out('out')).filter((x) => x !== 'sources' && x !== 'hive');
    expect(Number(f![1])).toBe(written.length);
    for (const t of TABLES) expect(written).toEqual(expect.arrayContaining([`${t.name}.csv`, `${t.name}.parquet`]));
    expect(written).toContain('datapackage.json');
    const cov = /^Cells read: (\d+) of (\d+) prescribed(?: \([\d.]+%\))?; reports under 50%: (\d+)$/m.exec(main.stderr);
    expect(cov, main.stderr).not.toBeNull();
    const [cellsRead, cellsExpected, underHalf] = cov!.slice(1).map(Number);
    expect(cellsRead).toBe(reports.reduce((s, r) => s + Number(r.cells_read), 0));
    expect(cellsExpected).toBe(reports.reduce((s, r) => s + Number(r.cells_expected), 0));
    expect(underHalf).toBe(reports.filter((r) => 2 * Number(r.cells_read) < Number(r.cells_expected)).length);

    // The summary comes last: the four lines, in this order.
    const lines = main.stderr.trimEnd().split('\n');
    expect(lines.slice(-4).map((l) => l.split(':')[0])).toEqual(['Reports read', 'Cells read', 'Checks failed', 'Files written']);
  });

  it('--strict exits non-zero on the same folder (it has failed reports) but 0 on the seeds alone', () => {
    expect(main.code).toBe(0);
    expect(strict.code).not.toBe(0);
    expect(strict.stderr).toMatch(/--strict: \d+ report\(s\) failed/);
    expect(cleanStrict.code, cleanStrict.stderr).toBe(0);
    expect(cleanStrict.stderr).toMatch(/failed 0$/m);
  });

  it('a decimal in table 三 or a count beyond 2^53 does not crash the build, and no INT column gets a non-integer', () => {
    expect(badNumbers.code, badNumbers.stderr.slice(-2000)).toBe(0);
    const dir = out('out-bad');
    const files = readCsv(join(dir, 'reports.csv')).rows.map((r) => r.source_file).sort();
    expect(files).toEqual(['decimal.txt', 'fine.txt', 'huge.txt']);
    for (const t of TABLES) {
      const ints = t.columns.filter((c) => c.type === 'integer').map((c) => c.name);
      for (const row of readCsv(join(dir, `${t.name}.csv`)).rows) {
        for (const c of ints) if (row[c] !== '') expect(Number.isSafeInteger(Number(row[c])), `${t.name}.${c} = ${row[c]}`).toBe(true);
      }
    }
  });
});

describe('parse.ts', () => {
  it('prints one JSON object for one file: agency, year and warnings', () => {
    expect(parseOne.code, parseOne.stderr).toBe(0);
    const r = JSON.parse(parseOne.stdout);
    expect(Array.isArray(r)).toBe(false);
    expect(r.file).toBe(seed(0).file);
    expect(r.agencyName).toMatchObject({ value: '长治市中小企业服务中心' });
    expect(r.agencyName.line).toBeGreaterThanOrEqual(1);
    expect(r.year).toMatchObject({ value: 2023 });
    expect(Array.isArray(r.warnings)).toBe(true);
    expect(r.status).toBe('ok');
    expect(r.proactiveTotal.value).toBe(100);
  });

  it('prints an array, in argument order, for two files', () => {
    expect(parseTwo.code, parseTwo.stderr).toBe(0);
    const r = JSON.parse(parseTwo.stdout);
    expect(Array.isArray(r)).toBe(true);
    expect(r).toHaveLength(2);
    expect(r.map((x: { file: string }) => x.file)).toEqual([seed(0).file, seed(1).file]);
    expect(r[1].agencyName.value).toBe('长治市中小企业局');
    expect(r[1].year.value).toBe(2019);
    expect(r[1].proactiveTotal.value).toBe(49);
    for (const x of r) expect(Array.isArray(x.warnings)).toBe(true);
  });
});

describe('command-line flags (node:util parseArgs)', () => {
  it('an unknown flag is an error with the usage; --help prints it and exits 0', async () => {
    const [bad, help, badParse, helpParse] = await Promise.all([
      runTsx('scripts/build-data.ts', ['--repots', 'x']), runTsx('scripts/build-data.ts', ['--help']),
      runTsx('scripts/parse.ts', ['--manifset', 'x', 'y.txt']), runTsx('scripts/parse.ts', ['--help']),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option '--repots'[\s\S]*usage: npm run build:data/);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--reports DIR/);
    expect(badParse.code).toBe(2);
    expect(badParse.stderr).toMatch(/usage: npm run parse/);
    expect(helpParse.code).toBe(0);
  });
});
