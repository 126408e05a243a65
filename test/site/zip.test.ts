/** Zip and workbook bytes independent of the time zone and the day (src/shared/zip.ts, src/files/zip.ts). */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, test } from 'vitest';
import { tableSheets } from '../../src/files/downloads.ts';
import { zipEpoch, ZipFileWriter } from '../../src/files/zip.ts';
import { dosDateTime, stampZip, ZIP_EPOCH, zipAt } from '../../src/shared/zip.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** The child script's hashes under a time zone (and other environment). */
function hashesUnder(env: Record<string, string>): Record<string, string> {
  const out = execFileSync(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'test/site/zip-hashes.ts'], {
    cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8',
  });
  return JSON.parse(out) as Record<string, string>;
}

/** Every entry's [time, date] fields from the central directory. */
function stamps(zip: Uint8Array): [number, number][] {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  const out: [number, number][] = [];
  for (let i = 0, p = v.getUint32(eocd + 16, true); i < v.getUint16(eocd + 10, true); i++) {
    out.push([v.getUint16(p + 12, true), v.getUint16(p + 14, true)]);
    const local = v.getUint32(p + 42, true);
    out.push([v.getUint16(local + 10, true), v.getUint16(local + 12, true)]);
    p += 46 + v.getUint16(p + 28, true) + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('zip entry times', () => {
  test('the workbook and a streamed zip have the same bytes under TZ=UTC, Asia/Shanghai and America/Los_Angeles', () => {
    const utc = hashesUnder({ TZ: 'UTC', SOURCE_DATE_EPOCH: '' });
    expect(hashesUnder({ TZ: 'Asia/Shanghai', SOURCE_DATE_EPOCH: '' })).toEqual(utc);
    expect(hashesUnder({ TZ: 'America/Los_Angeles', SOURCE_DATE_EPOCH: '' })).toEqual(utc);
  }, 60_000);

  test('every entry is stamped 2020-01-01 00:00:00, or SOURCE_DATE_EPOCH in UTC, in memory and streamed to disk', () => {
    const files = { 'a.txt': strToU8('a'), 'dir/b.txt': strToU8('b'.repeat(1000)) };
    const streamed = (env: Record<string, string>) => {
      const path = join(dir, `s${Object.keys(env).length}.zip`);
      const zip = new ZipFileWriter(path, zipEpoch(env));
      zip.add('a.txt', files['a.txt'], 9);
      const e = zip.entry('dir/b.txt', 0);
      e.push(files['dir/b.txt'].subarray(0, 10));
      e.push(files['dir/b.txt'].subarray(10));
      e.end();
      zip.close();
      return new Uint8Array(readFileSync(path));
    };
    // 2020-01-01: (40 << 9) | (1 << 5) | 1; 00:00:00 is 0.
    for (const fixed of [zipAt(files, 9, zipEpoch({})), streamed({})]) {
      expect(stamps(fixed)).toEqual(Array(4).fill([0, (40 << 9) | (1 << 5) | 1]));
      expect(unzipSync(fixed)).toEqual(files);
    }
    // 2024-03-05 06:07:08 UTC.
    const env = { SOURCE_DATE_EPOCH: String(Date.UTC(2024, 2, 5, 6, 7, 8) / 1000) };
    for (const dated of [zipAt(files, 9, zipEpoch(env)), streamed(env)]) {
      expect(stamps(dated)).toEqual(Array(4).fill([(6 << 11) | (7 << 5) | 4, (44 << 9) | (3 << 5) | 5]));
      expect(unzipSync(dated)['dir/b.txt']).toEqual(files['dir/b.txt']);
    }
  });

  test('a streamed zip appears under its name only when closed, and refuses an entry started inside another', () => {
    const path = join(dir, 'partial.zip');
    const zip = new ZipFileWriter(path);
    zip.entry('a', 6).push(strToU8('x'));
    expect(() => zip.entry('b', 6)).toThrow(/before the entry before it ended/);
    expect(() => readFileSync(path)).toThrow();
  });

  test('SOURCE_DATE_EPOCH: whole seconds, else an error; out-of-range times clamp to what DOS can hold', () => {
    expect(zipEpoch({})).toBe(ZIP_EPOCH);
    expect(zipEpoch({ SOURCE_DATE_EPOCH: ' ' })).toBe(ZIP_EPOCH);
    expect(zipEpoch({ SOURCE_DATE_EPOCH: '1700000000' })).toBe(1_700_000_000);
    expect(() => zipEpoch({ SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/SOURCE_DATE_EPOCH/);
    expect(dosDateTime(0)).toEqual({ date: (1 << 5) | 1, time: 0 });
    expect(dosDateTime(4e9 * 10).date >> 9).toBe(127);
  });

  test('stampZip refuses what is not a zip', () => {
    expect(() => stampZip(new Uint8Array(30), 0)).toThrow(/not a zip/);
  });
});

describe("workbook sheets past Excel's rows per sheet", () => {
  test('a table that fits is one sheet; a longer one is split, each sheet with its header, no row lost', () => {
    expect(tableSheets('t', 7, 8)).toEqual([{ name: 't', rows: 7 }]);
    expect(tableSheets('t', 0, 8)).toEqual([{ name: 't', rows: 0 }]);
    // 3 rows a sheet and the header.
    expect(tableSheets('t', 7, 4)).toEqual([{ name: 't_1', rows: 3 }, { name: 't_2', rows: 3 }, { name: 't_3', rows: 1 }]);
    expect(tableSheets('t', 6, 4).map((s) => s.rows)).toEqual([3, 3]);
    expect(tableSheets('t', 1_048_575)).toHaveLength(1);
    expect(tableSheets('t', 1_048_576).map((s) => s.name)).toEqual(['t_1', 't_2']);
  });
});
