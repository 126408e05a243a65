/** The report generator (scripts/generate-reports.ts): real shapes (as published and printed again), new places, the template's values. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRegion } from '../../src/agencies/index.ts';
import { parseFile, readManifest, reportCells, stemOf } from '../../src/parse/index.ts';
import { runTsx, SEED_DIR, type Run } from './helpers.ts';
import { cellsOf } from '../../scripts/shapes.ts';

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
    const shapes = new Set<string>();
    for (const [file, template, place, shape] of rows.filter(([, , , shape], i) => shape !== 'original' || i % 7 === 0)) {
      shapes.add(shape!);
      const got = parseFile(new Uint8Array(readFileSync(join(tmp, 'r', file!))), file!).report;
      const want = parseFile(new Uint8Array(readFileSync(join(SEED_DIR, template!))), template!, manifest.get(stemOf(template!))).report;
      expect(got.agencyName.value, file).toBe(want.agencyName.value!.replace('平潭综合实验区', place!));
      expect(got.year.value).toBe(want.year.value);
      // A printed shape carries the cells of scripts/shapes.ts (section 一's total, tables 二, 三, 四); the original carries all.
      const of = (r: typeof got) => Object.fromEntries(shape === 'original' ? reportCells(r) : cellsOf(r, want.template!));
      const cells = of(got), wanted = of(want);
      if (shape === 'flattened') {
        // One flattened line loses what cannot be split with certainty: equal, or null with a warning.
        const other = Object.entries(cells).filter(([k, v]) => v !== null && v !== wanted[k]);
        expect(other, file).toEqual([]);
        if (Object.entries(cells).some(([k, v]) => v === null && wanted[k] !== null)) expect(got.status, file).not.toBe('ok');
      } else expect(cells, file).toEqual(wanted);
      expect(resolveRegion(got.agencyName.value!).region.county, file).toBe(place!.replace(/^.*?市/, ''));
    }
    // Every shape was made and read (the printed ones from the templates that add up).
    expect([...shapes].sort()).toEqual(['cell-per-line', 'column-major', 'flattened', 'markdown', 'original', 'pdf-rows', 'tabs']);
  });
});
