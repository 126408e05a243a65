/** dataVersion() (src/site/version.ts) reads back what build:data wrote, and refuses a descriptor that does not match. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { table, type Row, type TableDef } from '../../src/schema/tables.ts';
import { writeTables } from '../../src/files/index.ts';
import { PACKAGE } from '../../src/files/package.ts';
import { dataVersion } from '../../src/site/version.ts';

const dir = mkdtempSync(join(tmpdir(), 'site-version-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const blank = (def: TableDef, over: Row): Row => ({ ...Object.fromEntries(def.columns.map((c) => [c.name, null])), ...over });

describe('dataVersion', () => {
  it('is the version datapackage.json names, and refuses an old or altered descriptor', async () => {
    const reports = table('reports');
    const out = join(dir, 'a');
    await writeTables(out, [{ def: reports, rows: [blank(reports, { report_id: 'a-2023', year: 2023, published_at: '2024-01-31', status: 'ok' })] }], PACKAGE, {});
    const path = join(out, 'datapackage.json');
    const pkg = JSON.parse(readFileSync(path, 'utf8'));
    const v = dataVersion(out);
    expect(v).toEqual({ version: pkg.version, date: '2024-01-31', hash: pkg.version.slice(11) });
    expect(v.version).toMatch(/^2024-01-31\.[0-9a-f]{7}$/);

    const b = join(dir, 'b');
    await writeTables(b, [{ def: reports, rows: [] }], PACKAGE, {});
    writeFileSync(join(b, 'datapackage.json'), JSON.stringify({ ...pkg, version: '0.1.0' }));
    expect(() => dataVersion(b)).toThrow(/not a data version.*build:data/);
    // A file's hash changed after the version was computed.
    writeFileSync(join(b, 'datapackage.json'), JSON.stringify({ ...pkg, resources: pkg.resources.map((r: { hash: string }, i: number) => (i === 0 ? { ...r, hash: 'sha256:00' } : r)) }));
    expect(() => dataVersion(b)).toThrow(/does not match the files/);
  });
});

describe('the published workbook and zip name the data version', () => {
  it('workbook: document properties and a last sheet `about` that a real reader (exceljs) opens; zip: VERSION', async () => {
    const { default: ExcelJS } = await import('exceljs');
    // What build:data writes (writeTables writes the same files as the streamed build, the workbook and zip included).
    const reports = table('reports');
    const out = join(dir, 'downloads');
    await writeTables(out, [{ def: reports, rows: [blank(reports, { report_id: 'a-2023', year: 2023, published_at: '2024-01-31', status: 'ok' })] }], PACKAGE, {});
    const v = dataVersion(out);
    const d = { workbook: readFileSync(join(out, 'disclosure-atlas.xlsx')), zip: readFileSync(join(out, 'disclosure-atlas.zip')) };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(d.workbook as unknown as ArrayBuffer);
    expect(book.title).toContain('Disclosure Atlas');
    expect(book.subject).toBe(`数据版本 Data version ${v.version}`);
    expect(book.keywords).toContain('政府信息公开');
    expect(book.created.toISOString()).toBe(`${v.date}T00:00:00.000Z`);
    const names = book.worksheets.map((s) => s.name);
    expect(names.at(-1)).toBe('about');
    const about = book.getWorksheet('about')!;
    const cells = new Map<string, string>();
    about.eachRow((row) => cells.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(cells.get('数据版本 Data version')).toBe(v.version);
    expect(cells.get('数据截至 Current to')).toBe(v.date);
    const { unzipSync, strFromU8 } = await import('fflate');
    expect(strFromU8(unzipSync(new Uint8Array(d.workbook))['docProps/core.xml']!)).toContain(`<cp:version>${v.version}</cp:version>`);
    expect(strFromU8(unzipSync(new Uint8Array(d.zip))['disclosure-atlas/VERSION']!).split('\n')[0]).toBe(v.version);
  });

  it('a workbook written without properties has no docProps part (its bytes as before)', async () => {
    const { xlsx } = await import('../../src/shared/xlsx.ts');
    const { unzipSync, strFromU8 } = await import('fflate');
    const sheets = [{ name: 'a', rows: [['x'], [1]] }];
    const plain = unzipSync(xlsx(sheets));
    expect(Object.keys(plain)).not.toContain('docProps/core.xml');
    expect(strFromU8(plain['_rels/.rels']!)).not.toContain('core-properties');
    const withProps = unzipSync(xlsx(sheets, undefined, { title: 'T & <t>', created: '2024-01-31' }));
    expect(strFromU8(withProps['docProps/core.xml']!)).toContain('<dc:title>T &amp; &lt;t&gt;</dc:title>');
    expect(strFromU8(withProps['[Content_Types].xml']!)).toContain('/docProps/core.xml');
  });
});
