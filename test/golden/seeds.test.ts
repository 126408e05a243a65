import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/check/index.ts';
import { decode, parseReport, type ParsedReport } from '../../src/parse/index.ts';
import { APPLICANT_KEYS, applicationRows, ARTICLE20 } from '../../src/schema/index.ts';
import { GOLDEN } from './seeds.ts';

const read = (file: string): ParsedReport => {
  const d = decode(new Uint8Array(readFileSync(new URL(`../../src/data/reports/${file}`, import.meta.url))));
  return parseReport(d.text);
};

describe.each(GOLDEN)('seed $file', (g) => {
  const r = read(g.file);
  const a20 = (key: string) => r.article20.find((c) => `${c.item}/${c.measure}` === key);
  const app = (row: string) => APPLICANT_KEYS.map((a) => r.applications.find((c) => c.row === row && c.applicant === a)!);

  it('reads the title, template and signature', () => {
    expect(r.agencyName.value).toBe(g.agency);
    expect(r.year.value).toBe(g.year);
    expect(r.template).toBe(g.template);
    expect(r.publishedOn.value).toBe(g.publishedOn);
    expect(r.status).toBe(g.status);
  });

  it('reads section 一: the total, categories, counts and printed shares', () => {
    expect(r.proactiveTotal.value).toBe(g.proactiveTotal);
    expect(r.proactiveCategories.map((c) => [c.label, c.items, c.sharePct])).toEqual(g.categories);
  });

  it('reads every cell of table 二 with its unit and sign', () => {
    const expected = ARTICLE20[g.template].flatMap((c) => c.items.flatMap((i) => c.measures.map((m) => `${i.key}/${m.key}`)));
    expect(r.article20.map((c) => `${c.item}/${c.measure}`)).toEqual(expected);
    for (const [key, value] of Object.entries(g.article20)) expect([key, a20(key)?.value]).toEqual([key, value]);
    for (const [key, raw] of Object.entries(g.article20Raw ?? {})) expect(a20(key)?.raw).toBe(raw);
    for (const [key, unit] of Object.entries(g.article20Unit ?? {})) expect(a20(key)?.unit).toBe(unit);
  });

  it('reads every row of table 三 by all seven applicant columns', () => {
    const rows = applicationRows(g.template);
    expect(r.applications).toHaveLength(rows.length * 7);
    for (const row of rows) {
      const want = g.applications?.[row.key] ?? (g.applicationsAllZero ? Array(7).fill(0) : Array(7).fill(null));
      expect([row.key, app(row.key).map((c) => c.value)]).toEqual([row.key, want]);
    }
  });

  it('reads the fifteen cells of table 四', () => {
    expect(r.reviews.map((c) => c.value)).toEqual(g.reviews);
    expect(r.reviews.find((c) => c.value !== null)?.line).toBe(g.reviewsLine);
  });

  it('reads fees from section 六', () => {
    expect(r.fees.value).toBe(g.fees);
  });

  it('remembers the source line of each value', () => {
    for (const [key, line] of Object.entries(g.lines ?? {})) {
      const [kind, ...rest] = key.split('/');
      const got = kind === 'proactiveTotal' ? r.proactiveTotal.line : kind === 'fees' ? r.fees.line
        : kind === 'article20' ? a20(rest.join('/'))?.line : app(rest[0]!)[0]!.line;
      expect([key, got]).toEqual([key, line]);
    }
  });

  it('passes every check it can run', () => {
    const checks = checkReport(r);
    expect(checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(checks.some((c) => c.status === 'pass')).toBe(true);
  });
});

describe('seed notes', () => {
  it('2019 Changzhi: blanks stay null, never 0', () => {
    const r = read('001_83e47e52eeac055c.txt');
    expect(r.applications.filter((c) => c.value === 0)).toHaveLength(8);
    expect(r.applications.filter((c) => c.value === null)).toHaveLength(23 * 7 - 8);
  });
  it('Xia county: rows that lost their labels are placed by order and the placement is noted', () => {
    const r = read('003_1246336c5afa29b6.txt');
    expect(r.warnings.map((w) => w.code)).toContain('t3_by_order');
    expect(r.warnings.filter((w) => w.code === 't3_uniform_row')).toHaveLength(8);
  });
  it('2023 Changzhi: table 四 values found after the signature', () => {
    const r = read('000_49efb77cae9f07bc.txt');
    expect(r.warnings.map((w) => w.code)).toContain('t4_after_signature');
  });
});
