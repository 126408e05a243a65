import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { TABLES, table, type Row, type TableDef } from '../../src/schema/tables.ts';
import { dataPackage, dataPackageJson, dataReadme, makeVersion, toCsv, toParquet, writeTables, type PackageMeta } from '../../src/files/index.ts';

const meta: PackageMeta = {
  name: 'disclosure-atlas',
  schemaVersion: '1.2.3',
  title: { zh: '政府信息公开年报数据', en: 'Disclosure Atlas' },
  description: { zh: '解析并核对的政府信息公开工作年度报告。', en: 'Annual reports on government information disclosure, parsed and checked.' },
  homepage: 'https://example.org/atlas/',
  licenses: [{ name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }],
  sources: [{ title: '各机关门户网站的政府信息公开工作年度报告' }],
};
const blank = (def: TableDef, over: Row): Row => ({ ...Object.fromEntries(def.columns.map((c) => [c.name, null])), ...over });
const rowsFor = (def: TableDef): Row[] =>
  def.name === 'reports' ? [blank(def, { report_id: 'a-2021', year: 2021, published_on: '2022-01-31', status: 'ok' })]
  : def.name === 'summary' ? [blank(def, { report_id: 'a-2021', fees_charged: 5394432.52 }), blank(def, { report_id: 'b-2021', agency_name: '某局，"x"' })]
  : [];
const built = TABLES.map((def) => {
  const rows = rowsFor(def);
  return { def, rows, csv: toCsv(def, rows), parquet: toParquet(def, rows) };
});
const sha = (b: Uint8Array | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;
const version = makeVersion('2022-01-31', 'abcdef0');

describe('dataPackage', () => {
  const pkg = dataPackage(built, meta, version);

  it('is a tabular data package with two resources per table, CSV first', () => {
    expect(pkg.profile).toBe('tabular-data-package');
    expect(pkg.resources.map((r) => r.name)).toEqual(TABLES.flatMap((t) => [t.name, `${t.name}-parquet`]));
    expect(pkg.resources.map((r) => r.path)).toEqual(TABLES.flatMap((t) => [`${t.name}.csv`, `${t.name}.parquet`]));
    for (const r of pkg.resources) {
      expect(r.profile).toBe('tabular-data-resource'); // the package profile demands it of every resource
      expect(r.name).toMatch(/^[-a-z0-9._/]+$/);
    }
    expect(pkg.resources.filter((r) => r.format === 'csv').every((r) => 'encoding' in r && r.encoding === 'utf-8' && r.mediatype === 'text/csv')).toBe(true);
    expect(pkg.title).toContain('政府信息公开年报数据');
    expect(pkg.title).toContain('Disclosure Atlas');
    expect(pkg.description).toContain(meta.description.en);
    expect(pkg.licenses).toEqual(meta.licenses);
    expect(pkg.version).toBe('2022-01-31.abcdef0');
    expect(pkg.created).toBe('2022-01-31T00:00:00Z');
    expect(pkg.schema_version).toBe('1.2.3');
  });

  it('states the true size and sha256 of every file', () => {
    pkg.resources.forEach((r, i) => {
      const t = built[Math.floor(i / 2)]!;
      const file = i % 2 === 0 ? Buffer.from(t.csv) : t.parquet;
      expect(r.bytes).toBe(file.byteLength);
      expect(r.hash).toBe(sha(file));
    });
    // bytes are UTF-8 bytes, not UTF-16 code units
    const summaryCsv = pkg.resources.find((r) => r.name === 'summary')!;
    expect(summaryCsv.bytes).toBeGreaterThan(built.find((t) => t.def.name === 'summary')!.csv.length);
  });

  it('describes every column from TABLES: type, Chinese title, English description, enum, key', () => {
    for (const def of TABLES) {
      for (const r of pkg.resources.filter((r) => r.path.startsWith(`${def.name}.`))) {
        expect(r.schema.primaryKey).toEqual(def.key);
        expect(r.schema.missingValues).toEqual(['']);
        expect(r.schema.fields).toEqual(def.columns.map((c) => ({
          name: c.name, type: c.type, title: c.zh, description: c.en, ...(c.values ? { constraints: { enum: c.values } } : {}),
        })));
        for (const k of def.key) expect(def.columns.some((c) => c.name === k)).toBe(true);
      }
    }
    const status = pkg.resources[0]!.schema.fields.find((f) => f.name === 'status')!;
    expect(status).toMatchObject({ type: 'string', constraints: { enum: ['ok', 'warnings', 'failed'] } });
  });

  it('serialises identically every time, with a final newline', () => {
    const again = dataPackageJson(dataPackage(structuredClone(built), structuredClone(meta), structuredClone(version)));
    expect(again).toBe(dataPackageJson(pkg));
    expect(again.endsWith('}\n')).toBe(true);
    expect(JSON.parse(again)).toEqual(pkg);
  });
});

describe('dataReadme', () => {
  it('lists every table in both languages and tells how to open and cite it, clock-free', () => {
    vi.useFakeTimers({ now: new Date('2031-07-04T12:00:00Z') });
    try {
      const text = dataReadme(built, meta, version);
      expect(text.indexOf('## 中文')).toBeLessThan(text.indexOf('## English'));
      for (const { def, rows } of built) {
        expect(text).toContain(`- **${def.name}**（\`${def.name}.parquet\` · \`${def.name}.csv\`，${rows.length} 行）：${def.zh}`);
        expect(text).toContain(`- **${def.name}** (\`${def.name}.parquet\` · \`${def.name}.csv\`, ${rows.length} rows): ${def.en}`);
      }
      for (const s of ["SELECT * FROM 'summary.parquet'", 'pd.read_parquet', 'pd.read_csv', 'arrow::read_parquet', 'readr::read_csv',
        'From Text/CSV', '65001', '不等于 0', 'not zero', '`line`', 'data version 2022-01-31.abcdef0', '数据版本 2022-01-31.abcdef0',
        '数据版本 / Data version: 2022-01-31.abcdef0', 'schema version is 1.2.3', 'SOURCE_DATE_EPOCH', '政府信息公开工作年度报告']) {
        expect(text).toContain(s);
      }
      // The only date is the data version's, never the clock's.
      expect(text).not.toContain('2031');
      expect([...text.matchAll(/\d{4}-\d{2}-\d{2}/g)].every((m) => m[0] === '2022-01-31')).toBe(true);
      vi.setSystemTime(new Date('2001-01-01'));
      expect(dataReadme(built, meta, version)).toBe(text);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('writeTables', () => {
  const dir = mkdtempSync(join(tmpdir(), 'files-write-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every file, reports true sizes, and writes the same bytes twice', async () => {
    const tables = [table('reports'), table('summary')].map((def) => ({ def, rows: rowsFor(def) }));
    const out = join(dir, 'data');
    const written = await writeTables(out, tables, meta, {});
    expect(written.map((w) => w.path)).toEqual(
      ['reports.csv', 'reports.parquet', 'summary.csv', 'summary.parquet', 'datapackage.json', 'README.md', 'disclosure-atlas.xlsx', 'disclosure-atlas.zip'].map((f) => join(out, f)));
    for (const w of written) expect(statSync(w.path).size).toBe(w.bytes);
    const snapshot = () => Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f)).toString('base64')]));
    const first = snapshot();
    await writeTables(out, tables, meta, {});
    expect(snapshot()).toEqual(first);
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    for (const r of pkg.resources) expect(r.hash).toBe(sha(readFileSync(join(out, r.path))));
  });
});
