/** The data version (src/files/version.ts): a hash of the table files and the date the data is current to. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { table, type Row, type TableDef } from '../../src/schema/tables.ts';
import { makeVersion, parseVersion, versionDate, versionHash, writeTables, type PackageMeta } from '../../src/files/index.ts';

const meta: PackageMeta = {
  name: 'disclosure-atlas',
  schemaVersion: '0.1.0',
  title: { zh: '政府信息公开年报数据', en: 'Disclosure Atlas' },
  description: { zh: '测试', en: 'Test' },
  licenses: [{ name: 'CC-BY-4.0' }],
  sources: [{ title: 'reports' }],
};
const blank = (def: TableDef, over: Row): Row => ({ ...Object.fromEntries(def.columns.map((c) => [c.name, null])), ...over });
const reports = table('reports'), summary = table('summary');
const tablesWith = (fees: number, publishedAt: string | null = '2024-02-01') => [
  { def: reports, rows: [
    blank(reports, { report_id: 'a-2023', year: 2023, published_on: '2024-01-20', published_at: publishedAt, status: 'ok' }),
    blank(reports, { report_id: 'b-2022', year: 2022, published_on: '2023-01-15', published_at: '2023-01-16', status: 'ok' }),
  ] },
  { def: summary, rows: [blank(summary, { report_id: 'a-2023', fees_charged: fees })] },
];

const dir = mkdtempSync(join(tmpdir(), 'files-version-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
/** Writes the tables into a fresh folder; returns the folder's files and the descriptor. */
async function build(tables: ReturnType<typeof tablesWith>, env: Record<string, string | undefined> = {}) {
  const out = join(dir, String(n++));
  await writeTables(out, tables, meta, env);
  const files = Object.fromEntries(readdirSync(out).sort().map((f) => [f, readFileSync(join(out, f))]));
  return { out, files, pkg: JSON.parse(files['datapackage.json']!.toString('utf8')) as { version: string; created: string; resources: { path: string; hash: string }[] } };
}
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

describe('the data version written by writeTables', () => {
  it('is the newest publication date and 7 hex digits over the table files, as sha256sum would give them', async () => {
    const { files, pkg } = await build(tablesWith(10));
    const v = parseVersion(pkg.version)!;
    expect(v.date).toBe('2024-02-01');
    expect(pkg.created).toBe('2024-02-01T00:00:00Z');
    // Recomputed from the files on disk, independently of the code under test.
    const lines = Object.keys(files).filter((f) => /\.(csv|parquet)$/.test(f)).sort().map((f) => `${f} sha256:${sha256(files[f]!)}\n`);
    expect(lines).toHaveLength(4);
    expect(v.hash).toBe(sha256(lines.join('')).slice(0, 7));
    // And from the descriptor alone.
    expect(versionHash(pkg.resources)).toBe(v.hash);
    // The README names it.
    expect(files['README.md']!.toString('utf8')).toContain(`数据版本 / Data version: ${pkg.version}`);
  });

  it('is the same, byte for byte, for the same tables; another when one table file changes', async () => {
    const a = await build(tablesWith(10));
    const b = await build(tablesWith(10));
    expect(b.files).toEqual(a.files);
    const c = await build(tablesWith(11));
    expect(parseVersion(c.pkg.version)!.date).toBe(parseVersion(a.pkg.version)!.date);
    expect(c.pkg.version).not.toBe(a.pkg.version);
    expect(c.files['README.md']!.toString()).toContain(c.pkg.version);
  });

  it('does not depend on the time zone or the day of the build', async () => {
    const saved = process.env.TZ;
    try {
      const under = async (tz: string, now: string) => {
        process.env.TZ = tz;
        vi.useFakeTimers({ now: new Date(now), toFake: ['Date'] });
        try {
          // 23:30 UTC is already the next day east of Greenwich, still the day before far west of it.
          const localDay = new Date(Date.UTC(2024, 2, 5, 23, 30)).getDate();
          return [await build(tablesWith(10)), await build(tablesWith(10), { SOURCE_DATE_EPOCH: String(Date.UTC(2024, 2, 5, 23, 30) / 1000) }), localDay] as const;
        } finally {
          vi.useRealTimers();
        }
      };
      const [east, eastEpoch, eastDay] = await under('Pacific/Kiritimati', '2030-06-01T12:00:00Z');
      const [west, westEpoch, westDay] = await under('Pacific/Pago_Pago', '2001-01-01T00:00:00Z');
      expect([eastDay, westDay]).toEqual([6, 5]); // the zones really were in force
      expect(west.files).toEqual(east.files);
      expect(westEpoch.files).toEqual(eastEpoch.files);
      expect(parseVersion(eastEpoch.pkg.version)!.date).toBe('2024-03-05');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('versionDate', () => {
  it('takes published_at, else published_on, else the end of the newest year, else 1970-01-01', () => {
    expect(versionDate([{ published_at: '2024-04-17', published_on: '2024-01-01' }, { published_at: '2025-01-20' }], {})).toBe('2025-01-20');
    // A report without page metadata counts by its signature date.
    expect(versionDate([{ published_at: null, published_on: '2025-02-02' }, { published_at: '2025-01-20', published_on: '2025-03-01' }], {})).toBe('2025-02-02');
    expect(versionDate([{ year: 2021 }, { year: 2023 }, { year: null }], {})).toBe('2023-12-31');
    expect(versionDate([], {})).toBe('1970-01-01');
  });
  it('takes SOURCE_DATE_EPOCH (UTC) first, and refuses one that is not whole seconds', () => {
    expect(versionDate([{ published_at: '2025-01-20' }], { SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-14');
    expect(versionDate([{ published_at: '2025-01-20' }], { SOURCE_DATE_EPOCH: '' })).toBe('2025-01-20');
    expect(() => versionDate([], { SOURCE_DATE_EPOCH: '2024-01-01' })).toThrow(/whole seconds/);
  });
});

describe('versionHash, makeVersion, parseVersion', () => {
  it('ignores the order files are listed in, and sees any change of path or hash', () => {
    const files = [{ path: 'a.csv', hash: 'sha256:01' }, { path: 'b.csv', hash: 'sha256:02' }];
    const h = versionHash(files);
    expect(h).toMatch(/^[0-9a-f]{7}$/);
    expect(versionHash([...files].reverse())).toBe(h);
    expect(versionHash([files[0]!, { path: 'b.csv', hash: 'sha256:03' }])).not.toBe(h);
    expect(versionHash([files[0]!, { path: 'c.csv', hash: 'sha256:02' }])).not.toBe(h);
  });
  it('round-trips a version and refuses malformed ones', () => {
    expect(parseVersion(makeVersion('2026-01-30', '1a2b3c4').version)).toEqual({ version: '2026-01-30.1a2b3c4', date: '2026-01-30', hash: '1a2b3c4' });
    expect(parseVersion('0.1.0')).toBeNull();
    expect(parseVersion('2026-01-30.1A2B3C4')).toBeNull();
    expect(() => makeVersion('30/01/2026', '1a2b3c4')).toThrow();
  });
});
