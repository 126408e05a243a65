import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { rowXml, SharedStrings } from '../../src/shared/xlsx.ts';

describe('SharedStrings', () => {
  test('numbers strings in order of first use, the same string always the same number', () => {
    const s = new SharedStrings();
    expect(['b', 'a', 'b', 'c', 'a'].map((x) => s.get(x))).toEqual([0, 1, 0, 2, 1]);
    expect(s.size).toBe(3);
  });

  test('keeps inline what is too long, or first met past its bounds, and still numbers what it holds', () => {
    const s = new SharedStrings(3, 10, 5);
    expect(s.get('123456')).toBe(-1); // longer than 5
    expect(s.get('abcd')).toBe(0);
    expect(s.get('efgh')).toBe(1);
    expect(s.get('ijk')).toBe(-1); // 4 + 4 + 3 characters > 10
    expect(s.get('ij')).toBe(2);
    expect(s.get('x')).toBe(-1); // a fourth string
    expect(s.get('efgh')).toBe(1);
    expect(s.size).toBe(3);
  });

  test('holds its strings, not the larger strings they were sliced from', async () => {
    const run = await new Promise<{ code: number; stderr: string }>((done) => execFile(process.execPath,
      ['--max-old-space-size=64', '--import', 'tsx', 'test/shared/xlsx-held.ts'], { cwd: resolve(import.meta.dirname, '../..'), timeout: 60_000 },
      (err, _out, stderr) => done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stderr })));
    expect(run.code, run.stderr.slice(-500)).toBe(0);
  }, 60_000);

  test('writes its table escaped, whole across pieces', () => {
    const s = new SharedStrings();
    const words = ['<&>', '"引号"', ' lead', 'a\u0001b', ...Array.from({ length: 50 }, (_, i) => `w${i}`)];
    for (const w of words) s.get(w);
    const pieces = [...s.xml(64)];
    expect(pieces.length).toBeGreaterThan(5);
    const xml = pieces.join('');
    expect(xml).toContain(`uniqueCount="${words.length}"`);
    expect(xml).toContain('<si><t xml:space="preserve">&lt;&amp;&gt;</t></si><si><t xml:space="preserve">&quot;引号&quot;</t></si><si><t xml:space="preserve"> lead</t></si><si><t xml:space="preserve">ab</t></si>');
    expect(xml.endsWith('<si><t xml:space="preserve">w49</t></si></sst>')).toBe(true);
  });
});

describe('rowXml with shared strings', () => {
  test('strings by number, inline past the bounds, numbers as numbers, NULL and non-finite numbers left out, every cell placed; header rows inline and bold', () => {
    const s = new SharedStrings(10, 100, 4);
    expect(rowXml(['ab', null, 3, 'toolong', Number.NaN, 'ab'], 4, 1, s)).toBe(
      '<row r="5"><c r="A5" t="s"><v>0</v></c><c r="C5"><v>3</v></c><c r="D5" t="inlineStr"><is><t xml:space="preserve">toolong</t></is></c><c r="F5" t="s"><v>0</v></c></row>');
    expect(rowXml(['ab'], 0, 1, s)).toBe('<row r="1"><c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">ab</t></is></c></row>');
  });
});
