/** Zip and workbook bytes independent of the time zone and the day (src/site/zip.ts). */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { strToU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { dosDateTime, stampZip, ZIP_EPOCH, zipEpoch, zipFixed } from '../../src/site/zip.ts';

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

describe('zip entry times', () => {
  test('the workbook has the same bytes under TZ=UTC and TZ=Asia/Shanghai', () => {
    const utc = hashesUnder({ TZ: 'UTC', SOURCE_DATE_EPOCH: '' });
    expect(hashesUnder({ TZ: 'Asia/Shanghai', SOURCE_DATE_EPOCH: '' })).toEqual(utc);
    expect(hashesUnder({ TZ: 'America/Los_Angeles', SOURCE_DATE_EPOCH: '' })).toEqual(utc);
  }, 60_000);

  test('every entry is stamped 2020-01-01 00:00:00, or SOURCE_DATE_EPOCH in UTC', () => {
    const files = { 'a.txt': strToU8('a'), 'dir/b.txt': strToU8('b'.repeat(1000)) };
    const at = (env: string | undefined) => {
      const saved = process.env.SOURCE_DATE_EPOCH;
      if (env === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = env;
      try {
        return zipFixed(files, 9);
      } finally {
        if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
        else process.env.SOURCE_DATE_EPOCH = saved;
      }
    };
    const fixed = at(undefined);
    // 2020-01-01: (40 << 9) | (1 << 5) | 1; 00:00:00 is 0.
    expect(stamps(fixed)).toEqual(Array(4).fill([0, (40 << 9) | (1 << 5) | 1]));
    expect(Object.keys(unzipSync(fixed))).toEqual(['a.txt', 'dir/b.txt']);
    // 2024-03-05 06:07:08 UTC.
    const dated = at(String(Date.UTC(2024, 2, 5, 6, 7, 8) / 1000));
    expect(stamps(dated)).toEqual(Array(4).fill([(6 << 11) | (7 << 5) | 4, (44 << 9) | (3 << 5) | 5]));
    expect(unzipSync(dated)['dir/b.txt']).toEqual(files['dir/b.txt']);
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
  test('a table that fits is one sheet; a longer one is split with its header on each sheet, no row lost', async () => {
    const { tableSheets } = await import('../../src/site/downloads.ts');
    const rows = Array.from({ length: 7 }, (_, i) => [i]);
    expect(tableSheets('t', ['n'], rows, 8)).toEqual([{ name: 't', rows: [['n'], ...rows] }]);
    const split = tableSheets('t', ['n'], rows, 4);
    expect(split.map((s) => s.name)).toEqual(['t_1', 't_2', 't_3']);
    expect(split.every((s) => s.rows[0]![0] === 'n' && s.rows.length <= 4)).toBe(true);
    expect(split.flatMap((s) => s.rows.slice(1))).toEqual(rows);
  });
});
