/**
 * Large and repeated inputs (issue 12): parsing stays linear in the size of the text, and a text
 * over the size limit or pasted several times over is read but flagged.
 */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse/index.ts';
import { MAX_TEXT_CHARS } from '../../src/parse/report.ts';
import { prose, toLines } from '../../src/parse/text.ts';
import { SEEDS } from '../pipeline/helpers.ts';
import { reportText } from './make.ts';

const PARA = '我单位政府信息公开工作还存在一些不足，主要是信息更新不够及时，公开内容不够全面。\n';
const codes = (t: string) => parseReport(t).warnings.map((w) => w.code);

describe('linear in the size of the text', () => {
  // Quadratic, 3 MB of section 五 took minutes (0.65 MB: 5.5 s); linear, well under a second.
  it('prose() joins 3 MB of wrapped lines at once', () => {
    const lines = toLines(PARA.repeat(75_000));
    const started = Date.now();
    const p = prose(lines);
    expect(p.text.length).toBeGreaterThanOrEqual(3_000_000);
    expect(p.lineAt(p.text.length - 1)).toBe(75_000);
    expect(p.lineAt(0)).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 30_000);

  it('a report with 3 MB in section 五 parses in seconds, its numbers unchanged', () => {
    const text = reportText();
    const big = text.replace('公开内容不够全面。', PARA.repeat(75_000));
    const started = Date.now();
    const r = parseReport(big), plain = parseReport(text);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.applications).toEqual(plain.applications);
    expect(r.narrative[0]!.text.length).toBeGreaterThanOrEqual(3_000_000);
  }, 60_000);

  it('lineAt gives the line each offset starts on', () => {
    const p = prose(toLines('甲乙\n\n丙丁戊\nab\ncd'));
    expect(p.text).toBe('甲乙丙丁戊ab cd');
    expect([0, 1, 2, 4, 5, 7, 8, 9].map((o) => p.lineAt(o))).toEqual([1, 1, 3, 3, 4, 4, 5, 5]);
  });
});

describe('size limit and repeated content', () => {
  it('the seeds and a plain report are not flagged', () => {
    for (const s of SEEDS) expect(codes(s.text), s.file).not.toContain('text_repeated');
    expect(codes(reportText())).not.toContain('text_too_large');
  });

  it('a seed pasted twice over is flagged as repeated', () => {
    for (const s of SEEDS) {
      const r = parseReport(s.text + '\n' + s.text);
      expect(r.warnings.map((w) => w.code), s.file).toContain('text_repeated');
      expect(r.status, s.file).not.toBe('ok');
    }
  });

  it(`a text over ${MAX_TEXT_CHARS} characters is read but flagged`, () => {
    const text = reportText().replace('公开内容不够全面。', PARA.repeat(Math.ceil(MAX_TEXT_CHARS / PARA.length) + 1));
    const r = parseReport(text);
    expect(r.warnings.map((w) => w.code)).toContain('text_too_large');
    expect(r.status).toBe('warnings');
    expect(r.fees.value).toBe(120);
  }, 60_000);
});
