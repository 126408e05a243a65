/** The report generator (scripts/generate-reports.ts): real shapes, new places, the template's values. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRegion } from '../../src/agencies/index.ts';
import { parseFile, readManifest, reportCells, stemOf } from '../../src/parse/index.ts';
import { runTsx, SEED_DIR, type Run } from './helpers.ts';

describe('generate-reports', () => {
  let tmp: string, run: Run;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'atlas-gen-'));
    run = await runTsx('scripts/generate-reports.ts', ['--n', '130', '--out', join(tmp, 'r')]);
  }, 60_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes N files and a map beside the folder', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(join(tmp, 'r'))).toHaveLength(130);
    expect(readFileSync(join(tmp, 'r.generated.tsv'), 'utf8').trim().split('\n')).toHaveLength(131);
  });

  it('each generated report reads exactly as its template, under its new agency and place', () => {
    const manifest = readManifest(readFileSync(join(SEED_DIR, 'SOURCES.tsv'), 'utf8'));
    const rows = readFileSync(join(tmp, 'r.generated.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
    for (const [file, template, place] of rows.filter((_, i) => i % 7 === 0)) {
      const got = parseFile(new Uint8Array(readFileSync(join(tmp, 'r', file!))), file!).report;
      const want = parseFile(new Uint8Array(readFileSync(join(SEED_DIR, template!))), template!, manifest.get(stemOf(template!))).report;
      expect(got.agencyName.value, file).toBe(want.agencyName.value!.replace('平潭综合实验区', place!));
      expect(got.year.value).toBe(want.year.value);
      expect(Object.fromEntries(reportCells(got)), file).toEqual(Object.fromEntries(reportCells(want)));
      expect(resolveRegion(got.agencyName.value!).region.county, file).toBe(place!.replace(/^.*?市/, ''));
    }
  });
});
