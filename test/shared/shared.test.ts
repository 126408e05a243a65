/** The pure helpers build-time and browser code share (src/shared/). */
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { PALETTE, shortLabel } from '../../src/shared/chart-style.ts';
import { csvField, csvLine, csvQuote, CsvTooLarge, CsvWriter, estimateCsvBytes, utf8Length } from '../../src/shared/csv.ts';
import { escapeAttr } from '../../src/shared/html.ts';

describe('csv', () => {
  test('quotes only what RFC 4180 needs; "" for an empty string, nothing for NULL', () => {
    expect(csvQuote('plain 文字')).toBe('plain 文字');
    expect(csvQuote('a,b')).toBe('"a,b"');
    expect(csvQuote('say "hi"')).toBe('"say ""hi"""');
    expect(csvQuote('l1\nl2\r\n')).toBe('"l1\nl2\r\n"');
    expect(csvQuote('')).toBe('""');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvField(1e21)).toBe('1000000000000000000000');
    expect(csvField(1e-7)).toBe('0.0000001');
    expect(csvField(NaN)).toBe('NaN');
    expect(csvLine(['a', null, 3, ''])).toBe('a,,3,""\n');
  });

  test('a record of awkward text reads back as written', () => {
    const values = ['"', ',', '\n', ' 前后 ', 'x""y', '', 'a\r\nb'];
    const parsed = Papa.parse<string[]>(csvLine(values), { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual(values);
  });

  test('utf8Length agrees with TextEncoder', () => {
    for (const s of ['', 'abc', 'é', '中文', '😀', 'a\ud800b', '\udc00', 'x😀中é'])
      expect(utf8Length(s), JSON.stringify(s)).toBe(new TextEncoder().encode(s).length);
  });

  test('CsvWriter: the file it makes is the CSV of its records, byte for byte', async () => {
    const w = new CsvWriter(['i', 'name']);
    const rows = Array.from({ length: 50_000 }, (_, i) => [i, i % 3 ? `名字 ${i}` : null]);
    for (const r of rows) w.add(r);
    const text = csvLine(['i', 'name']) + rows.map(csvLine).join('');
    expect(w.rows).toBe(50_000);
    expect(w.bytes).toBe(new TextEncoder().encode(text).length);
    expect(await w.blob().text()).toBe(text);
  });

  test('CsvWriter: past the cap it throws CsvTooLarge with the rows that fitted, and keeps nothing more', () => {
    const w = new CsvWriter(['n'], 100);
    let error: unknown;
    try {
      for (let i = 0; i < 1e8; i++) w.add([1000 + i]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvTooLarge);
    // 'n\n' is 2 bytes, each record 5: 19 records make 97 bytes; the 20th would pass 100.
    expect((error as CsvTooLarge).rows).toBe(19);
    expect(w.rows).toBe(19);
    expect(w.bytes).toBe(97);
    expect(() => new CsvWriter(['a'.repeat(200)], 100)).toThrow(CsvTooLarge);
  });

  test('estimateCsvBytes: header plus the mean record of the sample times the count', () => {
    // 'i\n' = 2 bytes; records '1\n' and '中\n' = 2 and 4 bytes, mean 3.
    expect(estimateCsvBytes(['i'], [[1], ['中']], 1e8)).toBe(2 + 3e8);
    expect(estimateCsvBytes(['i'], [], 1e8)).toBe(2);
  });
});

describe('html', () => {
  test('escapeAttr escapes & first, then < > " \'', () => {
    expect(escapeAttr(`a&b <c> "d" 'e' &amp;`)).toBe('a&amp;b &lt;c&gt; &quot;d&quot; &#39;e&#39; &amp;amp;');
    expect(escapeAttr('https://x/?a=1&b=2')).toBe('https://x/?a=1&amp;b=2');
  });
});

describe('chart style', () => {
  test('labels lose their trailing parenthetical only', () => {
    expect(shortLabel('主动公开合计（条）')).toBe('主动公开合计');
    expect(shortLabel('Proactive total (items)')).toBe('Proactive total');
    expect(shortLabel('（一）予以公开')).toBe('（一）予以公开');
  });
  test('ten distinct colours', () => {
    expect(new Set(PALETTE).size).toBe(10);
    expect(PALETTE.every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
  });
});
