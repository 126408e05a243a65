/**
 * The corpus as a test: every real report that comes both as its web page's HTML (exact cells)
 * and as the archiver's flattened text is read in both shapes, and the two readings must agree.
 * The corpus lives outside the repository (../shared/corpus/pingtan, or ATLAS_CORPUS); the test
 * takes whatever pairs are there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/check/index.ts';
import { coverage } from '../../src/check/coverage.ts';
import { parseFile, readManifest, reportCells, stemOf } from '../../src/parse/index.ts';

const dir = resolve(process.env.ATLAS_CORPUS ?? join(import.meta.dirname, '../../../shared/corpus/pingtan'));
const present = existsSync(join(dir, 'html')) && existsSync(join(dir, 'txt'));

const cells = reportCells;

describe.skipIf(!present)(`the corpus in two shapes (${dir})`, () => {
  const manifest = present && existsSync(join(dir, 'SOURCES.tsv')) ? readManifest(readFileSync(join(dir, 'SOURCES.tsv'), 'utf8')) : new Map();
  const read = (file: string) => parseFile(new Uint8Array(readFileSync(file)), file, manifest.get(stemOf(file))).report;
  const stems = present ? readdirSync(join(dir, 'html')).filter((f) => /\.html?$/.test(f)).map(stemOf)
    .filter((s) => existsSync(join(dir, 'txt', `${s}.txt`))).sort() : [];
  const pairs = stems.map((s) => ({ stem: s, html: read(join(dir, 'html', `${s}.html`)), text: read(join(dir, 'txt', `${s}.txt`)) }));

  it('has pairs to compare', () => {
    expect(pairs.length).toBeGreaterThan(0);
  });

  it('reads every cell the HTML gives identically from the flattened text, or null with a warning; none differs', () => {
    let agree = 0, missing = 0;
    const differ: string[] = [], unflagged: string[] = [];
    for (const p of pairs) {
      const want = cells(p.html), got = cells(p.text);
      const warned = p.text.warnings.some((w) => w.severity !== 'note');
      for (const [key, v] of want) {
        if (v === null) continue;
        const x = got.get(key) ?? null;
        if (x === v) agree++;
        else if (x === null) {
          missing++;
          if (!warned) unflagged.push(`${p.stem} ${key}`);
        } else differ.push(`${p.stem} ${key}: html ${v}, text ${x}`);
      }
    }
    const share = agree / (agree + missing + differ.length);
    console.log(`corpus agreement: ${pairs.length} pairs, ${agree} cells agree (${(100 * share).toFixed(1)}%), ${missing} null in the text, ${differ.length} differ`);
    expect(differ).toEqual([]);
    expect(unflagged).toEqual([]);
    // 98.0% until table 二 rows that read as a vanished blank too became null (5603f0c): 97.9%.
    expect(share).toBeGreaterThanOrEqual(0.975);
  });

  it('finds the same sum-rule outcome in both shapes wherever both could check', () => {
    const disagree: string[] = [];
    for (const p of pairs) {
      const a = new Map(checkReport(p.html).map((c) => [`${c.check}/${c.subject}`, c.status]));
      for (const c of checkReport(p.text)) {
        if (c.check === 'proactive_share' || c.check === 'proactive_sum') continue;
        const h = a.get(`${c.check}/${c.subject}`);
        if (h && h !== 'skipped' && c.status !== 'skipped' && h !== c.status) disagree.push(`${p.stem} ${c.check}/${c.subject}: html ${h}, text ${c.status}`);
      }
    }
    expect(disagree).toEqual([]);
  });

  it('fills at least 99% of the prescribed cells from the HTML', () => {
    let filled = 0, all = 0;
    for (const p of pairs) {
      const c = coverage(p.html);
      (filled += c.read), (all += c.expected);
    }
    console.log(`HTML coverage: ${filled} of ${all} prescribed cells (${((100 * filled) / all).toFixed(1)}%)`);
    expect(filled / all).toBeGreaterThanOrEqual(0.99);
  });

  it('reads every report in both shapes: title, agency, year as the manifest gives them', () => {
    for (const p of pairs) {
      for (const r of [p.html, p.text]) {
        expect(r.status, p.stem).not.toBe('failed');
        expect(r.year.value, p.stem).toBe(manifest.get(p.stem)?.year ?? r.year.value);
        expect(r.agencyName.value, p.stem).toMatch(/^平潭综合实验区/);
      }
      expect(p.text.agencyName.value).toBe(p.html.agencyName.value);
      expect(p.text.source.url).toBe(p.html.source.url);
    }
  });
});
