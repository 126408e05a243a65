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
