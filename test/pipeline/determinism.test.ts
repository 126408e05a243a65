/** The same reports give byte-identical files, run after run, whatever the clock, time zone or locale. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../../src/agencies/index.ts';
import { toCsv, toParquet } from '../../src/files/index.ts';
import { TABLES } from '../../src/schema/tables.ts';
import { buildDataset, tables } from '../../src/tables/index.ts';
import { buildData, SEED_BUILD_ENV, seedBuild, SEED_ONLY_DIR, SEEDS, treeHashes, type Run } from './helpers.ts';

// The first run is the seeds' shared build (TZ=UTC, LANG=C; other test files read it too), its folder `aDir`.
let tmp: string, aDir: string, a: Run, b: Run;
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'pipeline-determinism-'));
  expect(SEED_BUILD_ENV).toEqual({ TZ: 'UTC', LANG: 'C', LC_ALL: 'C' });
  // Two runs at once, the second under another time zone and locale: nothing may depend on either.
  let shared: { out: string; run: Run };
  [shared, b] = await Promise.all([
    seedBuild(),
    buildData(SEED_ONLY_DIR, join(tmp, 'b', 'nested'), [], { TZ: 'Pacific/Kiritimati', LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' }),
  ]);
  ({ out: aDir, run: a } = shared);
}, 60_000);
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('build-data twice on the seeds', () => {
  it('both runs succeed and write every table', () => {
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const names = readdirSync(aDir);
    for (const t of TABLES) expect(names).toEqual(expect.arrayContaining([`${t.name}.csv`, `${t.name}.parquet`]));
    expect(names).toContain('datapackage.json');
    expect(names).toEqual(expect.arrayContaining(['disclosure-atlas.xlsx', 'disclosure-atlas.zip']));
  });

  it('writes the same list of files, each byte-identical (sha256)', () => {
    const ha = treeHashes(aDir), hb = treeHashes(join(tmp, 'b', 'nested'));
    expect(Object.keys(ha).length).toBeGreaterThanOrEqual(2 * TABLES.length + 3);
    expect(Object.keys(hb)).toEqual(Object.keys(ha));
    expect(hb).toEqual(ha);
    // The files hold data: a build that wrote nothing twice would also be "identical".
    expect(readFileSync(join(aDir, 'summary.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(SEEDS.length + 1);
  });
});

describe('buildDataset and tables in-process', () => {
  const registry = loadRegistry();
  const inputs = SEEDS.map((s) => ({ file: s.file, bytes: new TextEncoder().encode(s.text) }));
  const digest = (ins: typeof inputs) =>
    tables(buildDataset(ins, registry), registry).map((t) => ({
      name: t.def.name,
      csv: createHash('sha256').update(toCsv(t.def, t.rows)).digest('hex'),
      parquet: createHash('sha256').update(toParquet(t.def, t.rows)).digest('hex'),
    }));

  it('give the same bytes whatever order the files were read in', () => {
    const forward = digest(inputs);
    expect(forward.map((d) => d.name)).toEqual(TABLES.map((t) => t.name));
    expect(digest([...inputs].reverse())).toEqual(forward);
    expect(digest([inputs[2]!, inputs[0]!, inputs[4]!, inputs[1]!, inputs[3]!])).toEqual(forward);
  });

  it('match the files the command wrote', () => {
    const written = treeHashes(aDir);
    for (const d of digest(inputs)) {
      expect(written[`${d.name}.csv`], d.name).toBe(d.csv);
      expect(written[`${d.name}.parquet`], d.name).toBe(d.parquet);
    }
  });
});
